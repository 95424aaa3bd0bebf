/** POSIX cron as GitHub's `schedule` understands it: five fields, numbers, ranges, steps, lists, names. */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

export interface CronResult {
  error?: string;
  fields?: Set<number>[];
}

export function parseCron(expr: string): CronResult {
  const parts = expr.trim().split(/\s+/);
  if (expr.trim().startsWith('@')) return { error: `"${expr.trim()}" shortcuts are not supported; write five fields` };
  if (parts.length !== 5)
    return {
      error:
        `a cron schedule has 5 fields (minute hour day-of-month month ` +
        `day-of-week) but this one has ${parts.length}`,
    };
  const fields: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const f = FIELDS[i];
    const set = new Set<number>();
    for (const item of parts[i].split(',')) {
      const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
      if (!m) return { error: `invalid ${f.name} "${item}"` };
      const val = (s: string): number | undefined => {
        if (/^\d+$/.test(s)) return Number(s);
        const idx = f.names?.indexOf(s.toUpperCase()) ?? -1;
        return idx >= 0 ? idx + f.min : undefined;
      };
      let lo = f.min,
        hi = f.max;
      if (m[1] !== '*') {
        const [a, b] = m[1].split('-');
        const va = val(a),
          vb = b === undefined ? undefined : val(b);
        if (va === undefined || (b !== undefined && vb === undefined)) return { error: `invalid ${f.name} "${item}"` };
        lo = va;
        hi = vb ?? (m[2] ? f.max : va);
        // Sunday may be written 7.
        if (i === 4 && hi === 7) hi = 6;
        if (i === 4 && lo === 7) lo = 0;
        if (lo < f.min || lo > f.max || hi < f.min || hi > f.max)
          return { error: `${f.name} ${item} is out of range ${f.min}-${f.max}` };
        if (lo > hi) return { error: `${f.name} range ${item} goes backwards` };
      }
      const step = m[2] ? Number(m[2]) : 1;
      if (step === 0) return { error: `step 0 in ${f.name} "${item}"` };
      for (let v = lo; v <= hi; v += step) set.add(v);
    }
    fields.push(set);
  }
  return { fields };
}

/** The shortest gap between runs in minutes, looking only at minutes and hours (days are at least daily). */
export function minIntervalMinutes(fields: Set<number>[]): number {
  const mins = [...fields[0]].sort((a, b) => a - b);
  const hours = [...fields[1]].sort((a, b) => a - b);
  let best = Infinity;
  const times: number[] = [];
  for (const h of hours) for (const m of mins) times.push(h * 60 + m);
  for (let i = 1; i < times.length; i++) best = Math.min(best, times[i] - times[i - 1]);
  if (times.length) best = Math.min(best, times[0] + 1440 - times[times.length - 1] || 1440);
  return best;
}

/** A short English description of a schedule, for hovers. */
export function describeCron(expr: string): string | undefined {
  const r = parseCron(expr);
  if (!r.fields) return undefined;
  const [mi, ho, dom, mon, dow] = expr.trim().split(/\s+/);
  const pad = (n: number) => String(n).padStart(2, '0');
  let time: string;
  if (/^\d+$/.test(mi) && /^\d+$/.test(ho)) time = `at ${pad(Number(ho))}:${pad(Number(mi))} UTC`;
  else if (mi === '*' && ho === '*') time = 'every minute';
  else if (/^\*\/\d+$/.test(mi) && ho === '*') time = `every ${mi.slice(2)} minutes`;
  else if (/^\d+$/.test(mi) && ho === '*') time = `at minute ${mi} of every hour`;
  else if (/^\d+$/.test(mi) && /^\*\/\d+$/.test(ho)) time = `at minute ${mi} every ${ho.slice(2)} hours`;
  else time = `at minute ${mi}, hour ${ho} (UTC)`;
  const days: string[] = [];
  if (dom !== '*') days.push(`on day ${dom} of the month`);
  if (mon !== '*') days.push(`in month ${mon}`);
  if (dow !== '*') {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    days.push(
      `on ${[...r.fields[4]]
        .sort()
        .map((d) => names[d])
        .join(', ')}`,
    );
  }
  return (
    `Runs ` +
    `${time}${days.length ? ' ' + days.join(', ') : time.startsWith('every') || time.includes('every hour') || time.includes('every ') ? '' : ', every day'}.`
  );
}
