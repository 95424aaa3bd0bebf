import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { nearest } from '../../../text/nearest';
import { INSTRUCTIONS } from '../data';
import { lostContinuations } from '../continuation';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF001',
    id: 'unknown-instruction',
    defaultSeverity: 'error',
    description: 'The line starts with a word that is not a Dockerfile instruction.',
    messages: {
      unknown: 'Unknown instruction: {{word}}',
      lostContinuation:
        'Unknown instruction: {{word}}. Line {{line}} probably lost its `{{escape}}` at the end: ' +
        'this line reads as the rest of the {{keyword}} above.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'BuildKit stops at an unknown instruction: the build fails.',
      rationale:
        'Docker stops the build at the first unknown instruction. Usually it ' +
        'is a typo, or a shell line whose `\\` continuation went missing on the line before. When ' +
        'a real instruction is close, the fix changes the word (a suggestion). When the line reads as ' +
        'the rest of the instruction above (it is indented under it, starts with `&&`, `|` or a `-` ' +
        'flag, or the line above ends with `&&`), the message says so and the fix adds ` \\` at the end ' +
        'of the line above. The other rules then leave that cut instruction alone until it is mended: ' +
        'what they would say about half a RUN (no `rm -rf /var/lib/apt/lists/*`, no `-y`) is about the ' +
        'half the cut hid.',
      incorrect: 'FROM alpine:3.20\nRUN apk add --no-cache curl &&\n    rm -rf /tmp/*',
      correct: 'FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    rm -rf /tmp/*',
      peers: ['dockerfile-utils validate', 'BuildKit parser'],
    },
  },
  check(ctx) {
    const lost = new Map(lostContinuations(ctx).map((l) => [l.line, l]));
    const all = ctx.model.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i]));
    for (const ins of all) {
      const k = ins.keyword;
      if (INSTRUCTIONS.includes(k)) continue;
      const cut = lost.get(ins);
      if (cut) {
        const escape = ctx.model.escape;
        const line = ctx.lines.position(cut.at).line + 1;
        ctx.report({
          start: ins.keywordStart,
          end: ins.keywordEnd,
          messageId: 'lostContinuation',
          data: { word: ins.written, line, escape, keyword: cut.cut.written },
          fix: {
            title: `Add \`${escape}\` at the end of line ${line}`,
            safe: false,
            edits: [{ start: cut.at, end: cut.at, newText: ` ${escape}` }],
          },
        });
        continue;
      }
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
