import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4004',
    id: 'single-entrypoint',
    defaultSeverity: 'error',
    description: 'A stage has more than one ENTRYPOINT.',
    messages: { multiple: 'Multiple ENTRYPOINT instructions in this stage: only the last one takes effect.' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A stage has one ENTRYPOINT; earlier ones are silently overridden, ' +
        'which usually means a mistake or dead code. Same check as BuildKit ' +
        '`MultipleInstructionsDisallowed`. The fix deletes the earlier instruction (a suggestion).',
      incorrect: 'ENTRYPOINT ["a"]\nENTRYPOINT ["b"]',
      correct: 'ENTRYPOINT ["b"]',
      peers: ['hadolint DL4004', 'BuildKit MultipleInstructionsDisallowed'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const list = s.instructions.filter((i) => i.keyword === 'ENTRYPOINT');
      for (const ins of list.slice(0, -1)) {
        let end = ins.end;
        if (ctx.text[end] === '\r') end++;
        if (ctx.text[end] === '\n') end++;
        ctx.report({
          start: ins.keywordStart,
          end: ins.keywordEnd,
          messageId: 'multiple',
          fix: {
            title: 'Remove this overridden ENTRYPOINT',
            safe: false,
            edits: [{ start: ins.start, end, newText: '' }],
          },
        });
      }
    }
  },
});
