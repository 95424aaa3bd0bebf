/**
 * The one place where Shipshape's plain results (offsets, paths, Markdown) become LSP types: diagnostics and their
 * quick fixes, completion items, hovers, symbols, locations, workspace edits, folding and selection ranges.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type DocumentHighlight,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Location,
  type SelectionRange,
  type SemanticTokens,
  type SemanticTokensLegend,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type {
  Completion,
  CompletionKind,
  DocLink,
  DocumentSymbolInfo,
  FileEdits,
  FileSpan,
  Finding,
  Fix,
  FoldingSpan,
  HoverResult,
  InlayHintInfo,
  OffsetEdit,
  Occurrence,
  SelectionSpan,
  SemanticToken,
  Severity,
  SymbolKindName,
  TokenModifier,
  TokenType,
} from '../engine/types';
import { pathToUri } from '../engine/uri';
import { LineIndex } from '../text/lines';

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
  /** The first edit's newText is a snippet (sent as a snippet edit; only to clients that take them). */
  snippet?: boolean;
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
  /** The client takes snippet edits in workspace edits (`workspace.workspaceEdit.snippetEditSupport`). */
  snippetEdits?: boolean;
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
  const fixes = [f.fix, ...(f.suggestions ?? [])]
    .filter((x): x is Fix => !!x)
    .map((fix) => toFixData(fix, o))
    .filter((x): x is FixData => !!x);
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

/**
 * A fix as the client gets it. A snippet fix goes as a snippet edit to a client that takes them; another client gets
 * its fallback (real text) or no fix: a placeholder word (`node:tag`) must never be written into a file.
 */
function toFixData(fix: Fix, o: ConvertOptions): FixData | undefined {
  const asSnippet = !!fix.snippet && !!o.snippetEdits;
  const edits = fix.snippet && !asSnippet ? fix.fallback : fix.edits;
  if (!edits) return undefined;
  const data: FixData = {
    title: fix.title,
    safe: fix.safe && !fix.snippet,
    edits: edits.map((e: OffsetEdit, i) => ({
      range: o.lines.range(e.start, e.end),
      newText: asSnippet && i === 0 ? unindentSnippet(e, o.lines) : e.newText,
    })),
  };
  if (asSnippet) data.snippet = true;
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

/**
 * A snippet edit's text for an editor that indents it: VS Code gives each line of an inserted snippet after the first
 * the indentation of the line it is inserted on (a vscode.SnippetTextEdit without keepWhitespace, as the language
 * client makes it), so that indentation comes off the lines that start with it.
 */
function unindentSnippet(e: OffsetEdit, lines: LineIndex): string {
  if (!e.newText.includes('\n')) return e.newText;
  const line = lines.lineText(lines.position(e.start).line);
  const indent = /^[ \t]*/.exec(line)![0];
  if (!indent) return e.newText;
  return e.newText
    .split('\n')
    .map((l, i) => (i > 0 && l.startsWith(indent) ? l.slice(indent.length) : l))
    .join('\n');
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
  if (fix.snippet) {
    // a snippet edit (LSP 3.18): the editor selects the first tab stop and offers the choices
    const [first, ...rest] = fix.edits;
    const edits: (TextEdit | SnippetTextEdit)[] = [
      { range: first.range, snippet: { kind: 'snippet', value: first.newText } },
      ...rest,
    ];
    return { documentChanges: [{ textDocument: { uri, version: null }, edits }] };
  }
  if (!fix.otherFiles?.length) return { changes: { [uri]: fix.edits } };
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const other of fix.otherFiles) {
    if (other.create) documentChanges.push({ kind: 'create', uri: other.uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: other.uri, version: null }, edits: other.edits });
  }
  if (fix.edits.length) documentChanges.push({ textDocument: { uri, version: null }, edits: fix.edits });
  return { documentChanges };
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

// --- editor features: plain data (offsets, paths, Markdown) to LSP ----------------------------------------------

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  text: CompletionItemKind.Text,
  function: CompletionItemKind.Function,
  field: CompletionItemKind.Field,
  variable: CompletionItemKind.Variable,
  class: CompletionItemKind.Class,
  module: CompletionItemKind.Module,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enumMember: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  reference: CompletionItemKind.Reference,
  constant: CompletionItemKind.Constant,
  event: CompletionItemKind.Event,
};

export function toCompletionItem(c: Completion, lines: LineIndex, offset: number): CompletionItem {
  const item: CompletionItem = { label: c.label };
  if (c.kind) item.kind = COMPLETION_KIND[c.kind];
  if (c.detail !== undefined) item.detail = c.detail;
  if (c.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  const newText = c.insertText ?? c.label;
  if (c.replace) item.textEdit = { range: lines.range(c.replace.start, c.replace.end), newText };
  else if (c.insertText !== undefined) item.insertText = c.insertText;
  else if (c.snippet) item.textEdit = { range: lines.range(offset, offset), newText };
  if (c.sortText !== undefined) item.sortText = c.sortText;
  if (c.filterText !== undefined) item.filterText = c.filterText;
  if (c.deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}

export function toHover(h: HoverResult, lines: LineIndex): Hover {
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: h.markdown } };
  if (h.span) hover.range = lines.range(h.span.start, h.span.end);
  return hover;
}

const SYMBOL_KIND: Record<SymbolKindName, SymbolKind> = {
  module: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  class: SymbolKind.Class,
  property: SymbolKind.Property,
  field: SymbolKind.Field,
  function: SymbolKind.Function,
  variable: SymbolKind.Variable,
  constant: SymbolKind.Constant,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  object: SymbolKind.Object,
  key: SymbolKind.Key,
  struct: SymbolKind.Struct,
  event: SymbolKind.Event,
  interface: SymbolKind.Interface,
  enumMember: SymbolKind.EnumMember,
};

