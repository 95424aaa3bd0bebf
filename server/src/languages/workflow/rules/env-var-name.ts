import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, entries, entry } from '../../../yaml/view';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF024',
    id: 'env-var-name',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: 'Environment variable names must not contain spaces, `=` or `&`.',
    messages: { invalid: 'Invalid environment variable name "{{name}}": names cannot contain whitespace, "=" or "&".' },
    fixable: false,
    docs: {
      rationale:
        'A name with a space, `=` or `&` cannot be read back by a shell (`$MY VAR` is two words; `=` ends the name ' +
        'in the environment block), so the value never reaches the script as meant. Checked in workflow, job, ' +
        'step, container and service `env`. Severity warning: GitHub runs the workflow.',
      incorrect: 'env:\n  MY VAR: 1\n',
      correct: 'env:\n  MY_VAR: 1\n',
      peers: ['actionlint env-var'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const maps: unknown[] = [entry(ctx.model.root, doc, 'env', false)?.value];
    for (const job of ctx.model.jobs) {
      maps.push(job.env);
      const c = asMap(entry(job.node, doc, 'container', false)?.value, doc);
      maps.push(entry(c, doc, 'env', false)?.value);
      for (const svc of entries(asMap(entry(job.node, doc, 'services', false)?.value, doc), doc, false))
        maps.push(entry(asMap(svc.value, doc), doc, 'env', false)?.value);
      for (const step of job.steps) maps.push(step.env);
    }
    for (const m of maps)
      for (const e of entries(asMap(m, doc), doc, false)) {
        if (e.key.includes('${{')) continue;
        if (/[\s=&]/.test(e.key) || e.key === '')
          ctx.report({ start: e.keyStart, end: e.keyEnd, messageId: 'invalid', data: { name: e.key } });
      }
  },
});
