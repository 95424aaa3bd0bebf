import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { nearest } from '../../../text/nearest';
import { INSTRUCTIONS } from '../data';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF001',
    id: 'unknown-instruction',
    defaultSeverity: 'error',
    description: 'The line starts with a word that is not a Dockerfile instruction.',
    messages: { unknown: 'Unknown instruction: {{word}}' },
    fixable: 'suggestion',
    docs: {
      severity: 'BuildKit stops at an unknown instruction: the build fails.',
      rationale:
        'Docker stops the build at the first unknown instruction. Usually it ' +
        'is a typo, or a shell line whose `\\` continuation went missing on the line before. When ' +
        'a real instruction is close, the fix changes the word (a suggestion).',
      incorrect: 'FROM alpine:3.20\nRUN apk add --no-cache curl &&\n    rm -rf /tmp/*',
      correct: 'FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    rm -rf /tmp/*',
      peers: ['dockerfile-utils validate', 'BuildKit parser'],
    },
  },
  check(ctx) {
    const all = ctx.model.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i]));
    for (const ins of all) {
      const k = ins.keyword;
      if (INSTRUCTIONS.includes(k)) continue;
      const near = k.length > 2 ? nearest(k, INSTRUCTIONS) : undefined;
      ctx.report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        messageId: 'unknown',
        data: { word: ins.written },
        fix: near
          ? {
              title: `Change to ${near}`,
              safe: false,
              edits: [{ start: ins.keywordStart, end: ins.keywordEnd, newText: near }],
            }
          : undefined,
      });
    }
  },
});
