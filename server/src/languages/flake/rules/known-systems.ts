import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';
import { OUTPUTS, SYSTEMS } from '../schema';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL009',
    id: 'flake-known-systems',
    kinds: ['flake'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: 'Per-system outputs are keyed by a known system such as x86_64-linux.',
    messages: {
      unknown:
        "'{{name}}' is not a known system (x86_64-linux, aarch64-linux, " +
        'x86_64-darwin, aarch64-darwin, ...); {{output}} is keyed by system: ' +
        '{{output}}.<system>{{rest}}.',
    },
    docs: {
      severity: 'A likely typo: Nix never builds for a system it does not know.',
      rationale:
        '`packages`, `devShells`, `apps`, `checks`, `formatter` and ' +
        '`legacyPackages` are keyed by system first. A typo (`x86-64-linux`) or a missing level ' +
        '(`packages.hello`) makes the output invisible to `nix build` on every machine.',
      incorrect: '{\n  outputs = { self }: {\n    packages.x86-64-linux.default = self;\n  };\n}\n',
      correct: '{\n  outputs = { self }: {\n    packages.x86_64-linux.default = self;\n  };\n}\n',
      peers: ['nix flake check'],
    },
  },
  check(ctx) {
    const t = flakeInfoOf(ctx).outputsTree;
    if (!t) return;
    for (const [name, e] of t.entries) {
      const k = OUTPUTS[name];
      if (!k?.perSystem || !e.tree) continue;
      for (const [sys, se] of e.tree.entries) {
        if (SYSTEMS.includes(sys)) continue;
        const near = SYSTEMS.find((s) => s.replace(/[-_]/g, '') === sys.replace(/[-_]/g, '').toLowerCase());
        const key = se.keys[0];
        ctx.report({
          start: key.start,
          end: key.end,
          messageId: 'unknown',
          data: { name: sys, output: name, rest: k.depth === 2 ? '.<name>' : '' },
          suggestions: near
            ? [
                {
                  title: `Change to ${near}`,
                  edits: se.keys.map((kk) => ({ start: kk.start, end: kk.end, newText: near })),
                  safe: false,
                },
              ]
            : undefined,
        });
      }
    }
  },
});
