/**
 * hadolint parity, measured: every case of hadolint-cases.ts (hadolint's own spec facts, in our words) runs through
 * the real service with only our rule of that DL code enabled, and we check "reports (or not) on that line".
 *
 * Cases we disagree on today are listed in KNOWN_GAPS (name → why) and run as `todo`, so the suite stays green and
 * the gaps stay visible; a known gap that starts agreeing fails the "KNOWN_GAPS is still true" test, so the list
 * shrinks as issue 16 lands. The run prints the agreement: overall, on expected-violation cases, per rule.
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

/** Why we disagree, per rule (the family of the gap; docs-src/parity/hadolint.md has the detail). */
const WHY: Record<string, string> = {
  DL3000: 'quotes and the escape character: a quoted Windows drive path ending in a backslash is read as ' + 'relative',
  DL3002: 'only the last stage is judged; hadolint reports every stage whose own last USER is root',
  DL3009:
    'ONBUILD RUN goes through the stage logic (hadolint judges it alone); a cache mount at ' +
    '/var/lib/apt alone is accepted',
  DL3010:
    'archive matching: the COPY target as archive name, Windows paths and quotes, and unzip-family ' +
    'extractors are not followed',
  DL3012: 'reports the first HEALTHCHECK; hadolint reports each later one',
  DL3013: 'a VCS URL (git+https, git+ssh) without @ref is taken as pinned',
  DL3014: 'quiet level 2 spelled as two options (-q -q, --quiet --quiet) is not counted as assume-yes',
  DL3016: 'a .tar tarball, git URLs without #ref, and options that take a value (--loglevel x) are misread',
  DL3020: 'a quoted archive or URL source is not unquoted before the check',
  DL3021: 'a quoted destination is not unquoted before looking for the trailing slash',
  DL3022:
    'a --from name that is no stage (and has no `:`) and a stage index with no such earlier stage are' + ' let through',
  DL3028: 'the `gem i` alias is not read as install; words after `--` (build options) are read as gems',
  DL3033: 'yum module install without :stream is not checked',
  DL3036: 'a zypper clean before the install counts',
  DL3040: 'a clean by the other tool (microdnf for dnf) or before the install counts',
  DL3041: 'dnf/microdnf module install without :stream is not checked',
  DL3042:
    'PIP_NO_CACHE_DIR: any value counts (falsy 0/off/no/false should not), `export` in the RUN is not' +
    ' read, and it leaks across unrelated stages',
  DL3045: 'ONBUILD COPY is not checked',
  DL3048: 'a key starting with a digit passes; LABEL inside ONBUILD is not checked',
  DL3049: 'no rule with this code (label-schema: required labels)',
  DL3050: 'no rule with this code (strict-labels: superfluous labels)',
  DL3051: 'no rule with this code (label-schema: empty label)',
  DL3052: 'no rule with this code (label-schema: url)',
  DL3053: 'no rule with this code (label-schema: rfc3339)',
  DL3054: 'no rule with this code (label-schema: spdx)',
  DL3055: 'no rule with this code (label-schema: hash)',
  DL3056: 'no rule with this code (label-schema: semver)',
  DL3057:
    'stage inheritance: a HEALTHCHECK in an unrelated stage, or one branch of a forked chain, is ' +
    'taken as covering the result',
  DL3058: 'no rule with this code (label-schema: email)',
  DL3059: 'RUNs that chain several commands on purpose (&&, ;) are still reported',
  DL3060: 'a yarn install in a stage no result uses is reported',
  DL3062: 'only go install of a module is checked: `go install tool x`, go get (and -tool), go run are not',
  DL3069: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3070: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3071: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3072: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3073: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3074: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3075: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3076: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL3077: 'provisional hadolint rule (BuildKit cache mount); no rule with this code',
  DL4001:
    'only the first RUN that mixes wget and curl is reported; hadolint reports each later RUN using ' + 'one of them',
  DL4003:
    'reports the first CMD; hadolint reports each later one (so an ignore pragma above the later one ' +
    'does not work)',
  DL4004:
    'reports the first ENTRYPOINT; hadolint reports each later one (so an ignore pragma above the ' +
    'later one does not work)',
  DL4006:
    'SHELL is not read for non-POSIX shells (pwsh, powershell.exe, cmd.exe); `sh -o pipefail` is ' +
    'counted as pipefail',
  DL4007: 'provisional hadolint rule; no rule with this code',
};
const miss = (rule: string) => `we miss it: ${WHY[rule]}`;
const extra = (rule: string) => `we report it: ${WHY[rule]}`;
const line = (rule: string) => `we report it on another line: ${WHY[rule]}`;
const count = (rule: string) => `we report it a different number of times: ${WHY[rule]}`;
const none = (rule: string) => WHY[rule];

