import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asSeq, entries, entry, nodeRange } from '../../../yaml/view';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF006',
    id: 'missing-key',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      "Required keys must be present (`on`, `jobs`, a job's `runs-on` and `steps`, a step's `run` or `uses`, " +
      "a concurrency `group`, a called input's `type` ...), and `jobs` and `steps` must not be empty.",
    messages: {
      missing: '"{{key}}" is required in {{section}}.',
      empty: '{{section}} must hold at least one {{what}}.',
    },
    fixable: false,
    docs: {
      rationale:
        'Without `on:` a workflow never runs; a job without `runs-on:` has nowhere to run; a job needs at least ' +
        'one step and a workflow at least one job; a step without `run:` or `uses:` does nothing. The required ' +
        "keys come from GitHub's workflow schema; steps and jobs being required and non-empty from GitHub's " +
        'validation of the file. Severity error: GitHub rejects the workflow.',
      incorrect: 'on: push\njobs:\n  a:\n    steps:\n      - run: make\n',
      correct: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      peers: ['actionlint syntax-check'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const i of model.schemaIssues)
      if (i.kind === 'missing-key')
        ctx.report({ start: i.start, end: i.end, messageId: 'missing', data: { key: i.key, section: i.section } });
    const doc = model.doc;
    const jobs = entry(model.root, doc, 'jobs', false);
    if (jobs && model.jobsNode && !entries(model.jobsNode, doc, false).length)
      ctx.report({
        start: jobs.keyStart,
        end: jobs.keyEnd,
        messageId: 'empty',
        data: { section: 'jobs', what: 'job' },
      });
    for (const job of model.jobs) {
      const steps = entry(job.node, doc, 'steps', false);
      const seq = asSeq(steps?.value, doc);
      if (steps && seq && !seq.items.length) {
        const [s, e] = nodeRange(seq);
        ctx.report({ start: s, end: e, messageId: 'empty', data: { section: `jobs.${job.id}.steps`, what: 'step' } });
      }
    }
  },
});
