/**
 * Parity with actionlint, measured against the real thing: every workflow under
 * test/fixtures/workflow/actionlint was run through actionlint 1.7.7 by
 * scripts/parity/actionlint-oracle.cjs, which wrote its output beside each `err/` and `github-ok/` file
 * (`<name>.out`, one `line:col: message [kind]` a line) and checked that `ok/` files get no output.
 *
 * - `err/`: every line actionlint flags must get an error or a warning of ours on the same line
 *   (line 0, a file-level YAML error, is met by any finding).
 * - `ok/`: actionlint says nothing, and we must give no error and no warning.
 * - `github-ok/`: GitHub's current schema accepts them though actionlint 1.7.7 does not (newer
 *   syntax); we must give no error and no warning.
 *
 * Today's disagreements are listed in KNOWN_GAPS and run as `todo` (visible, not failing); a listed
 * gap that starts to agree fails the suite until it is removed from the list. The agreement per
 * actionlint check kind is printed at the end.
 *
 * Our engine runs untrusted (no shellcheck), like the oracle, which is actionlint's playground build
 * (no shellcheck, no pyflakes, no local files); `ok/shellcheck-*` files are also run trusted when
 * shellcheck is installed, since actionlint excludes those shellcheck codes.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, memoryService } from '../helpers/context';

const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'workflow', 'actionlint');

/** One reason for several gaps (keys: `err/<file>:<line>`, `ok/<file>`, `github-ok/<file>`). */
function gaps(reason: string, ...keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, reason]));
}

