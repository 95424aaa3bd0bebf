import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asScalar, entry, nodeRange } from '../../../yaml/view';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF046',
    id: 'number-value',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: '`max-parallel` must be a whole number of jobs, and time limits greater than zero.',
    messages: {
      integer: '"max-parallel" is a number of jobs: {{value}} is not a whole number.',
      positive: '"{{key}}" is {{value}}; a time limit must be greater than zero.',
    },
    fixable: false,
    docs: {
      rationale:
        "GitHub's schema types `max-parallel` and the `timeout-minutes` keys as numbers, so `2.5` or `0` load; " +
        'what they mean is another matter (half a job, a job that times out at once). Severity warning.',
      incorrect:
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      max-parallel: 2.5\n      matrix:\n' +
        '        go: ["1.22", "1.23"]\n    steps:\n      - run: go test ./...\n',
      correct:
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      max-parallel: 2\n      matrix:\n' +
        '        go: ["1.22", "1.23"]\n    steps:\n      - run: go test ./...\n',
      peers: ['actionlint syntax-check'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const num = (holder: unknown, key: string) => {
      const s = asScalar(entry(holder, doc, key, false)?.value, doc);
      return s && typeof s.value === 'number' ? { s, v: s.value } : undefined;
    };
    for (const job of ctx.model.jobs) {
      const mp = num(asMap(entry(job.node, doc, 'strategy', false)?.value, doc), 'max-parallel');
      if (mp && !Number.isInteger(mp.v)) {
        const [s, e] = nodeRange(mp.s);
        ctx.report({ start: s, end: e, messageId: 'integer', data: { value: mp.v } });
      }
      const holders: unknown[] = [job.node, ...job.steps.map((st) => st.node)];
      for (const h of holders)
        for (const key of ['timeout-minutes', 'cancel-timeout-minutes']) {
          const t = num(h, key);
          if (t && t.v <= 0) {
            const [s, e] = nodeRange(t.s);
            ctx.report({ start: s, end: e, messageId: 'positive', data: { key, value: t.v } });
          }
        }
    }
  },
});
