/**
 * Checks files one by one with the service (and fixes them): the same code runs in the main thread
 * and in each worker, and gives plain data (report.ts) either way.
 */
import * as path from 'node:path';
import type { DocumentKind, Finding, Language, Rule, Settings } from '../engine/types';
import { languages } from '../links';
import { Service, type ValidateResult } from '../service/service';
import { findShellcheck, ShellcheckRunner } from '../tools/shellcheck';
import { LineIndex } from '../text/lines';
import { filterConfigLog } from './config';
import { CliDisk, readChecked } from './disk';
import { fixLoop, type FixMode } from './fix';
import type { Diagnostic, FileReport, Problem, RelatedOut } from './report';
import type { Target } from './walk';

/** What every checker of a run shares: the same setup in every worker. */
export interface CheckSetup {
  /** Every file of the run with its kind, so cross-file checks see all of them (reverse lookups). */
  known: { key: string; kind: DocumentKind }[];
  /** --config: these settings for every file instead of the nearest .shipshape.yaml. */
  forced?: Partial<Settings>;
  fix?: FixMode;
  /** The working directory, which the paths of related locations are relative to. */
  cwd: string;
  /**
   * The folders and files checked: a shellcheck binary inside them is never run. Without roots (tests) the CLI runs no
   * external tool.
   */
  roots?: string[];
}

/** A file read and checked once, waiting (maybe) for shellcheck's answers before its fixes and report. */
interface Begun {
  target: Target;
  stdinText?: string;
  text: string;
  bom: string;
  settings: Settings;
  result: ValidateResult;
  failuresBefore: number;
  /** What the service logged and which rules failed while this file was checked. */
  logs: string[];
  failures: string[];
}

export interface CheckResult {
  report?: FileReport;
  problems: Problem[];
  /** After fixes: the new text (only when it changed), and how many fixes were applied. */
  fixedText?: string;
  fixes: number;
  /** The text before the fixes, when they changed it (for --diff). */
  originalText?: string;
  /** The fixes had not settled after MAX_PASSES passes. */
  unstable?: boolean;
  /** Other files this check needed that exist but could not be read (absolute paths). */
  readFailures: { key: string; reason: string }[];
  /** What the service logged while checking this file (printed on stderr in file order). */
  logs: string[];
}

const BOM = '\ufeff';

/** Every rule, the engine's own included, by code. */
export function allRules(): Rule[] {
  return new Service(languages, { readFile: () => undefined, exists: () => false }).allRules();
}

/** Findings that mean the file was not (completely) analysed. */
const NOT_ANALYSED = new Set(['SS001', 'SS003']);

export class Checker {
  readonly disk = new CliDisk();
  readonly service: Service;
  private logs: string[] = [];
  private failures: string[] = [];

  /** shellcheck from PATH outside the roots checked (none without roots: tests); many scripts per process. */
  private readonly tools?: ShellcheckRunner;

  constructor(
    private readonly setup: CheckSetup,
    /** The languages (tests give their own). */
    langs: Language[] = languages,
  ) {
    const roots = setup.roots;
    // A process costs about 40 ms of CPU to start: the CLI gives each one many scripts.
    if (roots) this.tools = new ShellcheckRunner({ binary: () => findShellcheck(roots), batch: 96 });
    this.service = new Service(langs, this.disk, (message) => this.onLog(message), { tools: this.tools });
    for (const f of setup.known) this.service.workspace.addKnown(f.key, f.kind);
  }

  /** Stops the external tools' processes (none are left running after a run). */
  async dispose(): Promise<void> {
    await this.tools?.dispose();
  }

  private onLog(message: string): void {
    // A rule that threw: the file was not checked completely, which the report must say.
    const rule = /^rule (\S+) \((\S+)\) failed on .*?: (.*)/s.exec(message);
    if (rule) this.failures.push(`rule ${rule[1]} (${rule[2]}) failed: ${rule[3].split('\n')[0]}`);
    const shown = filterConfigLog(message);
    if (shown !== undefined) this.logs.push(shown);
  }

  settingsFor(key: string): Settings {
    return this.setup.forced ? this.service.settingsFor('/', this.setup.forced) : this.service.settingsFor(key);
  }

  /**
   * Checks files (the text of the first from stdin when given), fixing them first when the run fixes: every file is
   * checked once, shellcheck answers the scripts of all of them in shared processes meanwhile, and the files that waited
   * have the rules that waited run again before their fixes and report.
   */
  async checkMany(targets: Target[], stdinText?: string): Promise<CheckResult[]> {
    const begun = targets.map((t, i) => this.begin(t, i === 0 ? stdinText : undefined));
    const pending = begun.flatMap((b) => ('result' in b && b.result.pending ? [b.result.pending] : []));
    if (pending.length) await Promise.all(pending);
    return begun.map((b) => ('result' in b ? this.finish(b) : b));
  }

