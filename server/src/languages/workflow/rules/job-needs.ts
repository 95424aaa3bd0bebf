import { defineRule } from '../../../engine/define';
import type { Job, WorkflowModel } from '../parse';
import { nearest } from '../../../text/nearest';
import { contentRange } from '../edits';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF008',
    id: 'job-needs',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: '`needs:` must name existing jobs, without duplicates or cycles.',
    messages: {
      unknown: 'Job "{{job}}" needs "{{need}}", which is not a job of this workflow.{{hint}}',
      self: 'Job "{{job}}" needs itself.',
      duplicate: '"{{need}}" is listed twice in the needs of "{{job}}".',
      cycle: 'Jobs depend on each other in a cycle: {{cycle}}.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A `needs:` entry naming a missing job, or jobs needing each other in ' +
        'a cycle (the cycle is named), make GitHub reject the whole workflow. Job ids are compared ' +
        'case-insensitively, as GitHub does. Severity error: GitHub rejects the workflow.',
      incorrect:
        'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: make ' +
        '}]\n  deploy:\n    needs: biuld\n    runs-on: ubuntu-latest\n    steps: [{ run: make ' +
        'deploy }]\n',
      correct:
        'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: make ' +
        '}]\n  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    steps: [{ run: make ' +
        'deploy }]\n',
      peers: ['actionlint job-needs'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const ids = model.jobs.map((j) => j.id);
    const byLower = new Map<string, Job>();
    for (const j of model.jobs) if (!byLower.has(j.id.toLowerCase())) byLower.set(j.id.toLowerCase(), j);
    const target = (id: string) => byLower.get(id.toLowerCase());
    for (const job of model.jobs) {
      const seen = new Set<string>();
      for (const n of job.needs) {
        if (n.value.includes('${{')) continue;
        const lower = n.value.toLowerCase();
        if (seen.has(lower)) {
          ctx.report({ start: n.start, end: n.end, messageId: 'duplicate', data: { job: job.id, need: n.value } });
          continue;
        }
        seen.add(lower);
        if (lower === job.id.toLowerCase()) {
          ctx.report({ start: n.start, end: n.end, messageId: 'self', data: { job: job.id } });
          continue;
        }
        if (!target(n.value)) {
          const near = nearest(
            n.value,
            ids.filter((i) => i !== job.id),
          );
          const [s, e] = contentRange(ctx.text, n);
          ctx.report({
            start: n.start,
            end: n.end,
            messageId: 'unknown',
            data: { job: job.id, need: n.value, hint: near ? ` Did you mean "${near}"?` : '' },
            suggestions: near
              ? [{ title: `Change to "${near}"`, edits: [{ start: s, end: e, newText: near }], safe: false }]
              : undefined,
          });
        }
      }
    }
    // Cycles: depth-first search over declared needs.
    const state = new Map<string, 0 | 1 | 2>();
    const stack: Job[] = [];
    const reported = new Set<string>();
    const visit = (job: Job) => {
      state.set(job.id, 1);
      stack.push(job);
      for (const n of job.needs) {
        const t = target(n.value);
        if (!t || t === job) continue;
        const st = state.get(t.id) ?? 0;
        if (st === 1) {
          const cyc = stack.slice(stack.indexOf(t)).map((j) => j.id);
          const key = [...cyc].sort().join(',');
          if (!reported.has(key)) {
            reported.add(key);
            ctx.report({
              start: n.start,
              end: n.end,
              messageId: 'cycle',
              data: { cycle: [...cyc, t.id].map((x) => `"${x}"`).join(' → ') },
            });
          }
        } else if (st === 0) visit(t);
      }
      stack.pop();
      state.set(job.id, 2);
    };
    for (const j of model.jobs) if (!state.get(j.id)) visit(j);
  },
});
