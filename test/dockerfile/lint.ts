/**
 * Runs the Dockerfile (or .dockerignore) rules over a text the way the engine does, for the tests
 * of this folder: resolves default severities, applies `# hadolint ignore=` comments on the line
 * above, and can apply fixes. A stand-in until the engine's runner lands on main.
 */
import { workspaceOf } from '../helpers/context';
import { createOnce } from '../../server/src/engine/once';
import { LineIndex } from '../../server/src/text/lines';
import type { Finding, Language, OffsetEdit, Report, Rule, WorkspaceIndex } from '../../server/src/engine/types';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

export interface MemoryFiles {
  [path: string]: string;
}

/** An in-memory workspace: parses files of the given languages on demand. */
export function memoryWorkspace(files: MemoryFiles, _languages?: Language[]): WorkspaceIndex {
  return workspaceOf(files);
}

export function runRules(
  language: Language,
  text: string,
  path = '/work/Dockerfile',
  options: { rules?: Rule[]; files?: MemoryFiles; languages?: Language[]; all?: boolean } = {},
): Finding[] {
  const lines = new LineIndex(text);
  const model = language.parse(text, path);
  const workspace = memoryWorkspace({ ...(options.files ?? {}), [path]: text }, options.languages ?? [language]);
  const overrides = language.configOverrides?.({ path, workspace }).rules ?? {};
  const out: Finding[] = [];
  for (const rule of options.rules ?? language.rules) {
    const sev = overrides[rule.meta.code] ?? rule.meta.defaultSeverity;
    if (sev === 'off' && !options.all && !options.rules) continue;
    const reports: Report[] = [];
    rule.check({
      path,
      kind: language.kind,
      text,
      lines,
      model,
      workspace,
      settings: DEFAULT_SETTINGS,
      trusted: false,
      once: createOnce(),
      report: (r) => reports.push(r),
    });
    for (const r of reports) {
      const line = lines.position(r.start).line;
      if (ignoredAt(language, lines, line, rule.meta.code)) continue;
      let message = rule.meta.messages[r.messageId] ?? r.messageId;
      for (const [k, v] of Object.entries(r.data ?? {})) message = message.split(`{{${k}}}`).join(String(v));
      out.push({ ...r, code: rule.meta.code, rule: rule.meta.id, severity: sev === 'off' ? 'hint' : sev, message });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

function ignoredAt(language: Language, lines: LineIndex, line: number, code: string): boolean {
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l);
    if (!/^\s*#/.test(t)) break;
    const codes = language.ignoreComment?.(t)?.codes;
    if (codes?.includes(code)) return true;
  }
  return false;
}

/** Applies non-overlapping edits (later ones first). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.end > lastStart) continue;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

/** Applies the first fix of every finding (snippet tab stops replaced by their placeholder). */
export function applyFixes(text: string, findings: Finding[]): string {
  const edits: OffsetEdit[] = [];
  for (const f of findings) {
    const fix = f.fix ?? f.suggestions?.[0];
    if (!fix) continue;
    for (const e of fix.edits)
      edits.push(
        fix.snippet ? { ...e, newText: e.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') } : e,
      );
  }
  return applyEdits(text, edits);
}

/** Like applyFixes, and also the other files the fixes create or edit. */
export function applyFixesEverywhere(
  text: string,
  findings: Finding[],
  files: MemoryFiles = {},
): { text: string; files: MemoryFiles } {
  const out: MemoryFiles = { ...files };
  const other = new Map<string, OffsetEdit[]>();
  for (const f of findings) {
    const fix = f.fix ?? f.suggestions?.[0];
    for (const o of fix?.otherFiles ?? []) other.set(o.path, [...(other.get(o.path) ?? []), ...o.edits]);
  }
  for (const [p, edits] of other) out[p] = applyEdits(out[p] ?? '', edits);
  return { text: applyFixes(text, findings), files: out };
}
