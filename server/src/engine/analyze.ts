import type { LineIndex } from '../text/lines';
import { formatMessage } from './messages';
import { createOnce } from './once';
import type {
  DocumentKind,
  Finding,
  Language,
  LanguageConfig,
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
  /** The language's configuration file for this document, when the caller has read it already. */
  config?: LanguageConfig;
  /** Called once per failing rule; the rule then gives nothing for this document. */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** Checked between rules; when true the analysis stops early. */
  isCancelled?: () => boolean;
}

/**
 * The severity a rule runs with: the settings (`.shipshape.yaml`, the editor) by code, id or former code, then the
 * language's configuration file (e.g. `.hadolint.yaml`), then the preset in force (the settings', else the file's),
 * then the rule's default.
 */
export function resolveSeverity(rule: Rule, settings: Settings, config?: LanguageConfig): SeveritySetting {
  const preset = settings.preset ?? config?.preset;
  return (
    byName(settings.rules, rule) ??
    (config && byName(config.rules, rule)) ??
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
  const { language, settings } = input;
  const overrides = input.config ?? languageConfig(input);
  const findings: Finding[] = [];
  const ignores = collectIgnores(language, input.lines, input.model, overrides?.disableIgnoreComments);
  const once = createOnce();
  const anyIgnore = ignores.file.size > 0 || ignores.lines.size > 0;
  // one context for every rule: only where reports go changes
  let reports: Report[] = [];
  const ctx: RuleContext<M> = {
    path: input.path,
    kind: input.kind,
    text: input.text,
    lines: input.lines,
    model: input.model,
    workspace: input.workspace,
    settings,
    trusted: input.trusted,
    once,
    report: (r) => {
      reports.push(r);
    },
  };
  const severityOf = severityResolver(settings, overrides);
  for (const rule of language.rules) {
    if (input.isCancelled?.()) break;
    const severity = severityOf(rule);
    if (severity === 'off') continue;
    reports = [];
    try {
      rule.check(ctx);
    } catch (error) {
      input.onRuleError?.(rule, error);
      continue;
    }
    for (const r of reports) {
      const start = clamp(r.start, input.text.length);
      const end = clamp(Math.max(r.end, r.start), input.text.length);
      if (anyIgnore && isIgnored(ignores, input.lines.position(start).line, rule)) continue;
      findings.push({
        ...r,
        start,
        end,
        code: rule.meta.code,
        rule: rule.meta.id,
        severity,
        message: formatMessage(rule.meta, r.messageId, r.data),
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return findings;
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
