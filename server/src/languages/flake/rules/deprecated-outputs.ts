import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';
import { DEPRECATED_OUTPUTS } from '../schema';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL008',
    id: 'flake-deprecated-outputs',
    kinds: ['flake'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description:
      'Deprecated flake outputs (defaultPackage, devShell, defaultApp, overlay, nixosModule, defaultTemplate).',
    messages: { deprecated: "'{{name}}' is deprecated; use {{replacement}}." },
    docs: {
      severity:
        'A real risk: the old names still work, but `nix flake check` warns and newer tools look only at the ' +
        'new ones.',
      rationale:
        'Nix 2.7 replaced `defaultPackage.<system>` with ' +
        '`packages.<system>.default` (and likewise `devShell`, `defaultApp`, `defaultBundler`, ' +
        '`overlay`, `nixosModule`, `defaultTemplate`). The old names still work but `nix flake ' +
        'check` warns, and newer tools look only at the new ones.',
      incorrect: '{\n  outputs = { self }: {\n    devShell.x86_64-linux = self;\n  };\n}\n',
      correct: '{\n  outputs = { self }: {\n    devShells.x86_64-linux.default = self;\n  };\n}\n',
      peers: ['nix flake check (deprecated output)'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    const t = info.outputsTree;
    if (!t) return;
    for (const [name, e] of t.entries) {
      const d = DEPRECATED_OUTPUTS[name];
      if (!d) continue;
      const replacement = d.perSystem ? `${d.to}.<system>.default` : `${d.to}.default`;
      for (const key of e.keys) {
        const b = e.bindings.find((x) => x.type === 'Attribute' && x.path[0] === key);
        let suggestions;
        if (b && b.type === 'Attribute') {
          const path = b.path;
          if (!d.perSystem) {
            suggestions = [
              {
                title: `Rename to ${d.to}.default`,
                edits: [{ start: key.start, end: key.end, newText: `${d.to}.default` }],
                safe: false,
              },
            ];
          } else if (path.length === 2 && path[1].type === 'Ident') {
            suggestions = [
              {
                title: `Rename to ${d.to}.${path[1].name}.default`,
                edits: [
                  { start: key.start, end: key.end, newText: d.to },
                  { start: path[1].end, end: path[1].end, newText: '.default' },
                ],
                safe: false,
              },
            ];
          }
        }
        ctx.report({
          start: key.start,
          end: key.end,
          messageId: 'deprecated',
          data: { name, replacement },
          suggestions,
        });
      }
    }
  },
});
