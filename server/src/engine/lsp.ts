import type {
  CodeAction,
  Diagnostic,
  DiagnosticRelatedInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { LineIndex } from '../text/lines';
import { snippetToPlain } from './snippet';
import type { Finding, Fix, OffsetEdit, Severity } from './types';

export const SOURCE = 'shipshape';
export const FIX_ALL_KIND = 'source.fixAll.shipshape';

const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

/** What a diagnostic carries in `data` so that its quick fixes need no second analysis. */
export interface DiagnosticData {
  fixes: FixData[];
}
export interface FixData {
  title: string;
  safe: boolean;
  edits: TextEdit[];
  otherFiles?: { uri: string; edits: TextEdit[]; create?: boolean }[];
}

export interface ConvertOptions {
  uri: string;
  lines: LineIndex;
  /** Rule code → documentation URL. */
  docsUrl?: (code: string) => string | undefined;
  toUri: (path: string) => string;
  /** Lines of other files, for related information and edits there. */
  otherLines?: (path: string) => LineIndex | undefined;
}

export function toDiagnostic(f: Finding, o: ConvertOptions): Diagnostic {
  const d: Diagnostic = {
    range: o.lines.range(f.start, f.end),
    severity: LSP_SEVERITY[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  const href = o.docsUrl?.(f.code);
  if (href) d.codeDescription = { href };
  const fixes = [f.fix, ...(f.suggestions ?? [])].filter((x): x is Fix => !!x).map((fix) => toFixData(fix, o));
  if (fixes.length) d.data = { fixes } satisfies DiagnosticData;
  if (f.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      const lines = o.otherLines?.(r.path);
      if (!lines) continue;
      related.push({ location: { uri: o.toUri(r.path), range: lines.range(r.start, r.end) }, message: r.message });
    }
    if (related.length) d.relatedInformation = related;
  }
  return d;
}

function toFixData(fix: Fix, o: ConvertOptions): FixData {
  const text = (e: OffsetEdit, i: number) => (fix.snippet && i === 0 ? snippetToPlain(e.newText) : e.newText);
  const data: FixData = {
    title: fix.title,
    safe: fix.safe && !fix.snippet,
    edits: fix.edits.map((e, i) => ({ range: o.lines.range(e.start, e.end), newText: text(e, i) })),
  };
  if (fix.otherFiles?.length) {
    data.otherFiles = fix.otherFiles.map((other) => {
      const lines = o.otherLines?.(other.path) ?? new LineIndex('');
      return {
        uri: o.toUri(other.path),
        create: other.create,
        edits: other.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText })),
      };
    });
  }
  return data;
}

/** The quick fixes of the diagnostics a client sends back with a code-action request. */
export function quickFixes(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = d.data as DiagnosticData | undefined;
    if (!data || !Array.isArray(data.fixes)) continue;
    data.fixes.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: i === 0 && fix.safe,
        edit: toWorkspaceEdit(uri, fix),
      });
    });
  }
  return actions;
}

function toWorkspaceEdit(uri: string, fix: FixData): WorkspaceEdit {
  if (!fix.otherFiles?.length) return { changes: { [uri]: fix.edits } };
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const other of fix.otherFiles) {
    if (other.create) documentChanges.push({ kind: 'create', uri: other.uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: other.uri, version: null }, edits: other.edits });
  }
  if (fix.edits.length) documentChanges.push({ textDocument: { uri, version: null }, edits: fix.edits });
  return { documentChanges };
}

/**
 * The safe fixes of a document as one set of non-overlapping offset edits, in order. A fix whose
 * edits overlap an earlier one is left for the next round, as eslint does.
 */
export function safeFixEdits(findings: Finding[]): OffsetEdit[] {
  const chosen: OffsetEdit[] = [];
  for (const f of findings) {
    const fix = f.fix;
    if (!fix?.safe || fix.snippet || fix.otherFiles?.length) continue;
    const overlaps = fix.edits.some((e) =>
      chosen.some((c) => (e.start < c.end && c.start < e.end) || (e.start === e.end && e.start === c.start)),
    );
    if (!overlaps) chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Applies offset edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** "Ignore CODE here": a `# shipshape-ignore CODE` comment above the finding's line, indented like it. */
export function ignoreActions(
  uri: string,
  diagnostics: Diagnostic[],
  lines: LineIndex,
  marker: string | undefined,
): CodeAction[] {
  if (!marker) return [];
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string' || !/^[A-Z]{2}\d+$/.test(d.code)) continue;
    const line = d.range.start.line;
    const key = `${line}:${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
    actions.push({
      title: `Ignore ${d.code} on this line`,
      kind: 'quickfix',
      diagnostics: [d],
      edit: {
        changes: {
          [uri]: [
            {
              range: { start: { line, character: 0 }, end: { line, character: 0 } },
              newText: `${indent}${marker} shipshape-ignore ${d.code}\n`,
            },
          ],
        },
      },
    });
  }
  return actions;
}
