import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';
import { scopes } from '../scope';
import { removalRange } from '../util';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX004',
    id: 'unused-let-binding',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'info',
    fixable: 'suggestion',
    description: 'A `let` binding is never used.',
    messages: { unused: "'{{name}}' is bound by let but never used." },
    docs: {
      severity: 'Style: an unused binding is dead code, not an error (Nix evaluates lazily).',
      rationale:
        'A binding nobody reads is dead code (Nix is lazy, so it is never even ' +
        'evaluated); it is often a typo for the name that is used, or left over from a refactoring.',
      incorrect: 'let\n  pkgs = import <nixpkgs> { };\n  unused = 1;\nin\npkgs.hello\n',
      correct: 'let\n  pkgs = import <nixpkgs> { };\nin\npkgs.hello\n',
      peers: ['deadnix', 'nil unused_binding'],
    },
  },
  check(ctx) {
    for (const d of scopes(ctx.model).defs) {
      if (d.kind === 'rec' || d.uses > 0 || d.name.startsWith('_')) continue;
      const scopeNode = d.scopeNode;
      if (scopeNode.type !== 'Let') continue;
      const b = d.owner;
      let fix;
      if (b.type === 'Attribute' && b.path.length === 1) {
        const r = removalRange(ctx.text, b.start, b.end);
        fix = { title: `Remove '${d.name}'`, edits: [{ start: r.start, end: r.end, newText: '' }], safe: false };
      } else if (b.type === 'Inherit' && b.names.length === 1) {
        const r = removalRange(ctx.text, b.start, b.end);
        fix = {
          title: `Remove 'inherit ${d.name}'`,
          edits: [{ start: r.start, end: r.end, newText: '' }],
          safe: false,
        };
      } else if (b.type === 'Inherit') {
        const a = d.node;
        let s = a.start;
        while (s > 0 && /[ \t]/.test(ctx.text[s - 1])) s--;
        fix = {
          title: `Remove '${d.name}' from the inherit`,
          edits: [{ start: s, end: a.end, newText: '' }],
          safe: false,
        };
      }
      ctx.report({
        start: d.node.start,
        end: d.node.end,
        messageId: 'unused',
        data: { name: d.name },
        suggestions: fix ? [fix] : undefined,
      });
    }
  },
});
