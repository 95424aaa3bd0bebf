import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';

/** Problems other rules report (they are errors Nix raises too, but have their own codes). */
export const OWNED_ELSEWHERE = new Set(['duplicateAttr', 'duplicateFormal']);

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX000',
    id: 'nix-syntax-error',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The file is not valid Nix.',
    messages: { syntax: '{{message}}' },
    docs: {
      severity: 'Nix cannot parse the file: any evaluation of it fails.',
      rationale:
        'Nix refuses to evaluate a file it cannot parse. The finding sits ' +
        'where `nix-instantiate --parse` (Nix 2.8) stops; the parser goes on after it, so one ' +
        'missing `;` gives one finding and the rest of the file is still checked. Dynamic ' +
        'attribute names in `let` and `inherit` are rejected by Nix while parsing, so they are ' +
        'reported here too.',
      incorrect: '{ pkgs }:\n{\n  a = pkgs.hello\n  b = 2;\n}\n',
      correct: '{ pkgs }:\n{\n  a = pkgs.hello;\n  b = 2;\n}\n',
      peers: ['nix-instantiate --parse', 'nil syntax errors'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.problems) {
      if (p.messageId && OWNED_ELSEWHERE.has(p.messageId)) continue;
      ctx.report({ start: p.start, end: p.end, messageId: 'syntax', data: { message: p.message } });
    }
  },
});
