import { defineRule } from '../../../engine/define';
import type { DockerfileModel, DockerInstruction } from '../parse';

function flagsText(ins: DockerInstruction, text: string): string {
  return ins.flags
    .map((f) => text.slice(f.start, f.end))
    .sort()
    .join(' ');
}

/** A RUN that runs several commands (not a single pipeline), or a here-document script. */
function isScript(ins: DockerInstruction): boolean {
  return ins.heredocs.length > 0 || (ins.commands ?? []).some((c) => c.before !== null && c.before !== '|');
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
      severity: 'Practice: the image is only bigger or slower to build.',
      rationale:
        'Each RUN is a layer; files deleted in a later RUN still take space in ' +
        'the earlier one. As hadolint, RUNs with different flags (`--mount`, `--network`) are not reported, ' +
        'nor a RUN next to one that already chains commands (`&&`, `;`): those were split on purpose. Unlike ' +
        'hadolint, a RUN next to a here-document RUN (`RUN <<EOF`) is not reported either: the script is ' +
        'written as one on purpose and cannot be joined with `&&` (hadolint issue 805). Exec form is reported ' +
        'but not merged. The fix joins this RUN to the previous one with `&&` (a suggestion: it changes layer ' +
        'caching).',
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
      // a RUN that already chains commands (&&, ;, a here-document script) was split from its neighbour on purpose
      if (isScript(prev) || isScript(cur)) continue;
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
