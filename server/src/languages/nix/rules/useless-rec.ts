import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';
import { scopes } from '../scope';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX008',
    id: 'useless-rec',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'info',
    fixable: 'safe',
    description: 'A `rec` set whose attributes never refer to each other.',
    messages: { useless: 'This set is `rec` but no attribute refers to another; remove `rec`.' },
    docs: {
      severity: 'Style: `rec` that nothing uses only costs a little and invites accidental recursion.',
      rationale:
        '`rec` puts every attribute in scope of every other, which shadows ' +
        'outer names silently and makes infinite recursion easy. When nothing uses that, removing ' +
        '`rec` changes nothing and makes the set plain.',
      incorrect: 'rec { a = 1; b = 2; }\n',
      correct: 'rec { a = 1; b = a + 1; }\n',
      peers: ['nil useless_rec', 'statix manual_inherit'],
    },
  },
  check(ctx) {
    const used = new Set<unknown>();
    for (const d of scopes(ctx.model).defs) if (d.kind === 'rec' && d.uses > 0) used.add(d.scopeNode);
    for (const n of ctx.model.index.recSets) {
      if (used.has(n)) continue;
      let end = n.start + 3;
      while (end < ctx.text.length && /[ \t\r\n]/.test(ctx.text[end])) end++;
      ctx.report({
        start: n.start,
        end: n.start + 3,
        messageId: 'useless',
        fix: { title: 'Remove `rec`', edits: [{ start: n.start, end, newText: '' }], safe: true },
      });
    }
  },
});
