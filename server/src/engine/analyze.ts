import type { LineIndex } from '../text/lines';
import { internalError } from './builtin-rules';
import { formatMessage } from './messages';
import { createOnce } from './once';
import type {
  DocumentKind,
  ExternalTools,
  Finding,
  Language,
  LanguageConfig,
  Once,
  Report,
  Rule,
  RuleContext,
  Settings,
  SeveritySetting,
  Span,
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
  /** The language's configuration file for this document, when the caller has read it already. */
  config?: LanguageConfig;
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

/**
 * The severity a rule runs with: the settings (`.shipshape.yaml`, the editor) by code, id or former code, then the
 * language's configuration file (e.g. `.hadolint.yaml`), then (for a security rule) the `security:` group setting,
 * then the preset in force (the settings', else the file's), then the rule's default.
 */
export function resolveSeverity(rule: Rule, settings: Settings, config?: LanguageConfig): SeveritySetting {
  const preset = settings.preset ?? config?.preset;
  return (
    byName(settings.rules, rule) ??
    (config && byName(config.rules, rule)) ??
    (rule.meta.security ? settings.security : undefined) ??
    (preset && rule.meta.presets?.[preset]) ??
    rule.meta.defaultSeverity
  );
}

/** resolveSeverity for many rules under the same settings (tables that say nothing are not consulted). */
function severityResolver(settings: Settings, config?: LanguageConfig): (rule: Rule) => SeveritySetting {
  const preset = settings.preset ?? config?.preset;
  const tables = [settings.rules, config?.rules].filter((t): t is Record<string, SeveritySetting> => {
    if (!t) return false;
    for (const _ in t) return true;
    return false;
  });
  return (rule) => {
    for (const t of tables) {
      const s = byName(t, rule);
      if (s !== undefined) return s;
    }
    if (rule.meta.security && settings.security) return settings.security;
    return (preset && rule.meta.presets?.[preset]) || rule.meta.defaultSeverity;
  };
}

function byName(table: Record<string, SeveritySetting>, rule: Rule): SeveritySetting | undefined {
  const m = rule.meta;
  let out = table[m.code] ?? table[m.id];
  if (out === undefined && m.formerCodes) for (const c of m.formerCodes) out ??= table[c];
  return out;
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
  private readonly ignores: ReturnType<typeof collectIgnores>;
  private readonly anyIgnore: boolean;
  private readonly severityOf: (rule: Rule) => SeveritySetting;
  private readonly ctx: RuleContext<M>;
  /** Where the rule being run reports. */
  private reports: Report[] = [];
  /** Whether a tool answered `pending` to some rule. */
  private pending = false;
  /** Milliseconds the rules took so far (the budget), and the last rule run. */
  private spent = 0;
  private last?: Rule;
  private readonly now: () => number;
  /** Spans the language judges broken (`Language.broken`): other rules' findings there are dropped. */
  private readonly broken: { spans: Span[]; keep: string[] } | undefined;

  constructor(private readonly input: AnalyzeInput<M>) {
    const config = input.config ?? languageConfig(input);
    this.ignores = collectIgnores(input.language, input.lines, input.model, config?.disableIgnoreComments);
    this.anyIgnore = this.ignores.file.size > 0 || this.ignores.lines.size > 0;
    this.severityOf = severityResolver(input.settings, config);
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
    this.broken = safeBroken(input, this.ctx.once);
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
    const { budgetMs, language } = this.input;
    if (budgetMs === undefined || !this.last || this.spent < budgetMs) return false;
    const skipped = language.rules.slice(index).filter((r) => this.severityOf(r) !== 'off').length;
    if (!skipped) return false;
    this.findings.push(...stopped(this.input, this.last, this.spent, skipped));
    return true;
  }

  /** Runs one rule; false when it is off. */
  run(rule: Rule): boolean {
    const input = this.input;
    if (input.only && !input.only.has(rule.meta.code)) return false;
    const severity = this.severityOf(rule);
    if (severity === 'off') return false;
    const reports: Report[] = [];
    this.reports = reports;
    this.last = rule;
    // The clock is read only for a budget (the language server's): a CLI check never looks at it.
    const timed = input.budgetMs !== undefined;
    const started = timed ? this.now() : 0;
    try {
      rule.check(this.ctx);
    } catch (error) {
      input.onRuleError?.(rule, error);
      return true;
    } finally {
      if (timed) this.spent += this.now() - started;
    }
    const length = input.text.length;
    for (const r of reports) {
      const start = clamp(r.start, length);
      const end = clamp(Math.max(r.end, r.start), length);
      if (this.anyIgnore && isIgnored(this.ignores, input.lines.position(start).line, rule)) continue;
      if (this.broken && !this.broken.keep.includes(rule.meta.code) && inSpans(this.broken.spans, start)) continue;
      // (not `{ ...r, start, ... }`: V8 makes a spread followed by more properties some 20x slower than a copy and
      // stores; the finding has the same keys in the same order)
      const finding = Object.assign({}, r) as Finding;
      finding.start = start;
      finding.end = end;
      finding.code = rule.meta.code;
      finding.rule = rule.meta.id;
      finding.severity = severity;
      finding.message = formatMessage(rule.meta, r.messageId, r.data);
      this.findings.push(finding);
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

/** The language's configuration file for this document (none when it cannot be read). */
export function languageConfig<M>(input: {
  language: Language<M>;
  path: string;
  workspace: WorkspaceIndex;
}): LanguageConfig | undefined {
  try {
    return input.language.configOverrides?.({ path: input.path, workspace: input.workspace });
  } catch {
    return undefined;
  }
}

/** Whether `offset` is in one of `spans` (in text order, not overlapping): a binary search. */
function inSpans(spans: Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid].start) hi = mid - 1;
    else if (offset >= spans[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}

function safeBroken<M>(input: AnalyzeInput<M>, once: Once['once']): { spans: Span[]; keep: string[] } | undefined {
  try {
    const b = input.language.broken?.({ once, model: input.model, text: input.text });
    return b?.spans.length ? b : undefined;
  } catch {
    return undefined;
  }
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), max)) : 0;
}

const IGNORE_RE = /shipshape-ignore(?![-\w])[ \t]*([^\n]*)/;

/** What ignore comments silence: codes (or ids; '*' = every rule) by 0-based line, and in the whole file. */
export interface Ignores {
  lines: Map<number, Set<string>>;
  file: Set<string>;
}

/**
 * Reads the ignore comments: `# shipshape-ignore [CODES]` and the language's own syntax (`# hadolint ignore=`, also
 * `global`) silence the line after the comment and, where the language says so, the rest of the construct starting
 * there (a Dockerfile instruction continued over several lines).
 */
export function collectIgnores<M>(
  language: Language<M>,
  lines: LineIndex,
  model?: M,
  withoutLanguageComments = false,
): Ignores {
  const ignores: Ignores = { lines: new Map(), file: new Set() };
  const marker = language.lineComment;
  const own = withoutLanguageComments ? undefined : language.ignoreComment;
  // Most files have no ignore comment at all: skip the line walk unless one could be there.
  if (!marker || (!lines.text.includes('shipshape-ignore') && !(own && lines.text.includes('ignore')))) return ignores;
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
    const extra = own?.(text);
    if (extra?.global) for (const c of extra.codes) ignores.file.add(c);
    else if (extra) codes.push(...extra.codes);
    if (!codes.length) continue;
    const last =
      model !== undefined && language.ignoreExtent ? language.ignoreExtent(model, lines, line + 1) : line + 1;
    for (let l = line + 1; l <= Math.max(last, line + 1); l++) {
      const set = ignores.lines.get(l);
      if (set) for (const c of codes) set.add(c);
      else ignores.lines.set(l, new Set(codes));
    }
  }
  return ignores;
}

function isIgnored(ignores: Ignores, line: number, rule: Rule): boolean {
  return matches(ignores.file, rule) || matches(ignores.lines.get(line), rule);
}

function matches(set: Set<string> | undefined, rule: Rule): boolean {
  if (!set || set.size === 0) return false;
  const m = rule.meta;
  return set.has('*') || set.has(m.code) || set.has(m.id) || !!m.formerCodes?.some((c) => set.has(c));
}
