import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { usesRef } from '../actions';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF011',
    id: 'uses-format',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      '`uses:` must be `owner/repo[/path]@ref`, `./path` or ' +
      "`docker://image`; a job's `uses:` must name a workflow file.",
    messages: {
      step: 'Invalid action reference "{{value}}": {{reason}}.',
      job: 'Invalid reusable workflow reference "{{value}}": {{reason}}.',
    },
    fixable: false,
    docs: {
      rationale:
        'Without a ref GitHub cannot resolve the action (`owner/repo@ref`, `owner/repo/path@ref`, `./path` or ' +
        '`docker://image[:tag]`, with no empty part); a reusable workflow must be a `.yml`/`.yaml` file under ' +
        '`.github/workflows`, with `@ref` when it is in another repository and without one when it is local. ' +
        'Severity error: GitHub rejects the workflow or fails the job before it starts.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n',
      peers: ['actionlint action', 'actionlint workflow-call'],
    },
  },
  check(ctx) {
    for (const job of ctx.model.jobs) {
      if (job.uses) {
        const v = job.uses.value;
        let reason: string | undefined;
        // An expression here is refused by the schema (WF007).
        if (v.includes('${{')) continue;
        if (v.startsWith('./')) {
          if (!/^\.\/\.github\/workflows\/[^/]+\.ya?ml$/.test(v))
            reason = 'a local reusable workflow must be "./.github/workflows/<file>.yml"';
          else if (v.includes('@')) reason = 'a local workflow takes no "@ref"';
        } else if (!/^[^/@\s]+\/[^/@\s]+\/\.github\/workflows\/[^/@\s]+\.ya?ml@[^\s@]+$/.test(v))
          reason = 'it must be "owner/repo/.github/workflows/<file>.yml@ref" or "./.github/workflows/<file>.yml"';
        if (reason)
          ctx.report({ start: job.uses.start, end: job.uses.end, messageId: 'job', data: { value: v, reason } });
      }
      for (const step of job.steps) {
        if (!step.uses || step.uses.value.includes('${{')) continue;
        const r = usesRef(step.uses);
        if (r.kind === 'invalid')
          ctx.report({
            start: step.uses.start,
            end: step.uses.end,
            messageId: 'step',
            data: { value: step.uses.value, reason: r.reason },
          });
      }
    }
  },
});
