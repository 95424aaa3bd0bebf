import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

const ID_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF009',
    id: 'ids',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Job and step ids must be valid names, and step ids unique within their job.',
    messages: {
      jobId:
        'Invalid job id "{{id}}": it must start with a letter or "_" and contain only letters, digits, "-" and "_".',
      stepId:
        'Invalid step id "{{id}}": it must start with a letter or "_" and contain only letters, digits, "-" and "_".',
      duplicateStep: 'Step id "{{id}}" is already used by step {{other}} of job "{{job}}".',
      duplicateJob: 'Job id "{{id}}" differs from job "{{other}}" only in case; job ids are case-insensitive.',
    },
    fixable: false,
    docs: {
      rationale:
        'GitHub rejects ids that start with a digit or contain other ' +
        'characters, and `steps.<id>` can only name one step (ids compare case-insensitively). Severity error: ' +
        'GitHub rejects the workflow.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - id: build\n        run: make\n      - id: build\n        run: make test\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - id: build\n        run: make\n      - id: test\n        run: make test\n',
      peers: ['actionlint id'],
    },
  },
  check(ctx) {
    const lower = new Map<string, string>();
    for (const job of ctx.model.jobs) {
      if (!ID_RE.test(job.id))
        ctx.report({ start: job.keyStart, end: job.keyEnd, messageId: 'jobId', data: { id: job.id } });
      const prev = lower.get(job.id.toLowerCase());
      if (prev !== undefined && prev !== job.id)
        ctx.report({
          start: job.keyStart,
          end: job.keyEnd,
          messageId: 'duplicateJob',
          data: { id: job.id, other: prev },
        });
      else lower.set(job.id.toLowerCase(), job.id);
      const seen = new Map<string, number>();
      for (const step of job.steps) {
        const id = step.id;
        if (!id || id.value.includes('${{')) continue;
        if (!ID_RE.test(id.value))
          ctx.report({ start: id.start, end: id.end, messageId: 'stepId', data: { id: id.value } });
        const key = id.value.toLowerCase();
        const other = seen.get(key);
        if (other !== undefined)
          ctx.report({
            start: id.start,
            end: id.end,
            messageId: 'duplicateStep',
            data: { id: id.value, other: other + 1, job: job.id },
          });
        else seen.set(key, step.index);
      }
    }
  },
});
