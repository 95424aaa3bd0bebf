import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL011',
    id: 'flake-implicit-input',
    kinds: ['flake'],
    defaultSeverity: 'info',
    fixable: 'suggestion',
    description: 'An outputs argument that no input declares comes from the flake registry.',
    messages: {
      undeclared:
        "'{{name}}' is not a declared input, so Nix looks it up in the flake " +
        'registry (whatever `flake:{{name}}` points to on each machine).',
    },
    docs: {
      severity: 'Practice: it works, but the input comes from the registry and is not pinned by this flake.',
      rationale:
        'Nix treats an `outputs` argument that `inputs` does not declare as ' +
        "the indirect input `flake:<name>`, resolved through the user's registry. It is locked " +
        'like any input, but which flake it is depends on the machine that first locks it; ' +
        'declaring it with a URL says what is meant.',
      incorrect: '{\n  outputs = { self, nixpkgs }: { };\n}\n',
      correct:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  outputs = { self, nixpkgs }: { };\n}\n',
      peers: ['nix flake metadata'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    const formals = info.outputsLambda?.formals;
    if (!formals || !info.inputsComplete || !info.top) return;
    const inputsEntry = info.tree?.entries.get('inputs');
    for (const f of formals.formals) {
      const name = f.name.name;
      if (name === 'self' || f.def || info.inputs.has(name)) continue;
      // Offer to declare it, when the flake's inputs are written as `inputs.x.url = ...` lines or there are none.
      const suggestions = [];
      const known =
        name === 'nixpkgs'
          ? 'github:NixOS/nixpkgs/nixos-unstable'
          : name === 'flake-utils'
            ? 'github:numtide/flake-utils'
            : undefined;
      if (known && !inputsEntry) {
        const at = info.top.open + 1;
        suggestions.push({
          title: `Declare inputs.${name}.url`,
          edits: [{ start: at, end: at, newText: `\n  inputs.${name}.url = "${known}";` }],
          safe: false,
        });
      }
      ctx.report({
        start: f.name.start,
        end: f.name.end,
        messageId: 'undeclared',
        data: { name },
        suggestions: suggestions.length ? suggestions : undefined,
      });
    }
  },
});
