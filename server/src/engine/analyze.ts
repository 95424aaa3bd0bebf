import type { LineIndex } from '../text/lines';
import { internalError } from './builtin-rules';
import { formatMessage } from './messages';
import { createOnce } from './once';
import type {
  DocumentKind,
  ExternalTools,
  Finding,
  Language,
  Report,
  Rule,
  RuleContext,
  Settings,
  SeveritySetting,
  WorkspaceIndex,
} from './types';

export interface AnalyzeInput<M> {
  language: Language<M>;
  path: string;
  kind: DocumentKind;
  text: string;
  lines: LineIndex;
  model: M;
  workspace: WorkspaceIndex;
  settings: Settings;
  trusted: boolean;
  /** External tools for the rules (trusted workspaces only). */
  tools?: ExternalTools;
  /** Called once per failing rule; the rule then gives nothing for this document. */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** Checked between rules; when true the analysis stops early. */
  isCancelled?: () => boolean;
  /**
   * Milliseconds the rules may take on this document, checked between rules: once they are used up the remaining rules
   * are skipped and the document gets one SS003 finding naming the rule that used them up. None when undefined.
   */
  budgetMs?: number;
  /** The clock for the budget, in milliseconds (tests give a fake one). */
  now?: () => number;
  /** Run only these rules (codes), e.g. the rules that waited for a tool's answers. */
  only?: ReadonlySet<string>;
}

/** The findings of an analysis, and the rules that asked a tool for answers it did not have yet. */
export interface Analyzed {
  findings: Finding[];
  /** Codes of the rules that read tool answers, when one was `pending`: run them again once the tools answered. */
  waiting: string[];
}

/** The severity a rule runs with: the settings by code, then by id, then the language's overrides, then its default. */
export function resolveSeverity(
  rule: Rule,
  settings: Settings,
  overrides: Record<string, SeveritySetting> = {},
): SeveritySetting {
  return (
    settings.rules[rule.meta.code] ??
    settings.rules[rule.meta.id] ??
    overrides[rule.meta.code] ??
    overrides[rule.meta.id] ??
    rule.meta.defaultSeverity
  );
}

/** Runs every enabled rule of the language over one parsed document. */
export function analyze<M>(input: AnalyzeInput<M>): Finding[] {
  return analyzeAll(input).findings;
}

/** `analyze`, telling which rules wait for tools. */
export function analyzeAll<M>(input: AnalyzeInput<M>): Analyzed {
  const a = new Analysis(input);
  for (const [i, rule] of input.language.rules.entries()) {
    if (input.isCancelled?.() || a.outOfBudget(i)) break;
    a.run(rule);
  }
  return a.finish();
}

/**
 * The same analysis one rule at a time: the generator yields after each rule, so a host that must not block (the
 * language server) can run the rules of a large document in slices and stop when the document changed.
 */
export function* analyzeSteps<M>(input: AnalyzeInput<M>): Generator<void, Analyzed> {
  const a = new Analysis(input);
  for (const [i, rule] of input.language.rules.entries()) {
    if (input.isCancelled?.() || a.outOfBudget(i)) break;
    if (a.run(rule)) yield;
  }
  return a.finish();
}

/** One document's analysis: the context its rules share, the findings so far. */
class Analysis<M> {
  private readonly findings: Finding[] = [];
  private readonly overrides: Record<string, SeveritySetting>;
  private readonly ignores: Map<number, Set<string>>;
  private readonly ctx: RuleContext<M>;
  /** Where the rule being run reports. */
  private reports: Report[] = [];
  /** Whether a tool answered `pending` to some rule. */
  private pending = false;
  /** Milliseconds the rules took so far (the budget), and the last rule run. */
  private spent = 0;
  private last?: Rule;
  private readonly now: () => number;

  constructor(private readonly input: AnalyzeInput<M>) {
    this.overrides = safeOverrides(input);
    this.ignores = collectIgnores(input.language, input.lines);
    this.now = input.now ?? (() => performance.now());
    // One context for every rule of the document (a rule never keeps it): only the report target changes.
    this.ctx = {
      path: input.path,
      kind: input.kind,
      text: input.text,
      lines: input.lines,
      model: input.model,
      workspace: input.workspace,
      settings: input.settings,
      trusted: input.trusted,
      tools: input.tools && this.tracking(input.tools),
      once: createOnce(),
      report: (r) => {
        this.reports.push(r);
      },
    };
  }

