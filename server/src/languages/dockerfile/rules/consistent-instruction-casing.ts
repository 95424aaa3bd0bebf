import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { INSTRUCTIONS } from '../data';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF005',
    id: 'consistent-instruction-casing',
    defaultSeverity: 'info',
    description: 'All instructions should use the same casing (uppercase is the convention).',
    messages: { casing: '`{{written}}` does not match the {{majority}} casing of the other instructions.' },
    fixable: 'safe',
    docs: {
      severity: 'Style: instructions are case-insensitive, the build is the same.',
      rationale:
        'Mixed-case instructions are harder to scan. BuildKit ' +
        '`ConsistentInstructionCasing` compares with the majority; so do we. The fix rewrites the ' +
        'keyword and is safe (instructions are case-insensitive).',
      incorrect: 'FROM alpine:3.20\nrun echo hi',
      correct: 'FROM alpine:3.20\nRUN echo hi',
      peers: ['BuildKit ConsistentInstructionCasing', 'dockerfile-utils instructionCasing'],
    },
  },
  check(ctx) {
    const all = ctx.model.instructions
      .flatMap((i) => (i.trigger ? [i, i.trigger] : [i]))
      .filter((i) => INSTRUCTIONS.includes(i.keyword));
    let upper = 0,
      lower = 0;
    for (const i of all) {
      if (i.written === i.keyword) upper++;
      else if (i.written === i.keyword.toLowerCase()) lower++;
    }
    const wantUpper = upper >= lower;
    for (const i of all) {
      const want = wantUpper ? i.keyword : i.keyword.toLowerCase();
      if (i.written === want) continue;
      ctx.report({
        start: i.keywordStart,
        end: i.keywordEnd,
        messageId: 'casing',
        data: { written: i.written, majority: wantUpper ? 'uppercase' : 'lowercase' },
        fix: {
          title: `Write ${want}`,
          safe: true,
          edits: [{ start: i.keywordStart, end: i.keywordEnd, newText: want }],
        },
      });
    }
  },
});
