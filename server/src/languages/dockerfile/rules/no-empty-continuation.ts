import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF004',
    id: 'no-empty-continuation',
    defaultSeverity: 'warning',
    description: 'Empty continuation lines will become errors in a future release.',
    messages: {
      empty:
        'Empty line inside a continued instruction: Docker ignores it today and will reject it in a future release.',
    },
    fixable: 'safe',
    docs: {
      severity:
        'It builds today, but BuildKit has announced that empty continuation lines will become an error: a ' +
        'real risk for a file that must keep building.',
      rationale:
        'A blank line after a `\\` continuation is skipped by the parser but ' +
        'deprecated; it also hides where an instruction really ends. BuildKit ' +
        '`NoEmptyContinuation`. The fix deletes the empty line and is safe. Comment lines inside a ' +
        'continuation are fine.',
      incorrect: 'RUN apk add --no-cache \\\n\n    curl',
      correct: 'RUN apk add --no-cache \\\n    curl',
      peers: ['BuildKit NoEmptyContinuation', 'dockerfile-utils emptyContinuationLine'],
    },
  },
  check(ctx) {
    const esc = ctx.model.escape;
    for (const ins of ctx.model.instructions) {
      if (ins.heredocs.length) continue;
      const lines = ctx.lines;
      const first = lines.position(ins.start).line,
        last = lines.position(ins.end).line;
      for (let l = first + 1; l < last; l++) {
        const t = lines.lineText(l);
        if (t.trim() !== '') continue;
        // the empty line must follow a continued line (or another empty/comment line of the block)
        let p = l - 1;
        while (p > first && (lines.lineText(p).trim() === '' || lines.lineText(p).trim().startsWith('#'))) p--;
        if (!lines.lineText(p).trimEnd().endsWith(esc)) continue;
        const start = lines.lineStart(l);
        const end = lines.lineStart(l + 1);
        ctx.report({
          start,
          end: start,
          messageId: 'empty',
          fix: { title: 'Remove the empty line', safe: true, edits: [{ start, end, newText: '' }] },
        });
      }
    }
  },
});
