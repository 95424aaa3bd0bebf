import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF006',
    id: 'missing-key',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      "Required keys must be present (`on`, `jobs`, a job's `runs-on` and `steps`, a step's `run` or `uses`, ...).",
    messages: { missing: '"{{key}}" is required in {{section}}.' },
    fixable: false,
    docs: {
      rationale:
        'Without `on:` a workflow never runs; a job without `runs-on:` has ' +
        'nowhere to run; a step without `run:` or `uses:` does nothing and is rejected.',
      incorrect: 'on: push\njobs:\n  a:\n    steps:\n      - run: make\n',
      correct: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      peers: ['actionlint syntax-check'],
    },
  },
  check(ctx) {
    for (const i of ctx.model.schemaIssues)
      if (i.kind === 'missing-key')
        ctx.report({ start: i.start, end: i.end, messageId: 'missing', data: { key: i.key, section: i.section } });
  },
});