/**
 * Where we disagree with hadolint today, by case name, and why. Remove an entry when the case starts agreeing: the
 * guard test below insists.
 */
export const KNOWN_GAPS: Record<string, string> = {
  'DL3049 one stage, no label': none('DL3049'),
  'DL3049 one stage, another label': none('DL3049'),
  'DL3049 two stages, no labels': none('DL3049'),
  'DL3049 two stages, other labels only': none('DL3049'),
  'DL3049 two stages, label in the first only': none('DL3049'),
  'DL3049 two stages, label in the second only': none('DL3049'),
  'DL3049 two unrelated stages, other label in the first': none('DL3049'),
  'DL3049 stage built on another, no labels': none('DL3049'),
  'DL3049 labelled last stage, unconnected first stage': none('DL3049'),
  'DL3049 two result stages copy from one; one lacks the label': none('DL3049'),
  'DL3049 two stages built on one; the later lacks the label': none('DL3049'),
  'DL3049 two stages built on one; the earlier lacks the label': none('DL3049'),
  'DL3050 other label only': none('DL3050'),
  'DL3050 schema label and another': none('DL3050'),
  'DL3051 schema label empty': none('DL3051'),
  'DL3052 url label not a URL': none('DL3052'),
  'DL3053 rfc3339 label not a time': none('DL3053'),
  'DL3054 spdx label not a license id': none('DL3054'),
  'DL3055 hash label not a git hash': none('DL3055'),
  'DL3056 semver label not a version': none('DL3056'),
  'DL3058 email label not an address': none('DL3058'),
  'DL3069 cargo build without a cache mount': none('DL3069'),
  'DL3069 cargo install without a cache mount': none('DL3069'),
  'DL3069 unrelated cache mount': none('DL3069'),
  'DL3070 go build without a cache mount': none('DL3070'),
  'DL3070 go get without a cache mount': none('DL3070'),
  'DL3070 go mod without a cache mount': none('DL3070'),
  'DL3070 unrelated cache mount': none('DL3070'),
  'DL3071 mvn package without a cache mount': none('DL3071'),
  'DL3071 mvn compile without a cache mount': none('DL3071'),
  'DL3071 unrelated cache mount': none('DL3071'),
  'DL3072 gradle without a cache mount': none('DL3072'),
  'DL3072 gradle wrapper without a cache mount': none('DL3072'),
  'DL3072 unrelated cache mount': none('DL3072'),
  'DL3073 composer install without a cache mount': none('DL3073'),
  'DL3073 composer update without a cache mount': none('DL3073'),
  'DL3073 unrelated cache mount': none('DL3073'),
  'DL3074 dotnet restore without a cache mount': none('DL3074'),
  'DL3074 dotnet publish without a cache mount': none('DL3074'),
  'DL3074 nuget restore without a cache mount': none('DL3074'),
  'DL3074 unrelated cache mount': none('DL3074'),
  'DL3075 pnpm install without a cache mount': none('DL3075'),
  'DL3075 pnpm add without a cache mount': none('DL3075'),
  'DL3075 unrelated cache mount': none('DL3075'),
  'DL3076 mix deps.get without a cache mount': none('DL3076'),
  'DL3076 mix compile without a cache mount': none('DL3076'),
  'DL3076 unrelated cache mount': none('DL3076'),
  'DL3077 gem install without a cache mount': none('DL3077'),
  'DL3077 bundle install without a cache mount': none('DL3077'),
  'DL3077 unrelated cache mount': none('DL3077'),
  'DL4007 COPY . .': none('DL4007'),
  'DL4007 COPY . to a directory': none('DL4007'),
  "DL4007 COPY quoted './'": none('DL4007'),
  'DL4007 COPY . . in a named stage': none('DL4007'),
};

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