/** Where we disagree with actionlint today, and why. Keep it true: a gap that closes must leave the list. */
const KNOWN_GAPS: Record<string, string> = {
  // Same problem found, on another line. actionlint's positions inside block scalars (`run: |`) stay on the
  // key's line, with a column counted through the newlines; ours point at the text itself.
  ...gaps(
    'position: inside a block scalar actionlint reports on the `run:`/`script:` line, we on the line of the text',
    'err/deprecated-save-state.yml:6',
    'err/untrusted-github-script.yml:8',
    'err/untrusted-head-label.yml:6',
    'err/untrusted-issue-title-in-run.yml:6',
  ),
  ...gaps(
    'position: actionlint reports the event name, we report the filter key under it',
    'err/events-types-on-push.yml:2',
    'err/events-workflows-on-push.yml:2',
  ),
  ...gaps(
    'position: actionlint reports `needs` problems at the job key, we at the `needs` entry',
    'err/id-needs-invalid-name.yml:7',
    'err/job-needs-cycle-three-jobs.yml:3',
    'err/job-needs-cycle-two-jobs.yml:3',
    'err/job-needs-self-cycle.yml:3',
    'err/job-needs-unknown-job.yml:3',
  ),
  ...gaps(
    'position: actionlint reports `exclude` without any matrix row at `matrix:`, we at the excluded key',
    'err/matrix-exclude-without-rows.yml:6',
  ),
  ...gaps('position: actionlint reports the input name, we its first key', 'err/reusable-input-type-missing.yml:4'),
  ...gaps(
    'position: actionlint reports a concurrency without group at `concurrency:`, we at its first key',
    'err/values-concurrency-group-empty.yml:2',
  ),
  ...gaps(
    'position: for `steps:` given as a mapping actionlint also says "steps is missing" at the job; we say it once',
    'err/values-steps-mapping.yml:3',
  ),
  // Not detected at all.
  ...gaps(
    'missing: no context is allowed in the workflow-level `defaults.run.shell`',
    'err/avail-context-in-workflow-shell.yml:4',
  ),
  ...gaps(
    'missing: comparisons of incompatible types (object/array/null with ==, bool/null with < <= > >=)',
    'err/compare-array-equality.yml:7',
    'err/compare-bool-ordering.yml:11',
    'err/compare-null-ordering.yml:7',
    'err/compare-object-to-string.yml:7',
  ),
  ...gaps(
    'missing: a password must be a single `${{ }}`; text around the expression is still a hard-coded part',
    'err/credentials-service-password.yml:10',
    'err/credentials-mixed-env-password.yml:9',
  ),
  ...gaps(
    "missing: more than 10 workflow_dispatch inputs (actionlint 1.7.7's limit)",
    'err/dispatch-too-many-inputs.yml:2',
  ),
  ...gaps(
    'missing: an index into an object must be a string (bool/number inputs used as keys)',
    'err/dispatch-typed-input-as-key.yml:12',
    'err/dispatch-typed-input-as-key.yml:13',
    'err/expr-type-index-object-with-number.yml:8',
  ),
  ...gaps(
    'missing: github.event.inputs is typed from the workflow_dispatch inputs',
    'err/dispatch-undefined-input.yml:11',
  ),
  ...gaps(
    'missing: duplicate keys compared case-insensitively in env, matrix and with',
    'err/duplicate-env-keys.yml:4',
    'err/duplicate-matrix-keys-case.yml:8',
    'err/duplicate-with-inputs.yml:9',
  ),
  ...gaps(
    'missing: empty sections (env, matrix, needs, services, steps, with)',
    'err/empty-env.yml:5',
    'err/empty-matrix.yml:6',
    'err/empty-needs.yml:5',
    'err/empty-services.yml:5',
    'err/empty-steps.yml:3',
    'err/empty-steps.yml:5',
    'err/empty-with.yml:7',
  ),
  ...gaps('missing: workflow_run without `workflows:`', 'err/events-workflow-run-without-workflows.yml:2'),
  ...gaps(
    'missing: an object, array or null evaluated in a `${{ }}` template',
    'err/expr-type-array-in-template.yml:9',
    'err/expr-type-null-in-template.yml:6',
    'err/expr-type-object-in-template.yml:6',
    'err/expr-type-object-in-template.yml:7',
  ),
  ...gaps('missing: `env: ${{ }}` must evaluate to an object', 'err/expr-type-env-from-string.yml:10'),
  ...gaps(
    'missing: argument types and counts of join() and format()',
    'err/func-argument-type.yml:7',
    'err/func-format-single-argument.yml:6',
  ),
  ...gaps(
    'missing: fromJSON() of a literal is typed from the JSON (unknown keys)',
    'err/func-fromjson-missing-key.yml:4',
    'err/matrix-typing-from-json-literal.yml:8',
  ),
  ...gaps(
    "missing: actionlint's glob checks (special character after * or ?, reversed range, leading space, ref ends)",
    'err/glob-path-leading-space.yml:3',
    'err/glob-plus-after-star.yml:3',
    'err/glob-question-after-star.yml:3',
    'err/glob-ref-leading-slash.yml:3',
    'err/glob-reversed-range.yml:3',
  ),
  ...gaps(
    'missing: `if:` always true because of a trailing newline (block scalars) or space around `${{ }}`',
    'err/if-block-literal.yml:7',
    'err/if-folded-block.yml:7',
    'err/if-trailing-space.yml:7',
    'err/if-job-level-block.yml:4',
  ),
  ...gaps(
    'missing: matrix values compared as YAML values (duplicate objects, exclude values that match no row)',
    'err/matrix-duplicate-object.yml:10',
    'err/matrix-exclude-no-match.yml:10',
  ),
  ...gaps(
    'missing: matrix rows are typed from their values (objects strictly, numbers are not objects)',
    'err/matrix-typing-object-property.yml:11',
    'err/expr-type-deref-number-matrix.yml:9',
  ),
  ...gaps('missing: a required workflow_call input with a default', 'err/reusable-required-with-default.yml:7'),
  ...gaps(
    'missing: secrets typed from workflow_call secrets (when it declares any)',
    'err/reusable-secrets-declared-empty.yml:10',
    'err/reusable-secrets-typo.yml:12',
  ),
  ...gaps(
    'missing: runner labels inside a list, a group, a matrix row or an include; conflicting preset OS labels',
    'err/runner-conflict-self-hosted-os.yml:4',
    'err/runner-group-labels-unknown.yml:6',
    'err/runner-unknown-in-matrix.yml:6',
    'err/runner-unknown-in-matrix.yml:8',
  ),
  ...gaps(
    'missing: a custom label next to self-hosted (actionlint wants it in its config; we accept any)',
    'err/runner-custom-label.yml:4',
  ),
  ...gaps('missing: shell names per OS on Windows (sh)', 'err/shell-sh-on-windows.yml:7'),
  ...gaps('missing: outputs of popular actions typed from the catalog', 'err/steps-popular-action-output-typo.yml:10'),
  ...gaps('missing: untrusted inputs reached through an object filter (`.*`)', 'err/untrusted-object-filter.yml:6'),
  ...gaps('missing: `docker://image:` with an empty tag', 'err/uses-docker-empty-tag.yml:6'),
  ...gaps(
    'missing: an integer is required for max-parallel (a float is refused)',
    'err/values-max-parallel-float.yml:6',
  ),
  // We report on workflows actionlint (ok/) or GitHub (github-ok/) accepts.
  ...gaps(
    'false error: `::set-output` inside a ::debug:: message text is not a command',
    'ok/deprecated-look-alikes.yml',
  ),
  ...gaps('false error: job IDs in `needs` are case-insensitive', 'ok/needs-outputs-and-result.yml'),
  ...gaps('false warning: larger-runner labels (ubuntu-latest-16-cores)', 'ok/runner-label-forms.yml'),
  ...gaps("false error: secrets are available in a service container's env", 'ok/services-plain.yml'),
  ...gaps(
    'false error: shell names are case-insensitive (Bash, PowerShell, CMD)',
    'ok/shell-capitalized-bash.yml',
    'ok/shell-powershell-capitalized.yml',
  ),
  ...gaps(
    'false warning: shellcheck SC2043 is excluded by actionlint (a loop over `${{ }}`)',
    'ok/shellcheck-excluded-codes.yml',
  ),
  ...gaps(
    'false error: untrusted input inside contains()/startsWith()/endsWith() cannot inject',
    'ok/untrusted-safe-uses.yml',
  ),
  ...gaps(
    "false error: GitHub's schema has service entrypoint/command and background/wait/wait-all/cancel/parallel steps",
    'github-ok/services-entrypoint-command.yml',
    'github-ok/steps-background.yml',
    'github-ok/steps-wait-cancel-parallel.yml',
  ),
};