  /** Checks one file without waiting for external tools (the tests' and the fix loop's single check). */
  check(target: Target, stdinText?: string): CheckResult {
    const b = this.begin(target, stdinText);
    return 'result' in b ? this.finish(b) : b;
  }

  private begin(target: Target, stdinText?: string): Begun | CheckResult {
    this.logs = [];
    this.failures = [];
    const failuresBefore = this.disk.failures.size;
    const settings = this.settingsFor(target.key);
    let text: string;
    // A byte order mark is not part of the text (editors hide it): checked without it, kept on write.
    let bom = '';
    if (stdinText !== undefined) {
      text = stdinText;
      if (text.startsWith(BOM)) [bom, text] = [BOM, text.slice(1)];
      this.service.workspace.setOpen(target.key, text, target.kind);
    } else {
      const limit = settings.maxFileSize ?? Number.POSITIVE_INFINITY;
      const read = readChecked(target.key, limit);
      if ('reason' in read)
        return {
          problems: [{ path: target.shown, reason: read.reason, type: 'unreadable' }],
          fixes: 0,
          logs: this.logs,
          readFailures: [],
        };
      text = read.text;
      if (text.startsWith(BOM)) [bom, text] = [BOM, text.slice(1)];
      this.disk.remember(target.key, text);
    }
    const result = this.service.validate({ path: target.key, text, kind: target.kind }, settings, { trusted: true });
    return { target, stdinText, text, bom, settings, result, failuresBefore, logs: this.logs, failures: this.failures };
  }

  private finish(b: Begun): CheckResult {
    const { target, stdinText, text, bom, settings, failuresBefore } = b;
    this.logs = b.logs;
    this.failures = b.failures;
    const doc = (t: string) => ({ path: target.key, text: t, kind: target.kind });
    const validate = (t: string) => this.service.validate(doc(t), settings, { trusted: true });
    // The rules that waited for shellcheck run again: its answers are cached now.
    let result = b.result.pending ? this.service.recheck(doc(text), settings, b.result, { trusted: true }) : b.result;
    let fixes = 0;
    let unstable = false;
    let fixed = text;
    if (this.setup.fix) {
      const outcome = fixLoop(text, this.setup.fix, validate, result);
      ({ result, fixes, unstable, text: fixed } = outcome);
      if (fixed !== text) {
        if (stdinText !== undefined) this.service.workspace.setOpen(target.key, fixed, target.kind);
        else this.disk.remember(target.key, fixed);
      }
    }
    const problems: Problem[] = [];
    for (const f of result.findings)
      if (NOT_ANALYSED.has(f.code)) problems.push({ path: target.shown, reason: f.message, type: notAnalysed(f) });
    for (const reason of this.failures) problems.push({ path: target.shown, reason, type: 'failed' });
    return {
      report: {
        path: target.shown,
        kind: result.kind ?? null,
        diagnostics: result.findings.map((f) => this.diagnostic(f, result.lines)),
        ...(result.failureThreshold ? { failureThreshold: result.failureThreshold } : {}),
      },
      problems,
      fixedText: fixed !== text ? bom + fixed : undefined,
      originalText: fixed !== text ? bom + text : undefined,
      fixes,
      unstable,
      logs: this.logs,
      readFailures: [...this.disk.failures].slice(failuresBefore).map(([key, reason]) => ({ key, reason })),
    };
  }

  private diagnostic(f: Finding, lines: LineIndex): Diagnostic {
    const related = (f.related ?? []).flatMap((x): RelatedOut[] => {
      const text = this.service.workspace.get(x.path)?.text ?? this.service.workspace.readText(x.path);
      if (text === undefined) return [];
      return [
        {
          path: path.relative(this.setup.cwd, x.path).split(path.sep).join('/') || x.path,
          range: new LineIndex(text).range(x.start, x.end),
          message: x.message,
        },
      ];
    });
    return {
      code: f.code,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: lines.range(f.start, f.end),
      fixable: !!(f.fix || f.suggestions?.length),
      ...(related.length ? { related } : {}),
    };
  }
}

/** SS001 (too large) is about the file, like an unreadable one; SS003 is an analysis that failed. */
function notAnalysed(f: Finding): Problem['type'] {
  return f.code === 'SS001' ? 'unreadable' : 'failed';
}
