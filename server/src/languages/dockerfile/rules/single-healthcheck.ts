import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3012',
    id: 'single-healthcheck',
    defaultSeverity: 'error',
    description: 'A stage has more than one HEALTHCHECK.',
    messages: { multiple: 'Multiple HEALTHCHECK instructions in this stage: only the last one takes effect.' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A stage has one HEALTHCHECK; earlier ones are silently overridden, ' +
        'which usually means a mistake or dead code. Same check as BuildKit ' +
        '`MultipleInstructionsDisallowed`. The fix deletes the earlier instruction (a suggestion).',
      incorrect: 'HEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -q -O - http://localhost/',
      correct: 'HEALTHCHECK CMD wget -q -O - http://localhost/',
      peers: ['hadolint DL3012', 'BuildKit MultipleInstructionsDisallowed'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const list = s.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      for (const ins of list.slice(0, -1)) {
        let end = ins.end;
        if (ctx.text[end] === '\r') end++;
        if (ctx.text[end] === '\n') end++;
        ctx.report({
          start: ins.keywordStart,
          end: ins.keywordEnd,
          messageId: 'multiple',
          fix: {
            title: 'Remove this overridden HEALTHCHECK',
            safe: false,
            edits: [{ start: ins.start, end, newText: '' }],
          },
        });
      }
    }
  },
});