interface Flag {
  line: number;
  column: number;
  message: string;
  kind: string;
}

function readOut(file: string): Flag[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^(\d+):(\d+): (.*) \[([a-z-]+)\]$/s.exec(l);
      if (!m) throw new Error(`${file}: not a line of actionlint output: ${l}`);
      return { line: Number(m[1]), column: Number(m[2]), message: m[3], kind: m[4] };
    });
}

function fixtures(sub: string): string[] {
  return fs
    .readdirSync(path.join(DIR, sub))
    .filter((f) => f.endsWith('.yml'))
    .sort();
}

const service = memoryService();

interface Ours {
  line: number;
  code: string;
  severity: string;
  message: string;
}

/** Our errors and warnings on a fixture, with 1-based lines. */
function ours(file: string, text: string, trusted = false): Ours[] {
  const p = `/ws/.github/workflows/${file}`;
  const r = service.validate({ path: p, text }, service.settingsFor(p), { trusted });
  return r.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => ({ line: r.lines.position(f.start).line + 1, code: f.code, severity: f.severity, message: f.message }));
}

interface Case {
  key: string;
  /** actionlint kinds on that line (err/), or the fixture's kinds (ok/, github-ok/: none). */
  kinds: string[];
  /** Whether we agree today, and what to show when we do not. */
  run(): { agree: boolean; detail: string; codes?: string[] };
}

function errCases(): Case[] {
  const cases: Case[] = [];
  for (const file of fixtures('err')) {
    const text = fs.readFileSync(path.join(DIR, 'err', file), 'utf8');
    const flags = readOut(path.join(DIR, 'err', file.replace(/\.yml$/, '.out')));
    const byLine = new Map<number, Flag[]>();
    for (const f of flags) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    let mine: Ours[] | undefined;
    for (const [line, here] of byLine) {
      cases.push({
        key: `err/${file}:${line}`,
        kinds: [...new Set(here.map((f) => f.kind))],
        run() {
          mine ??= ours(file, text);
          const hit = mine.filter((o) => line === 0 || o.line === line);
          const want = here.map((f) => `  actionlint ${f.line}:${f.column} [${f.kind}] ${f.message}`).join('\n');
          const got = mine.map((o) => `  ours ${o.line} ${o.code} ${o.severity}: ${o.message}`).join('\n');
          const detail = `nothing of ours on line ${line}\n${want}\n${got || '  ours: none'}`;
          return { agree: hit.length > 0, detail, codes: [...new Set(hit.map((o) => o.code))] };
        },
      });
    }
  }
  return cases;
}

let shellcheck: boolean | undefined;
function hasShellcheck(): boolean {
  shellcheck ??= spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
  return shellcheck;
}

