import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entry, scalarText, nodeRange } from '../../../yaml/view';
import { minIntervalMinutes, parseCron } from '../cron';

export interface Schedule {
  cron: string;
  start: number;
  end: number;
  error?: string;
  every?: number;
  timezone?: { value: string; start: number; end: number };
}

/** The `schedule` entries with their parsed cron (shared by the cron rules of one check). */
export function schedules(model: WorkflowModel): Schedule[] {
  const doc = model.doc;
  const out: Schedule[] = [];
  for (const t of model.triggers) {
    if (t.name !== 'schedule') continue;
    for (const item of asSeq(t.value, doc)?.items ?? []) {
      const m = asMap(item, doc);
      const s = asScalar(entry(m, doc, 'cron', false)?.value, doc);
      const v = scalarText(s);
      // `$cron-weekly` and friends are placeholders of GitHub's starter-workflow templates.
      if (!s || v === undefined || /^\$[a-z-]+$/.test(v.trim()) || v.includes('${{')) continue;
      const [start, end] = nodeRange(s);
      const r = parseCron(v);
      const tz = asScalar(entry(m, doc, 'timezone', false)?.value, doc);
      const tzv = scalarText(tz);
      const timezone = tz && tzv ? { value: tzv, start: nodeRange(tz)[0], end: nodeRange(tz)[1] } : undefined;
      out.push({
        cron: v,
        start,
        end,
        error: r.error,
        every: r.fields ? minIntervalMinutes(r.fields) : undefined,
        timezone,
      });
    }
  }
  return out;
}

/** Whether the runtime knows the IANA time zone. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC' || zone === 'GMT';
  } catch {
    return false;
  }
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF017',
    id: 'cron',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: '`schedule` cron expressions must be valid five-field POSIX cron, and `timezone` an IANA time zone.',
    messages: {
      invalid: 'Invalid cron "{{cron}}": {{reason}}.',
      timezone: 'Unknown time zone "{{zone}}": use an IANA name such as "Europe/Paris" or "UTC".',
    },
    fixable: false,
    docs: {
      rationale:
        'A schedule is five fields (minute, hour, day of month, month, day of week), with ranges, steps, lists ' +
        'and month or day names, but no `@daily` shorthands; `timezone:` takes an IANA zone. Severity error: ' +
        'GitHub rejects the workflow.',
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
    for (const s of ctx.once('workflow:schedules', () => schedules(ctx.model))) {
      if (s.error)
        ctx.report({ start: s.start, end: s.end, messageId: 'invalid', data: { cron: s.cron, reason: s.error } });
      if (s.timezone && !s.timezone.value.includes('${{') && !knownZone(s.timezone.value))
        ctx.report({
          start: s.timezone.start,
          end: s.timezone.end,
          messageId: 'timezone',
          data: { zone: s.timezone.value },
        });
    }
  },
});
