import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';
import { scopes } from '../scope';
import { declareInputFix } from '../flake-inputs';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX001',
    id: 'undefined-variable',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'A variable is not bound by any lambda, let or rec, and is not a builtin.',
    messages: { undefined: "The variable '{{name}}' is not defined; Nix rejects the file." },
    docs: {
      severity: 'Evaluation fails on an undefined variable.',
      rationale:
        'Nix resolves names when it parses a file: a name that no enclosing ' +
        'function argument, `let`, `rec` set or builtin provides makes the whole file fail ' +
        '("undefined variable"). Inside `with e;` a name may come from `e`, so it is not reported ' +
        'there. In a flake.nix, a name `outputs` uses as an input (a well-known one such as `nixpkgs` or ' +
        '`flake-utils`, one `inputs` declares, or one used as a flake: `name.lib`, `name.packages`) gets a ' +
        'fix that declares it in `inputs` and adds it to the `outputs` pattern (a pattern with `...` still ' +
        'binds only the names it lists). The fix writes the usual URL of a well-known input; for another ' +
        'name it is a snippet whose tab stop is the URL, offered only to editors that take snippet edits: a ' +
        'fix never writes a placeholder word.',
      incorrect: '{ pkgs }:\npkgs.mkShell { buildInputs = [ pkgs.nodejs lib.foo ]; }\n',
      correct: '{ pkgs, lib }:\npkgs.mkShell { buildInputs = [ pkgs.nodejs lib.foo ]; }\n',
      peers: ['nix-instantiate (undefined variable)', 'nil undefined_name', 'nixd'],
    },
  },
  check(ctx) {
    if (ctx.model.problems.some((p) => p.messageId === 'tooDeep')) return;
    for (const r of scopes(ctx.model).refs)
      if (r.target === 'undefined')
        ctx.report({
          start: r.start,
          end: r.end,
          messageId: 'undefined',
          data: { name: r.name },
          fix: ctx.kind === 'flake' ? declareInputFix(ctx.model, r) : undefined,
        });
  },
});
