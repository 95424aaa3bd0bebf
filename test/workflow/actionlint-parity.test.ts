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
  // The same problem found, at the place it is (actionlint reports some problems at the key that holds them).
  ...gaps(
    'position: actionlint reports a workflow command at the start of the `run:` script, we at the command',
    'err/deprecated-save-state.yml:6',
  ),
  ...gaps(
    'position: actionlint reports the event name, we the filter key under it that the event does not take',
    'err/events-types-on-push.yml:2',
    'err/events-workflows-on-push.yml:2',
  ),
  ...gaps(
    'position: actionlint reports `needs` problems at the job key, we at the `needs` entry (the cycle at the entry ' +
      'that closes it)',
    'err/id-needs-invalid-name.yml:7',
    'err/job-needs-cycle-three-jobs.yml:3',
    'err/job-needs-cycle-two-jobs.yml:3',
    'err/job-needs-self-cycle.yml:3',
    'err/job-needs-unknown-job.yml:3',
  ),
  ...gaps(
    'position: actionlint reports `exclude` without any matrix row at `matrix:`, we at `exclude:`',
    'err/matrix-exclude-without-rows.yml:6',
  ),
  ...gaps(
    'position: for `steps:` that is empty or a mapping actionlint also says "steps is missing" at the job; we say it ' +
      'once, at `steps:`',
    'err/empty-steps.yml:3',
    'err/values-steps-mapping.yml:3',
  ),
  // By design.
  ...gaps(
    'missing: a custom label next to self-hosted; actionlint wants every self-hosted label in its config, we accept ' +
      'labels beside `self-hosted` unless they look like a misspelt GitHub label (configurable labels still apply)',
    'err/runner-custom-label.yml:4',
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

/**
 * The line actionlint means. Inside a block scalar (`run: |`) actionlint stays on the key's line and adds the offset
 * inside the scalar's value to the indicator's column, so the column runs past the end of the line: that offset is
 * turned back into the line of the value it points at. Other positions are taken as they are.
 */
function actionlintLine(text: string, f: Flag): number {
  const lines = text.split('\n');
  const line = lines[f.line - 1];
  if (line === undefined || f.column <= line.length) return f.line;
  const m = /^(\s*)(?:-\s+)?[^#]*:\s*([|>])[-+0-9]*\s*(#.*)?$/.exec(line);
  if (!m) return f.line;
  const indicator = line.lastIndexOf(m[2]) + 1;
  const keyIndent = m[1].length;
  const body: string[] = [];
  for (let i = f.line; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() !== '' && l.length - l.trimStart().length <= keyIndent) break;
    body.push(l);
  }
  const first = body.find((l) => l.trim() !== '');
  const indent = first ? first.length - first.trimStart().length : 0;
  const value = body.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
  const offset = f.column - indicator;
  return f.line + 1 + (value.slice(0, offset).match(/\n/g)?.length ?? 0);
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

/**
 * Our errors and warnings on a fixture, with 1-based lines. zizmor's audits (WF100-WF112: write-all, secrets: inherit,
 * actions on a branch) are off: actionlint makes no such judgement, so its "ok" says nothing about them. The security
 * checks actionlint shares (script injection, credentials) stay on.
 */
const ZIZMOR_OFF: Record<string, 'off'> = Object.fromEntries(
  Array.from({ length: 13 }, (_, i) => [`WF1${String(i).padStart(2, '0')}`, 'off' as const]),
);
function ours(file: string, text: string, trusted = false): Ours[] {
  const p = `/ws/.github/workflows/${file}`;
  const r = service.validate({ path: p, text }, service.settingsFor(p, { rules: ZIZMOR_OFF }), { trusted });
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
    for (const f of flags) {
      const line = actionlintLine(text, f);
      byLine.set(line, [...(byLine.get(line) ?? []), f]);
    }
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
