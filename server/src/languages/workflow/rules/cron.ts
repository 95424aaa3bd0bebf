import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entry, scalarText, nodeRange } from '../../../yaml/view';
import { minIntervalMinutes, parseCron } from '../cron';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF017',
    id: 'cron',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: '`schedule` cron expressions must be valid five-field POSIX cron, no more often than every 5 minutes.',
    messages: {
      invalid: 'Invalid cron "{{cron}}": {{reason}}.',
      frequent: 'Cron "{{cron}}" runs every {{minutes}} minute(s); GitHub runs schedules at most every 5 minutes.',
    },
    fixable: false,
    docs: {
      rationale: 'An invalid schedule never fires. GitHub skips runs more frequent than every five minutes.',
      incorrect:
        "on:\n  schedule:\n    - cron: '0 0 * *'\njobs:\n  build:\n    " +
        'runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      correct:
        "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  build:\n    " +
        'runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      peers: ['actionlint events'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const t of ctx.model.triggers) {
      if (t.name !== 'schedule') continue;
      for (const item of asSeq(t.value, doc)?.items ?? []) {
        const c = entry(asMap(item, doc), doc, 'cron', false);
        const s = asScalar(c?.value, doc);
        const v = scalarText(s);
        // `$cron-weekly` and friends are placeholders of GitHub's starter-workflow templates.
        if (!s || v === undefined || /^\$[a-z-]+$/.test(v.trim())) continue;
        const [start, end] = nodeRange(s);
        const r = parseCron(v);
        if (r.error) {
          ctx.report({ start, end, messageId: 'invalid', data: { cron: v, reason: r.error } });
          continue;
        }
        const every = minIntervalMinutes(r.fields!);
        if (every < 5) ctx.report({ start, end, messageId: 'frequent', data: { cron: v, minutes: every } });
      }
    }
  },
});
