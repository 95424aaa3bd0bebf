/** `shipshape check`: find the files, check (and fix) them on every core, report, choose the exit status. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, type DocumentKind, type Rule, type Settings, type Severity } from '../engine/types';
import { VERSION } from '../version';
import { UsageError, type CheckOptions, type FailLevel } from './args';
import { allRules, Checker, type CheckResult, type CheckSetup } from './check';
import { ConfigError, forcedSettings } from './config';
import { readChecked } from './disk';
import { unifiedDiff } from './fix';
import { escapeControls, formatCheckstyle, formatGithub, formatJson, formatText } from './output';
import { checkAll, threadsFor } from './pool';
import { countBySeverity, type FileReport, type Problem, type RunReport } from './report';
import { toSarif } from './sarif';
import { collectTargets, toKey, type Target } from './walk';

/** What a run reads and writes, so tests and the GitHub Action can run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads stdin up to `limit` characters; `tooLarge` when there was more. */
  readStdin(limit: number): Promise<{ text: string } | { tooLarge: number }>;
  env: NodeJS.ProcessEnv;
  /** The file workers start from (the CLI bundle). */
  workerEntry: string;
}

export interface CheckOutcome {
  code: number;
  run: RunReport;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** The exit status: 2 when a file could not be (completely) checked, 1 when the findings fail, else 0. */
export function exitCode(run: RunReport, failLevel: FailLevel, maxWarnings: number | undefined): number {
  if (run.problems.some((p) => p.type === 'failed' || !run.skipUnreadable)) return 2;
  const count = countBySeverity(run.files);
  for (const f of run.files) for (const d of f.diagnostics) if (failsRun(d, failLevel, f.failureThreshold)) return 1;
  if (maxWarnings !== undefined && count.warning > maxWarnings) return 1;
  return 0;
}

/**
 * Whether a finding fails the run: at or above the fail level; a hadolint rule (DL) follows its file's
 * `failure-threshold` instead when the `.hadolint.yaml` over it sets one (`none`: never), as hadolint would.
 */
export function failsRun(
  d: { code: string; severity: Severity },
  failLevel: FailLevel,
  threshold?: Severity | 'none',
): boolean {
  const level = threshold && d.code.startsWith('DL') ? threshold : failLevel;
  return level !== 'none' && RANK[d.severity] >= RANK[level];
}

export function render(run: RunReport, format: CheckOptions['format'], rules: () => Rule[], env: NodeJS.ProcessEnv) {
  switch (format) {
    case 'json':
      return formatJson(run);
    case 'sarif':
      return JSON.stringify(toSarif(run, rules(), VERSION), null, 2) + '\n';
    case 'github':
      return formatGithub(run, (p) => relativeToWorkspace(p, env.GITHUB_WORKSPACE));
    case 'checkstyle':
      return formatCheckstyle(run);
    default:
      return formatText(run);
  }
}

/** A path as GitHub annotations want it: relative to the repository checkout when inside it. */
export function relativeToWorkspace(shown: string, workspace: string | undefined): string {
  const abs = path.resolve(shown);
  if (workspace) {
    const rel = path.relative(path.resolve(workspace), abs);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return shown.split(path.sep).join('/');
}

function forcedConfig(o: CheckOptions): { file: string; text: string; settings: Partial<Settings> } | undefined {
  if (!o.config) return undefined;
  const r = readChecked(path.resolve(o.config), 1 << 20);
  if ('reason' in r) throw new ConfigError(`cannot read config file ${o.config}: ${r.reason}`);
  return { file: path.resolve(o.config), text: r.text, settings: forcedSettings(r.text, o.config) };
}

export async function runCheck(o: CheckOptions, io: Io): Promise<CheckOutcome> {
  const forced = forcedConfig(o);
  const cwd = process.cwd();
  const walkOptions = {
    kind: o.kind,
    exclude: o.exclude,
    gitignore: o.gitignore,
    forcedConfig: forced,
  };
  if (o.paths[0] === '-') return runStdin(o, io, forced?.settings, walkOptions);

  const { targets, unreadable } = collectTargets(o.paths, walkOptions);
  // Files named one by one (pre-commit, an editor) are checked among the other files of their
  // repository: a task definition still sees the workflow that renders it.
  const named = o.paths.some((p) => !isFolder(p));
  const known = new Map<string, DocumentKind>();
  for (const t of [...(named ? repositoryFiles(walkOptions) : []), ...targets]) if (t.kind) known.set(t.key, t.kind);
  const setup: CheckSetup = {
    known: [...known].map(([key, kind]) => ({ key, kind })),
    forced: forced?.settings,
    fix: o.fix,
    cwd,
    roots: o.paths.map((p) => path.resolve(p)),
  };
  const threads = threadsFor(targets.length, o.jobs);
  let results = await checkAll(targets, setup, threads, io.workerEntry);
  const logs = new Set<string>();
  const problems: Problem[] = unreadable.map((u) => ({ path: u.shown, reason: u.reason, type: 'unreadable' }));
  let fixed: RunReport['fixed'];

  if (o.fix) {
    for (const [i, r] of results.entries())
      if (r.unstable) logs.add(`${targets[i].shown}: the fixes had not settled after 10 passes`);
    const changed = results.flatMap((r, i) => (r.fixedText !== undefined ? [i] : []));
    fixed = { fixes: results.reduce((n, r) => n + r.fixes, 0), files: changed.length };
    if (o.diff) {
      let diff = '';
      for (const i of changed) diff += unifiedDiff(targets[i].shown, results[i].originalText!, results[i].fixedText!);
      io.stdout(diff);
      for (const r of results) for (const l of r.logs) logs.add(l);
      for (const l of logs) io.stderr(`shipshape: ${l}\n`);
      const run = report(targets, results, problems, o, fixed);
      for (const p of run.problems)
        io.stderr(`shipshape: ${escapeControls(p.path)}: not checked: ${escapeControls(p.reason)}\n`);
      const failing = exitCode({ ...run, files: [] }, 'none', undefined);
      const would = `would fix ${plural(fixed.fixes, 'problem')} in ${plural(changed.length, 'file')}`;
      io.stderr(`shipshape: ${changed.length ? would : 'nothing to fix'}\n`);
      return { code: failing || (changed.length ? 1 : 0), run };
    }
    for (const i of changed) {
      try {
        fs.writeFileSync(targets[i].key, results[i].fixedText!);
      } catch (e) {
        problems.push({ path: targets[i].shown, reason: `the fixes could not be written: ${e}`, type: 'failed' });
      }
    }
    // Fixes change what other files' cross-file checks see: check everything again, fresh.
    if (changed.length) results = await checkAll(targets, { ...setup, fix: undefined }, threads, io.workerEntry);
  }
  for (const r of results) for (const l of r.logs) logs.add(l);
  for (const l of logs) io.stderr(`shipshape: ${l}\n`);
  const run = report(targets, results, problems, o, fixed);
  io.stdout(render(run, o.format, allRules, io.env));
  return { code: exitCode(run, o.failLevel, o.maxWarnings), run };
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The infrastructure files of the git repository around the working folder (none outside a
 * repository: a walk of a home folder would cost more than the context is worth).
 */
function repositoryFiles(walkOptions: Parameters<typeof collectTargets>[1]): Target[] {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git')))
      return collectTargets([dir], { ...walkOptions, kind: undefined }).targets;
    if (path.dirname(dir) === dir) return [];
  }
}

/** The run's report: files in walk order, then what could not be read (targets first, then other files). */
function report(
  targets: Target[],
  results: CheckResult[],
  problems: Problem[],
  o: CheckOptions,
  fixed: RunReport['fixed'],
): RunReport {
  const files: FileReport[] = [];
  const all = [...problems];
  const seen = new Set(targets.map((t) => t.key));
  const other = new Map<string, string>();
  for (const r of results) {
    if (r.report) files.push(r.report);
    all.push(...r.problems);
    for (const f of r.readFailures) if (!seen.has(f.key)) other.set(f.key, f.reason);
  }
  // the same file may be met twice (named and walked, a link loop): once is enough
  const once = new Set<string>();
  const unique = all.filter((p) => !once.has(`${p.path}\0${p.reason}`) && !!once.add(`${p.path}\0${p.reason}`));
  all.length = 0;
  all.push(...unique);
  const reported = new Set(all.map((p) => p.path));
  for (const key of [...other.keys()].sort()) {
    const shown = path.relative(process.cwd(), key) || key;
    if (reported.has(shown)) continue;
    all.push({
      path: shown,
      reason: `${other.get(key)} (read by a cross-file check)`,
      type: 'unreadable',
    });
  }
  return { files, problems: all, skipUnreadable: o.skipUnreadable, ...(fixed ? { fixed } : {}) };
}

async function runStdin(
  o: CheckOptions,
  io: Io,
  forced: Partial<Settings> | undefined,
  walkOptions: Parameters<typeof collectTargets>[1],
): Promise<CheckOutcome> {
  if (!o.stdinFilename && !o.kind) throw new UsageError('reading stdin needs --stdin-filename PATH or --kind KIND');
  const shown = o.stdinFilename ?? '<stdin>';
  const key = toKey(o.stdinFilename ?? '<stdin>');
  // The other files of the repository, so cross-file checks see the stdin file among them.
  const others = o.stdinFilename ? repositoryFiles(walkOptions).filter((t) => t.key !== key) : [];
  const target: Target = { key, shown, kind: o.kind };
  const checker = new Checker({
    known: others.filter((t) => t.kind).map((t) => ({ key: t.key, kind: t.kind! })),
    forced,
    fix: o.fix,
    cwd: process.cwd(),
    roots: [process.cwd()],
  });
  const settings = checker.settingsFor(key);
  const input = await io.readStdin(settings.maxFileSize ?? DEFAULT_SETTINGS.maxFileSize!);
  let result: CheckResult;
  if ('tooLarge' in input) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    result = {
      problems: [
        {
          path: shown,
          reason: `stdin holds more than ${mb(input.tooLarge)} MB, the limit (maxFileSize)`,
          type: 'unreadable',
        },
      ],
      fixes: 0,
      logs: [],
      readFailures: [],
    };
  } else {
    if (!o.kind) target.kind = checker.service.kindOf({ path: key, text: input.text });
    [result] = await checker.checkMany([target], input.text);
    await checker.dispose();
  }
  for (const l of new Set(result.logs)) io.stderr(`shipshape: ${l}\n`);
  const fixed = o.fix ? { fixes: result.fixes, files: result.fixedText !== undefined ? 1 : 0 } : undefined;
  const run = report([target], [result], [], o, fixed);
  if (o.fix && 'text' in input) {
    if (o.diff) {
      io.stdout(unifiedDiff(shown, input.text, result.fixedText ?? input.text));
      return { code: exitCode({ ...run, files: [] }, 'none', undefined) || (result.fixedText ? 1 : 0), run };
    }
    // The fixed text is the output; the report goes to stderr.
    io.stdout(result.fixedText ?? input.text);
    io.stderr(render(run, o.format, allRules, io.env));
  } else io.stdout(render(run, o.format, allRules, io.env));
  return { code: exitCode(run, o.failLevel, o.maxWarnings), run };
}
