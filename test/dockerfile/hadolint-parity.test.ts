/**
 * hadolint parity, measured: every case of hadolint-cases.ts (hadolint's own spec facts, in our words) runs through
 * the real service with only our rule of that DL code enabled, and we check "reports (or not) on that line".
 *
 * One table per DL rule. Cases we disagree on by accident go in KNOWN_GAPS (name → why, run as `todo`; a gap that
 * starts agreeing fails the guard), cases we disagree on by design in DELIBERATE (they must keep disagreeing, and the
 * rule's doc page says why). Both are empty or nearly so since issue 16. The run prints the agreement: overall, on
 * expected-violation cases, per rule.
 *
 *   npx tsc -b && node scripts/unit.mjs hadolint-parity
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { memoryService } from '../helpers/context';
import { HADOLINT_CASES, PROVISIONAL_RULES, type HadolintCase } from './hadolint-cases';

const PATH = '/ws/Dockerfile';

interface Outcome {
  agree: boolean;
  /** What we did, for the failure message: e.g. "reported on lines 2, 4" or "no rule DL3049". */
  ours: string;
}

const service = memoryService();
const ruleCodes = new Set(service.allRules().map((r) => r.meta.code));

/** Runs one case: only our rules with the case's code, at warning, with its `.hadolint.yaml` beside it. */
function run(c: HadolintCase): Outcome {
  const files: Record<string, string> = { [PATH]: c.dockerfile };
  // JSON is YAML: the config goes in as written.
  if (c.config) files['/ws/.hadolint.yaml'] = JSON.stringify(c.config);
  const svc = memoryService(files);
  const only: Record<string, 'off' | 'warning'> = {};
  for (const r of svc.allRules()) only[r.meta.code] = r.meta.code === c.rule ? 'warning' : 'off';
  const settings = svc.settingsFor(PATH, { rules: only });
  const result = svc.validate({ path: PATH, text: c.dockerfile, kind: 'dockerfile' }, settings, { trusted: true });
  const lines = result.findings
    .filter((f) => f.code === c.rule)
    .map((f) => result.lines.position(f.start).line + 1)
    .sort((a, b) => a - b);
  const ours = !ruleCodes.has(c.rule)
    ? `no rule ${c.rule}`
    : lines.length
      ? `reported on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`
      : 'no finding';
  if (c.expect === 'ok') return { agree: lines.length === 0, ours };
  // hadolint reports on the first line of an instruction; a finding of ours on one of its continuation lines (at
  // the offending word) is the same fact.
  const span = c.line === undefined ? undefined : instructionLines(c.dockerfile, c.line);
  const agree =
    lines.length > 0 &&
    (span === undefined || lines.some((l) => l >= span[0] && l <= span[1])) &&
    (c.count === undefined || lines.length === c.count);
  return { agree, ours };
}

/** The 1-based first and last line of the instruction starting on `line` (following `\` continuations). */
function instructionLines(text: string, line: number): [number, number] {
  const all = text.split('\n');
  let last = line;
  while (last <= all.length && /\\\s*$/.test(all[last - 1] ?? '')) last++;
  return [line, last];
}

function expected(c: HadolintCase): string {
  if (c.expect === 'ok') return 'hadolint: no finding';
  const where = c.line !== undefined ? ` on line ${c.line}` : '';
  const times = c.count !== undefined ? ` (${c.count}×)` : '';
  return `hadolint: reported${where}${times}`;
}

/**
 * Where we disagree with hadolint today, by case name, and why. Remove an entry when the case starts agreeing: the
 * guard test below insists.
 */
export const KNOWN_GAPS: Record<string, string> = {};

/**
 * Where we differ from hadolint on purpose, by case name, and why (the rule's doc page says so too). These cases must
 * keep disagreeing: one that starts agreeing fails, so the list and the pages stay true.
 */
export const DELIBERATE: Record<string, string> = {
  'DL3010 zip copied then unzipped [source]':
    'ADD does not unpack zip files, so "use ADD to extract" would be wrong advice for a zip',
};

const outcomes = new Map<string, Outcome>();
for (const c of HADOLINT_CASES) outcomes.set(c.name, run(c));