  /** The tools, noting which rule got an answer still to come. */
  private tracking(tools: ExternalTools): ExternalTools {
    return {
      shellcheck: (request) => {
        const answer = tools.shellcheck(request);
        if (answer.state === 'pending') this.pending = true;
        return answer;
      },
    };
  }

  /**
   * Whether the rules used up the budget before rule `index`: the document then gets one SS003 finding naming the rule
   * that used it up, and the remaining rules are skipped.
   */
  outOfBudget(index: number): boolean {
    const { budgetMs, language, settings } = this.input;
    if (budgetMs === undefined || !this.last || this.spent < budgetMs) return false;
    const skipped = language.rules
      .slice(index)
      .filter((r) => resolveSeverity(r, settings, this.overrides) !== 'off').length;
    if (!skipped) return false;
    this.findings.push(...stopped(this.input, this.last, this.spent, skipped));
    return true;
  }

  /** Runs one rule; false when it is off. */
  run(rule: Rule): boolean {
    const input = this.input;
    if (input.only && !input.only.has(rule.meta.code)) return false;
    const severity = resolveSeverity(rule, input.settings, this.overrides);
    if (severity === 'off') return false;
    const reports: Report[] = [];
    this.reports = reports;
    this.last = rule;
    const started = this.now();
    try {
      rule.check(this.ctx);
    } catch (error) {
      input.onRuleError?.(rule, error);
      return true;
    } finally {
      this.spent += this.now() - started;
    }
    const length = input.text.length;
    for (const r of reports) {
      const start = clamp(r.start, length);
      const end = clamp(Math.max(r.end, r.start), length);
      if (this.ignores.size && isIgnored(this.ignores, input.lines.position(start).line, rule)) continue;
      this.findings.push({
        ...r,
        start,
        end,
        code: rule.meta.code,
        rule: rule.meta.id,
        severity,
        message: formatMessage(rule.meta, r.messageId, r.data),
      });
    }
    return true;
  }

  finish(): Analyzed {
    this.findings.sort(byPlace);
    // The rules that read tool answers (they may share one computation, so all of them run again).
    const waiting = this.pending
      ? this.input.language.rules.filter((r) => r.meta.tools?.length).map((r) => r.meta.code)
      : [];
    return { findings: this.findings, waiting };
  }
}

/** Findings in document order. */
export function byPlace(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);
}

/** The SS003 finding of an analysis that ran past its budget in `rule` (none when SS003 is off). */
function stopped<M>(input: AnalyzeInput<M>, rule: Rule, spent: number, skipped: number): Finding[] {
  const severity = resolveSeverity(internalError, input.settings);
  if (severity === 'off') return [];
  const data = {
    ms: Math.round(spent),
    budget: input.budgetMs ?? 0,
    rule: `${rule.meta.code} (${rule.meta.id})`,
    skipped,
  };
  return [
    {
      start: 0,
      end: 0,
      messageId: 'stopped',
      data,
      code: internalError.meta.code,
      rule: internalError.meta.id,
      severity,
      message: formatMessage(internalError.meta, 'stopped', data),
    },
  ];
}

function safeOverrides<M>(input: AnalyzeInput<M>): Record<string, SeveritySetting> {
  try {
    return input.language.configOverrides?.({ path: input.path, workspace: input.workspace }) ?? {};
  } catch {
    return {};
  }
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), max)) : 0;
}

const IGNORE_RE = /shipshape-ignore(?![-\w])[ \t]*([^\n]*)/;

/** Line number → codes (or ids) ignored on the line after the comment; '*' means every rule. */
export function collectIgnores(language: Language, lines: LineIndex): Map<number, Set<string>> {
  const ignores = new Map<number, Set<string>>();
  const marker = language.lineComment;
  // Most files have no ignore comment at all: skip the line walk unless one could be there.
  if (
    !marker ||
    (!lines.text.includes('shipshape-ignore') && !(language.ignoreComment && lines.text.includes('ignore')))
  )
    return ignores;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (!text.startsWith(marker)) continue;
    const comment = text.slice(marker.length);
    const codes: string[] = [];
    const m = IGNORE_RE.exec(comment);
    if (m) {
      const list = m[1].split(/[\s,]+/).filter(Boolean);
      codes.push(...(list.length ? list : ['*']));
    }
    const extra = language.ignoreComment?.(text);
    if (extra) codes.push(...extra);
    if (codes.length) ignores.set(line + 1, new Set(codes));
  }
  return ignores;
}

function isIgnored(ignores: Map<number, Set<string>>, line: number, rule: Rule): boolean {
  const set = ignores.get(line);
  return !!set && (set.has('*') || set.has(rule.meta.code) || set.has(rule.meta.id));
}
