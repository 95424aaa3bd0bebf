import { resolveSeverity } from './analyze';
import { tooManyFindings } from './builtin-rules';
import { formatMessage } from './messages';
import type { Finding, Settings, Severity } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * At most `max` findings for one file, the last of them an SS004 finding "and N more findings not shown" (at the start
 * of the file): the most severe findings are kept, in document order. The findings are returned as they are when there
 * are `max` or fewer.
 */
export function capFindings(findings: Finding[], max: number, settings: Settings): Finding[] {
  if (findings.length <= max) return findings;
  const keep = Math.max(0, max - 1);
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .slice(0, keep)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  const severity = resolveSeverity(tooManyFindings, settings);
  if (severity === 'off') return kept;
  const data = { count: findings.length - keep, max };
  return [
    ...kept,
    {
      start: 0,
      end: 0,
      messageId: 'more',
      data,
      code: tooManyFindings.meta.code,
      rule: tooManyFindings.meta.id,
      severity,
      message: formatMessage(tooManyFindings.meta, 'more', data),
    },
  ];
}
