import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL005',
    id: 'flake-follows-target',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: '`follows` names an input this flake declares.',
    messages: {
      missing: "'{{target}}' is not an input of this flake; `follows` must name one (declared: {{declared}}).",
    },
    docs: {
      severity: 'Locking fails when `follows` names an input that is not declared.',
      rationale:
        '`inputs.x.inputs.nixpkgs.follows = "nixpkgs"` makes x use this ' +
        "flake's own nixpkgs. The path's first part must be an input declared here; otherwise " +
        'locking fails.',
      incorrect:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  inputs.utils.url ' +
        '= "github:numtide/flake-utils";\n  inputs.utils.inputs.nixpkgs.follows = "nixpgks";\n  ' +
        'outputs = { self, nixpkgs, utils }: { };\n}\n',
      correct:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  inputs.utils.url ' +
        '= "github:numtide/flake-utils";\n  inputs.utils.inputs.nixpkgs.follows = "nixpkgs";\n  ' +
        'outputs = { self, nixpkgs, utils }: { };\n}\n',
      peers: ['nix flake lock'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    if (!info.inputsComplete) return;
    const names = [...info.inputs.keys()];
    const check = (value: string, node: { start: number; end: number }) => {
      if (value === '') return;
      const first = value.split('/')[0];
      if (!info.inputs.has(first))
        ctx.report({
          start: node.start,
          end: node.end,
          messageId: 'missing',
          data: { target: first, declared: names.join(', ') || 'none' },
        });
    };
    for (const inp of info.inputs.values()) {
      if (inp.follows) check(inp.follows.value, inp.follows.node);
      for (const f of inp.nestedFollows) check(f.value, f.node);
    }
  },
});
