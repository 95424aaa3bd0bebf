import { defineRule } from '../../../engine/define';
import type { DockerfileModel, DockerInstruction } from '../parse';

function flagsText(ins: DockerInstruction, text: string): string {
  return ins.flags
    .map((f) => text.slice(f.start, f.end))
    .sort()
    .join(' ');
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3059',
    id: 'consecutive-run',
    defaultSeverity: 'info',
    description: 'Consecutive RUN instructions that could be one layer.',
    messages: { consecutive: 'This RUN follows another one: joined, they make one layer instead of two.' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Each RUN is a layer; files deleted in a later RUN still take space in ' +
        'the earlier one. RUNs with different flags (`--mount`, `--network`) are not reported, nor ' +
        'RUNs that are already scripts of three or more commands; exec form and here-documents are ' +
        'reported but not merged. The fix joins this RUN to the previous one with `&&` (a ' +
        'suggestion: it changes layer caching).',
      incorrect: 'RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
      correct: 'RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl',
      peers: ['hadolint DL3059'],
    },
  },
  check(ctx) {
    const list = ctx.model.instructions;
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1],
        cur = list[k];
      if (prev.keyword !== 'RUN' || cur.keyword !== 'RUN' || prev.stage !== cur.stage) continue;
      if (flagsText(prev, ctx.text) !== flagsText(cur, ctx.text)) continue;
      // RUNs that are already scripts of three or more commands were split on purpose: leave them
      if ((prev.commands?.length ?? 0) > 2 || (cur.commands?.length ?? 0) > 2) continue;
      const between = ctx.text.slice(prev.end, cur.start);
      const mergeable =
        !prev.json &&
        !cur.json &&
        !prev.heredocs.length &&
        !cur.heredocs.length &&
        /^\s*$/.test(between) &&
        /^[^\n]*$/.test(ctx.text.slice(prev.bodyStart, prev.end).replace(/\\\r?\n/g, ''));
      ctx.report({
        start: cur.start,
        end: cur.keywordEnd,
        messageId: 'consecutive',
        fix: mergeable
          ? {
              title: 'Merge into the previous RUN',
              safe: false,
              edits: [{ start: prev.end, end: cur.bodyStart, newText: ' \\\n    && ' }],
            }
          : undefined,
      });
    }
  },
});