describe('hadolint parity', () => {
  it('case names are unique and every case names a DL rule', () => {
    const seen = new Set<string>();
    for (const c of HADOLINT_CASES) {
      assert.ok(!seen.has(c.name), `duplicate case name: ${c.name}`);
      seen.add(c.name);
      assert.match(c.rule, /^DL\d{4}$/, c.name);
      assert.ok(c.name.startsWith(`${c.rule} `), `${c.name} starts with its rule code`);
    }
  });

  it('KNOWN_GAPS is still true (every entry names a case we still disagree on)', () => {
    const stale = Object.keys(KNOWN_GAPS).filter((name) => !outcomes.has(name));
    assert.deepEqual(stale, [], 'KNOWN_GAPS names cases that do not exist');
    const fixed = Object.keys(KNOWN_GAPS).filter((name) => outcomes.get(name)?.agree);
    assert.deepEqual(fixed, [], 'these known gaps agree with hadolint now: remove them from KNOWN_GAPS');
  });

  it('DELIBERATE names existing cases, none of them a known gap', () => {
    for (const name of Object.keys(DELIBERATE)) {
      assert.ok(outcomes.has(name), `DELIBERATE names no case: ${name}`);
      assert.ok(!(name in KNOWN_GAPS), `${name} is both a known gap and deliberate`);
    }
  });

  // one table per DL rule: hadolint's cases of that rule
  const byRule = new Map<string, HadolintCase[]>();
  for (const c of HADOLINT_CASES) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c]);
  for (const [rule, cases] of byRule)
    describe(rule, () => {
      for (const c of cases) {
        const gap = KNOWN_GAPS[c.name];
        const why = DELIBERATE[c.name];
        it(c.name, gap ? { todo: gap } : {}, () => {
          const o = outcomes.get(c.name)!;
          if (why) assert.ok(!o.agree, `agrees with hadolint now, but is listed as a deliberate difference (${why})`);
          else assert.ok(o.agree, `${expected(c)}; we: ${o.ours}`);
        });
      }
    });

  after(() => console.log(report()));
});

/** The agreement table: headline (registered rules), provisional rules apart, then per rule, worst first. */
function report(): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
  const tally = (cases: HadolintCase[]) => {
    const agree = cases.filter((c) => outcomes.get(c.name)?.agree).length;
    const v = cases.filter((c) => c.expect === 'violation');
    const vAgree = v.filter((c) => outcomes.get(c.name)?.agree).length;
    return { agree, total: cases.length, vAgree, vTotal: v.length };
  };
  const line = (label: string, t: ReturnType<typeof tally>) =>
    `${label}: ${t.agree}/${t.total} cases agree (${pct(t.agree, t.total)}); ` +
    `on expected violations ${t.vAgree}/${t.vTotal} (${pct(t.vAgree, t.vTotal)})`;
  const registered = HADOLINT_CASES.filter((c) => !PROVISIONAL_RULES.includes(c.rule));
  const provisional = HADOLINT_CASES.filter((c) => PROVISIONAL_RULES.includes(c.rule));
  const byRule = new Map<string, HadolintCase[]>();
  for (const c of HADOLINT_CASES) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c]);
  const rows = [...byRule]
    .map(([rule, cases]) => ({ rule, ...tally(cases) }))
    .sort((a, b) => a.agree / a.total - b.agree / b.total || b.total - a.total || a.rule.localeCompare(b.rule));
  const out = [
    '',
    'hadolint parity',
    line('  registered rules', tally(registered)),
    line('  provisional rules', tally(provisional)),
    line('  all', tally(HADOLINT_CASES)),
    `  known gaps: ${Object.keys(KNOWN_GAPS).length}; deliberate differences: ${Object.keys(DELIBERATE).length}`,
    '  per rule, worst first (agree/total, expected violations agree/total):',
  ];
  for (const r of rows) {
    const mark = PROVISIONAL_RULES.includes(r.rule) ? ' (provisional)' : '';
    const flag = ruleCodes.has(r.rule) ? '' : ' [no rule with this code]';
    out.push(
      `    ${r.rule}${mark} ${r.agree}/${r.total} ${pct(r.agree, r.total)}; violations ${r.vAgree}/${r.vTotal}${flag}`,
    );
  }
  return out.join('\n');
}
