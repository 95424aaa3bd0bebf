import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { INSTRUCTIONS } from '../data';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3061',
    id: 'instruction-order',
    defaultSeverity: 'error',
    description: 'An instruction comes before the first FROM (only ARG and comments may).',
    messages: { order: '`{{keyword}}` before the first FROM: a Dockerfile must begin with FROM, ARG or comments.' },
    fixable: false,
    docs: {
      severity: 'BuildKit refuses an instruction other than ARG before the first FROM: the build fails.',
      rationale:
        'Only ARG (and parser directives and comments) may come before the first FROM; anything else fails the build.',
      incorrect: 'RUN echo hi\nFROM alpine:3.20',
      correct: 'FROM alpine:3.20\nRUN echo hi',
      peers: ['hadolint DL3061'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword === 'FROM') break;
      if (!INSTRUCTIONS.includes(ins.keyword)) continue; // DF001 reports unknown words
      if (ins.keyword !== 'ARG') {
        ctx.report({
          start: ins.keywordStart,
          end: ins.keywordEnd,
          messageId: 'order',
          data: { keyword: ins.keyword },
        });
        break;
      }
    }
  },
});