export function toDocumentSymbol(s: DocumentSymbolInfo, lines: LineIndex): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name || ' ',
    kind: SYMBOL_KIND[s.kind],
    range: lines.range(s.span.start, s.span.end),
    selectionRange: lines.range(s.selection.start, s.selection.end),
  };
  if (s.detail !== undefined) out.detail = s.detail;
  if (s.children) out.children = s.children.map((c) => toDocumentSymbol(c, lines));
  return out;
}

/** Lines of any file by path (the service knows the documents and the workspace). */
export type LinesOf = (path: string) => LineIndex | undefined;

export function toLocations(spans: FileSpan[], linesOf: LinesOf): Location[] {
  const out: Location[] = [];
  for (const s of spans) {
    const lines = linesOf(s.path);
    if (lines) out.push({ uri: pathToUri(s.path), range: lines.range(s.start, s.end) });
  }
  return out;
}

export function toWorkspaceEditOf(files: FileEdits[], linesOf: LinesOf): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const f of files) {
    const lines = linesOf(f.path) ?? new LineIndex('');
    const uri = pathToUri(f.path);
    changes[uri] = [
      ...(changes[uri] ?? []),
      ...f.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText })),
    ];
  }
  return { changes };
}

export function toFoldingRanges(spans: FoldingSpan[], lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const f of spans) {
    const startLine = lines.position(f.start).line;
    const endLine = lines.position(f.end).line;
    if (endLine <= startLine) continue;
    out.push(f.kind ? { startLine, endLine, kind: f.kind } : { startLine, endLine });
  }
  return out;
}

export function toSelectionRange(s: SelectionSpan, lines: LineIndex): SelectionRange {
  // built from the outside in, so deep chains need no recursion
  const chain: SelectionSpan[] = [];
  for (let p: SelectionSpan | undefined = s; p; p = p.parent) chain.push(p);
  let out: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) out = { range: lines.range(chain[i].start, chain[i].end), parent: out };
  return out!;
}

export function toTextEdits(edits: OffsetEdit[], lines: LineIndex): TextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

export function toDocumentHighlights(occurrences: Occurrence[], lines: LineIndex): DocumentHighlight[] {
  return occurrences.map((o) => {
    const h: DocumentHighlight = { range: lines.range(o.start, o.end) };
    if (o.kind) h.kind = o.kind === 'write' ? 3 : 2;
    return h;
  });
}

/** Links to files, web pages and rule pages (`docsUrl` gives a rule code's page, a local one when shipped). */
export function toDocumentLinks(
  links: DocLink[],
  lines: LineIndex,
  docsUrl: (code: string) => string | undefined,
): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const l of links) {
    const target = l.path !== undefined ? pathToUri(l.path) : (l.url ?? (l.code ? docsUrl(l.code) : undefined));
    if (!target) continue;
    const link: DocumentLink = { range: lines.range(l.start, l.end), target };
    if (l.tooltip) link.tooltip = l.tooltip;
    out.push(link);
  }
  return out;
}

// Standard token types and modifiers, which every VS Code theme colours.
const TOKEN_TYPES: TokenType[] = [
  'namespace',
  'type',
  'parameter',
  'variable',
  'property',
  'function',
  'keyword',
  'string',
  'number',
  'operator',
  'comment',
  'macro',
];
const TOKEN_MODIFIERS: TokenModifier[] = ['declaration', 'readonly', 'defaultLibrary'];
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: TOKEN_TYPES, tokenModifiers: TOKEN_MODIFIERS };
const TYPE_INDEX = new Map(TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/**
 * Tokens (sorted, not overlapping) in the LSP's relative encoding, each one line at most: a token across lines is
 * split at the line ends.
 */
export function toSemanticTokens(tokens: SemanticToken[], lines: LineIndex): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  // tokens come sorted: walk the lines along with them instead of searching for each one
  let line = 0;
  let lineStart = 0;
  let nextStart = lines.lineCount > 1 ? lines.lineStart(1) : Number.POSITIVE_INFINITY;
  const seek = (offset: number) => {
    if (offset < lineStart) {
      line = lines.position(offset).line;
      lineStart = lines.lineStart(line);
      nextStart = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : Number.POSITIVE_INFINITY;
    }
    while (offset >= nextStart) {
      line++;
      lineStart = nextStart;
      nextStart = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : Number.POSITIVE_INFINITY;
    }
  };
  for (const t of tokens) {
    const type = TYPE_INDEX.get(t.type);
    if (type === undefined) continue;
    let mods = 0;
    if (t.modifiers) for (const m of t.modifiers) mods |= MODIFIER_BIT.get(m) ?? 0;
    seek(t.start);
    let from = t.start;
    // a token across lines is split at the line ends
    while (from < t.end) {
      const lineEnd = Math.min(t.end, lines.lineEnd(line));
      const length = lineEnd - from;
      if (length > 0) {
        const char = from - lineStart;
        data.push(line - prevLine, line === prevLine ? char - prevChar : char, length, type, mods);
        prevLine = line;
        prevChar = char;
      }
      if (nextStart >= t.end) break;
      seek(nextStart);
      from = lineStart;
    }
  }
  return { data };
}

export function toInlayHints(hints: InlayHintInfo[], lines: LineIndex): InlayHint[] {
  return hints.map((h) => {
    const hint: InlayHint = { position: lines.position(h.offset), label: h.label };
    if (h.kind) hint.kind = h.kind === 'type' ? 1 : 2;
    if (h.tooltip) hint.tooltip = { kind: MarkupKind.Markdown, value: h.tooltip };
    if (h.paddingLeft) hint.paddingLeft = true;
    if (h.paddingRight) hint.paddingRight = true;
    return hint;
  });
}
