import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';
import { scopes } from '../scope';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX001',
    id: 'undefined-variable',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A variable is not bound by any lambda, let or rec, and is not a builtin.',
    messages: { undefined: "The variable '{{name}}' is not defined; Nix rejects the file." },
    docs: {
      severity: 'Evaluation fails on an undefined variable.',
      rationale:
        'Nix resolves names when it parses a file: a name that no enclosing ' +
        'function argument, `let`, `rec` set or builtin provides makes the whole file fail ' +
        '("undefined variable"). Inside `with e;` a name may come from `e`, so it is not reported ' +
        'there.',
      incorrect: '{ pkgs }:\npkgs.mkShell { buildInputs = [ pkgs.nodejs lib.foo ]; }\n',
      correct: '{ pkgs, lib }:\npkgs.mkShell { buildInputs = [ pkgs.nodejs lib.foo ]; }\n',
      peers: ['nix-instantiate (undefined variable)', 'nil undefined_name', 'nixd'],
    },
  },
  check(ctx) {
    if (ctx.model.problems.some((p) => p.messageId === 'tooDeep')) return;
    for (const r of scopes(ctx.model).refs)
      if (r.target === 'undefined')
        ctx.report({ start: r.start, end: r.end, messageId: 'undefined', data: { name: r.name } });
  },
});
