import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX003',
    id: 'duplicate-formal',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A function pattern names the same argument twice.',
    messages: { duplicate: "The argument '{{name}}' is named twice in the function's pattern; Nix rejects the file." },
    docs: {
      severity: 'Nix refuses a pattern that names an argument twice.',
      rationale:
        'A set pattern `{ a, b, a }:`, or a pattern whose `@` name repeats one ' +
        'of its formals (`{ pkgs }@pkgs:`), is rejected by Nix when it parses the file.',
      incorrect: '{ pkgs, lib, pkgs }:\nlib.id pkgs\n',
      correct: '{ pkgs, lib }:\nlib.id pkgs\n',
      peers: ['nix-instantiate (duplicate formal function argument)', 'nil duplicated_param'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.problems)
      if (p.messageId === 'duplicateFormal')
        ctx.report({ start: p.start, end: p.end, messageId: 'duplicate', data: { name: String(p.data?.name ?? '') } });
  },
});
