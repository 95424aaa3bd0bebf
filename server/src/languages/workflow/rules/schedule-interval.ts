import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { schedules } from './cron';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF034',
    id: 'schedule-interval',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: 'A schedule runs at most every 5 minutes, whatever the cron says.',
    messages: {
      frequent: 'Cron "{{cron}}" runs every {{minutes}} minute(s); GitHub runs schedules at most every 5 minutes.',
    },
    fixable: false,
    docs: {
      rationale:
        'GitHub runs a scheduled workflow at most once every five minutes (and delays runs under load), so a ' +
        'shorter interval is not what happens. Severity warning: the workflow runs, less often than written.',
      incorrect:
        "on:\n  schedule:\n    - cron: '* * * * *'\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n" +
        '      - run: make\n',
      correct:
        "on:\n  schedule:\n    - cron: '*/15 * * * *'\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n" +
        '      - run: make\n',
      peers: ['actionlint events'],
    },
  },
  check(ctx) {
    for (const s of ctx.once('workflow:schedules', () => schedules(ctx.model)))
      if (s.every !== undefined && s.every < 5)
        ctx.report({ start: s.start, end: s.end, messageId: 'frequent', data: { cron: s.cron, minutes: s.every } });
  },
});
