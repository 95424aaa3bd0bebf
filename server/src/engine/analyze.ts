import type { LineIndex } from '../text/lines';
import { formatMessage } from './messages';
import { createOnce } from './once';
import type {
  DocumentKind,
  Finding,
  Language,
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
  /** Called once per failing rule; the rule then gives nothing for this document. */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** Checked between rules; when true the analysis stops early. */
  isCancelled?: () => boolean;
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
  const { language, settings } = input;
  const overrides = safeOverrides(input);
  const findings: Finding[] = [];
  const ignores = collectIgnores(language, input.lines);
  const once = createOnce();
  const broken = safeBroken(input, once);
  for (const rule of language.rules) {
    if (input.isCancelled?.()) break;
    const severity = resolveSeverity(rule, settings, overrides);
    if (severity === 'off') continue;
    const reports: Report[] = [];
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
    try {
      rule.check(ctx);
    } catch (error) {
      input.onRuleError?.(rule, error);
      continue;
    }
    for (const r of reports) {
      const start = clamp(r.start, input.text.length);
      const end = clamp(Math.max(r.end, r.start), input.text.length);
      if (isIgnored(ignores, input.lines.position(start).line, rule)) continue;
      if (
        broken &&
        !broken.keep.includes(rule.meta.code) &&
        broken.spans.some((s) => start >= s.start && start < s.end)
      )
        continue;
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

function safeOverrides<M>(input: AnalyzeInput<M>): Record<string, SeveritySetting> {
  try {
    return input.language.configOverrides?.({ path: input.path, workspace: input.workspace }) ?? {};
  } catch {
    return {};
  }
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
