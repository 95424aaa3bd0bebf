import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';
import { scopes } from '../scope';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX005',
    id: 'unused-formal',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'info',
    fixable: 'suggestion',
    description: 'A function argument named in a set pattern is never used.',
    messages: { unused: "The argument '{{name}}' is never used." },
    docs: {
      severity: 'Style: an unused argument is harmless; flakes often name `self` without using it.',
      rationale:
        'An argument the body never reads is noise. When the pattern ends in ' +
        '`...` it can be removed without changing what callers may pass; a pattern without `...` ' +
        "is the function's interface (callers must pass exactly those names, as in a flake's " +
        '`outputs`), so it is left alone, as are `self` and names starting with `_`.',
      incorrect: '{ pkgs, lib, ... }:\npkgs.hello\n',
      correct: '{ pkgs, ... }:\npkgs.hello\n',
      peers: ['deadnix', 'nil unused_binding'],
    },
  },
  check(ctx) {
    for (const d of scopes(ctx.model).defs) {
      if (d.kind !== 'formal' || d.uses > 0 || d.name.startsWith('_') || d.name === 'self') continue;
      const lambda = d.scopeNode;
      if (lambda.type !== 'Lambda' || !lambda.formals) continue;
      // `args@{ a, ... }` passes everything on through args: leave it alone.
      if (lambda.param) continue;
      const formals = lambda.formals;
      // Without `...` the pattern is the function's interface: callers must pass exactly these.
      if (!formals.ellipsis) continue;
      const f = d.owner;
      if (f.type !== 'Formal') continue;
      let suggestions;
      if (formals.ellipsis) {
        // Remove the formal and its following comma (every formal before `...` has one).
        const idx = formals.formals.indexOf(f);
        const comma = formals.commas[idx];
        let end = comma !== undefined ? comma + 1 : f.end;
        while (end < ctx.text.length && /[ \t]/.test(ctx.text[end])) end++;
        if (ctx.text[end] === '\n') {
          let s = f.start;
          while (s > 0 && /[ \t]/.test(ctx.text[s - 1])) s--;
          if (s === 0 || ctx.text[s - 1] === '\n')
            suggestions = [
              { title: `Remove '${d.name}'`, edits: [{ start: s, end: end + 1, newText: '' }], safe: false },
            ];
        }
        if (!suggestions)
          suggestions = [{ title: `Remove '${d.name}'`, edits: [{ start: f.start, end, newText: '' }], safe: false }];
      }
      ctx.report({ start: d.node.start, end: d.node.end, messageId: 'unused', data: { name: d.name }, suggestions });
    }
  },
});