function okCases(sub: 'ok' | 'github-ok'): Case[] {
  return fixtures(sub).map((file) => ({
    key: `${sub}/${file}`,
    kinds: [],
    run() {
      const text = fs.readFileSync(path.join(DIR, sub, file), 'utf8');
      const mine = ours(file, text);
      if (file.startsWith('shellcheck-') && hasShellcheck()) mine.push(...ours(file, text, true));
      const got = mine.map((o) => `  ${o.line} ${o.code} ${o.severity}: ${o.message}`).join('\n');
      return {
        agree: mine.length === 0,
        detail: `we report on a workflow ${sub === 'ok' ? 'actionlint' : 'GitHub'} accepts\n${got}`,
      };
    },
  }));
}

const groups = { err: errCases(), ok: okCases('ok'), 'github-ok': okCases('github-ok') };
const results = new Map<string, boolean>();
/** Our rule codes that met each actionlint kind (a finding on the flagged line). */
const metBy = new Map<string, Map<string, number>>();

for (const [name, cases] of Object.entries(groups)) {
  describe(`actionlint parity: ${name}/`, () => {
    for (const c of cases) {
      const reason = KNOWN_GAPS[c.key];
      const label = c.kinds.length ? `${c.key} [${c.kinds.join(', ')}]` : c.key;
      test(label, reason ? { todo: reason } : {}, () => {
        const r = c.run();
        results.set(c.key, r.agree);
        for (const kind of c.kinds) {
          const codes = metBy.get(kind) ?? new Map<string, number>();
          for (const code of r.codes ?? []) codes.set(code, (codes.get(code) ?? 0) + 1);
          metBy.set(kind, codes);
        }
        assert.ok(r.agree, r.detail);
      });
    }
  });
}

test('KNOWN_GAPS lists only real, current gaps', () => {
  const all = new Map(Object.values(groups).flatMap((cs) => cs.map((c) => [c.key, c] as const)));
  const unknown = Object.keys(KNOWN_GAPS).filter((k) => !all.has(k));
  assert.deepEqual(unknown, [], 'KNOWN_GAPS names cases that do not exist (fixture or line changed?)');
  const closed = Object.keys(KNOWN_GAPS).filter((k) => all.get(k)!.run().agree);
  assert.deepEqual(closed, [], 'these gaps are closed now: remove them from KNOWN_GAPS');
});

test('fixtures and outputs match', () => {
  for (const file of fixtures('err')) {
    const out = path.join(DIR, 'err', file.replace(/\.yml$/, '.out'));
    assert.ok(fs.existsSync(out), `err/${file} has no .out: run node scripts/parity/actionlint-oracle.cjs`);
  }
});

after(() => {
  const perKind = new Map<string, { agree: number; total: number }>();
  const add = (kind: string, agree: boolean) => {
    const s = perKind.get(kind) ?? { agree: 0, total: 0 };
    s.total++;
    if (agree) s.agree++;
    perKind.set(kind, s);
  };
  for (const c of groups.err) {
    const agree = results.get(c.key);
    if (agree === undefined) continue;
    for (const k of c.kinds) add(k, agree);
  }
  const lines: string[] = ['actionlint parity (lines actionlint flags that we flag too, by actionlint kind):'];
  let agree = 0;
  let total = 0;
  for (const [k, s] of [...perKind].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
    const codes = [...(metBy.get(k) ?? [])].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}×${n}`);
    lines.push(`  ${k.padEnd(24)} ${`${s.agree}/${s.total}`.padEnd(8)} ${codes.join(' ')}`);
    agree += s.agree;
    total += s.total;
  }
  const pct = (a: number, t: number) => (t ? ((100 * a) / t).toFixed(1) : '0');
  lines.push(`  ${'overall'.padEnd(24)} ${agree}/${total} (${pct(agree, total)}%)`);
  for (const sub of ['ok', 'github-ok'] as const) {
    const done = groups[sub].filter((c) => results.has(c.key));
    const clean = done.filter((c) => results.get(c.key)).length;
    lines.push(`  ${`${sub}/ files clean`.padEnd(24)} ${clean}/${done.length}`);
  }
  const causes = new Map<string, number>();
  for (const reason of Object.values(KNOWN_GAPS)) {
    const cause = reason.slice(0, reason.indexOf(':'));
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  lines.push(`  known gaps by cause: ${[...causes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  console.log(lines.join('\n'));
});
