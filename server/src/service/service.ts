import {
  analyzeAll,
  analyzeSteps,
  byPlace,
  languageConfig,
  resolveSeverity,
  type AnalyzeInput,
  type Analyzed,
} from '../engine/analyze';
import { builtinRules, binaryFile, fileTooLarge, internalError } from '../engine/builtin-rules';
import { CONFIG_FILE, mergeSettings, parseConfig, type ConfigFile } from '../engine/config';
import { safeFixEdits } from '../engine/fixes';
import { formatMessage } from '../engine/messages';
import { ruleCodeLinks } from '../engine/comment-links';
import { createOnce } from '../engine/once';
import { Registry } from '../engine/registry';
import type {
  Completion,
  DocLink,
  DocumentKind,
  DocumentSymbolInfo,
  FeatureContext,
  FileEdits,
  FileSpan,
  Finding,
  FoldingSpan,
  FormatOptions,
  HoverResult,
  InlayHintInfo,
  Language,
  OffsetEdit,
  Occurrence,
  ParsedFile,
  Rule,
  SelectionSpan,
  SemanticToken,
  Settings,
  Severity,
  Span,
  ToolRunner,
  ToolSession,
  WorkspaceIndex,
} from '../engine/types';
import { DEFAULT_SETTINGS } from '../engine/types';
import { LineIndex } from '../text/lines';
import { detectKind } from './detect';
import { Workspace, type FileSystem } from './workspace';

export interface DocumentInput {
  path: string;
  text: string;
  /** Forces the kind (the CLI's --kind); otherwise detected from path and content. */
  kind?: DocumentKind;
}

export interface ValidateOptions {
  trusted?: boolean;
  isCancelled?: () => boolean;
  /** Whether to run external tools (default: when trusted). Fix-all does without: no tool finding has a fix. */
  tools?: boolean;
  /** Run only these rules (codes). */
  only?: ReadonlySet<string>;
  /** Milliseconds the rules may take on the document (the language server's budget); none when undefined. */
  budgetMs?: number;
}

export interface ValidateResult {
  kind: DocumentKind | undefined;
  findings: Finding[];
  lines: LineIndex;
  /**
   * Resolves when external tools (shellcheck) have the answers this check was still waiting for: check the document
   * again then (the answers are cached), with `recheck`. Undefined when nothing is pending.
   */
  pending?: Promise<void>;
  /** Codes of the rules that waited for tool answers (those `recheck` runs again). */
  waiting?: string[];
  /**
   * The lowest severity that should fail a CI run for this file, when its language's configuration file says
   * (hadolint's `failure-threshold`; `none`: nothing fails). Absent: errors fail.
   */
  failureThreshold?: Severity | 'none';
}

export interface ServiceOptions {
  /** Runs external tools (shellcheck) for trusted checks; without it no rule gets `ctx.tools`. */
  tools?: ToolRunner;
}

export type ErrorLogger = (message: string) => void;

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : '/';
}

/**
 * The pure service: text in, findings and LSP items out. It owns the workspace index and a parse
 * cache keyed by text, so one keystroke parses a document once for validation, completion and hover.
 */
export class Service {
  readonly registry: Registry;
  readonly workspace: Workspace;
  private readonly loggedFailures = new Set<string>();
  private readonly configCache = new Map<string, { text: string | undefined; config: ConfigFile | undefined }>();

  constructor(
    languages: Language[],
    fs: FileSystem,
    private readonly log: ErrorLogger = () => {},
    private readonly options: ServiceOptions = {},
  ) {
    this.registry = new Registry(languages);
    this.workspace = new Workspace(
      fs,
      (path, text) => this.parseFile(path, text),
      detectKind,
      (parsed) => this.factsOf(parsed),
      1000,
      (kind, facts) => this.registry.language(kind)?.factKeys?.(facts) ?? [],
    );
  }

  /** Reads the reverse index of the files the workspace knows, in slices (see Workspace.indexAhead). */
  indexAhead(sliceMs = 8): Promise<void> {
    const kinds = this.registry
      .languages()
      .filter((l) => l.factKeys)
      .map((l) => l.kind);
    return this.workspace.indexAhead(kinds, sliceMs);
  }

  /** Every rule, built-in ones included, sorted by code (for docs and settings). */
  allRules(): Rule[] {
    return [...builtinRules, ...this.registry.rules()].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
  }

  kindOf(doc: DocumentInput): DocumentKind | undefined {
    return doc.kind ?? detectKind(doc.path, doc.text);
  }

  /** The settings in force for one file: defaults, the nearest `.shipshape.yaml` above it, the editor's. */
  settingsFor(path: string, editor?: Partial<Settings>): Settings {
    return mergeSettings(DEFAULT_SETTINGS, this.configFor(path), editor);
  }

  /** The nearest `.shipshape.yaml` at or above the file's folder, parsed (cached by text). */
  configFor(path: string): ConfigFile | undefined {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const file = (dir === '/' ? '' : dir) + '/' + CONFIG_FILE;
      const text = this.workspace.readText(file);
      if (text !== undefined) {
        const hit = this.configCache.get(file);
        if (hit && hit.text === text) return hit.config;
        const config = parseConfig(text);
        if (config.problems.length)
          this.logOnce(`config:${file}:${text.length}`, `${file}: ${config.problems.join('; ')}`);
        this.configCache.set(file, { text, config });
        return config;
      }
      if (dir === '/' || dir === '.' || !dir.includes('/')) return undefined;
    }
  }

  /** Parses a file of any known kind (used by the workspace index for other files). */
  parseFile(path: string, text: string, kind = detectKind(path, text)): ParsedFile | undefined {
    if (!kind) return undefined;
    const language = this.registry.language(kind);
    if (!language || text.includes('\u0000')) return undefined;
    return { path, kind, text, lines: new LineIndex(text), model: language.parse(text, path) };
  }

  validate(doc: DocumentInput, settings: Settings, opts: ValidateOptions = {}): ValidateResult {
    const p = this.prepare(doc, settings, opts);
    if ('findings' in p) return p;
    return this.finish(p, analyzeAll(p.input));
  }

  /**
   * A check completed once the tools answered: the rules that waited run again (their answers are cached now) and
   * replace their findings in `earlier`, the other rules' findings are kept. For the same text as `earlier`.
   */
  recheck(doc: DocumentInput, settings: Settings, earlier: ValidateResult, opts: ValidateOptions = {}): ValidateResult {
    if (!earlier.waiting?.length) return earlier;
    const only = new Set(earlier.waiting);
    const again = this.validate(doc, settings, { ...opts, only });
    const findings = [...earlier.findings.filter((f) => !only.has(f.code)), ...again.findings].sort(byPlace);
    return { ...again, findings };
  }

  /**
   * The same check, its rules run in slices of at most about `sliceMs` of work each, yielding to the event loop in
   * between (a language server must not hold its event loop while the user types). Stops early, with what it has,
   * when `opts.isCancelled` says the document moved on.
   */
  async validateSliced(
    doc: DocumentInput,
    settings: Settings,
    opts: ValidateOptions = {},
    sliceMs = 8,
  ): Promise<ValidateResult> {
    await this.parseAhead(doc, sliceMs);
    if (opts.isCancelled?.()) return { kind: this.kindOf(doc), findings: [], lines: new LineIndex(doc.text) };
    const p = this.prepare(doc, settings, opts);
    if ('findings' in p) return p;
    const steps = analyzeSteps(p.input);
    let last = performance.now();
    let r = steps.next();
    while (!r.done) {
      if (performance.now() - last > sliceMs) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        last = performance.now();
      }
      r = steps.next();
    }
    return this.finish(p, r.value);
  }

  /**
   * Parses a document ahead of a check or an editor request, in slices of at most about `sliceMs` when its language
   * parses in steps, so the work that follows finds the parse cached and a large document never blocks the host.
   */
  async parseAhead(doc: DocumentInput, sliceMs = 8): Promise<void> {
    const kind = this.kindOf(doc);
    const language = kind && this.registry.language(kind);
    if (!kind || !language?.parseSteps || doc.text.includes('\u0000')) return;
    const hit = this.lastParse.get(doc.path);
    if (hit && hit.text === doc.text && hit.kind === kind) return;
    let model: unknown;
    try {
      const steps = language.parseSteps(doc.text, doc.path);
      let last = performance.now();
      let r = steps.next();
      while (!r.done) {
        if (performance.now() - last > sliceMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          last = performance.now();
        }
        r = steps.next();
      }
      model = r.value;
    } catch {
      return; // the synchronous parse reports it
    }
    this.remember({ path: doc.path, kind, text: doc.text, lines: new LineIndex(doc.text), model });
  }

  private prepare(
    doc: DocumentInput,
    settings: Settings,
    opts: ValidateOptions,
  ): ValidateResult | { input: AnalyzeInput<unknown>; kind: DocumentKind; lines: LineIndex; session?: ToolSession } {
    const kind = this.kindOf(doc);
    const language = kind && this.registry.language(kind);
    if (!kind || !language) return { kind, findings: [], lines: new LineIndex(doc.text) };
    const early = this.refuse(doc, kind, settings);
    if (early) return { kind, findings: early, lines: new LineIndex(doc.text) };
    let parsed: ParsedFile;
    try {
      parsed = this.parsed(doc, kind);
    } catch (error) {
      return {
        kind,
        findings: this.builtin(internalError, 'failed', { reason: describe(error) }, settings),
        lines: new LineIndex(doc.text),
      };
    }
    const session = opts.trusted && opts.tools !== false ? this.options.tools?.session(doc.path) : undefined;
    const only = opts.only;
    const workspace = this.trackingView(doc.path, parsed);
    const config = languageConfig({ language, path: doc.path, workspace });
    const input: AnalyzeInput<unknown> = {
      config,
      language,
      path: doc.path,
      kind,
      text: doc.text,
      lines: parsed.lines,
      model: parsed.model,
      workspace,
      settings,
      trusted: opts.trusted ?? false,
      tools: session,
      isCancelled: opts.isCancelled,
      only,
      budgetMs: opts.budgetMs,
      onRuleError: (rule, error) =>
        this.logOnce(
          `rule:${rule.meta.code}`,
          `rule ${rule.meta.code} (${rule.meta.id}) failed on ${doc.path}: ${stack(error)}`,
        ),
    };
    return { input, kind, lines: parsed.lines, session, failureThreshold: config?.failureThreshold };
  }

  private finish(
    p: { kind: DocumentKind; lines: LineIndex; session?: ToolSession; failureThreshold?: Severity | 'none' },
    a: Analyzed,
  ): ValidateResult {
    const pending = p.session?.settled();
    const base: ValidateResult = { kind: p.kind, findings: a.findings, lines: p.lines };
    if (p.failureThreshold) base.failureThreshold = p.failureThreshold;
    return pending ? { ...base, pending, waiting: a.waiting } : base;
  }

  /** The safe fixes of a document, as non-overlapping edits (fix-all). */
  fixAll(doc: DocumentInput, settings: Settings, opts: ValidateOptions = {}): OffsetEdit[] {
    return safeFixEdits(this.validate(doc, settings, { ...opts, tools: false }).findings);
  }

  complete(doc: DocumentInput, offset: number, settings: Settings): Completion[] {
    return this.feature(doc, settings, 'complete', (lang, ctx) => lang.complete?.(ctx, offset)) ?? [];
  }
  hover(doc: DocumentInput, offset: number, settings: Settings): HoverResult | undefined {
    return this.feature(doc, settings, 'hover', (lang, ctx) => lang.hover?.(ctx, offset));
  }
  symbols(doc: DocumentInput, settings: Settings): DocumentSymbolInfo[] {
    return this.feature(doc, settings, 'symbols', (lang, ctx) => lang.symbols?.(ctx)) ?? [];
  }
  definition(doc: DocumentInput, offset: number, settings: Settings): FileSpan[] {
    return this.feature(doc, settings, 'definition', (lang, ctx) => lang.definition?.(ctx, offset)) ?? [];
  }
  rename(doc: DocumentInput, offset: number, newName: string, settings: Settings): FileEdits[] | undefined {
    return this.feature(doc, settings, 'rename', (lang, ctx) => lang.rename?.(ctx, offset, newName));
  }
  /**
   * What F2 would rename at the offset: the span of the name and its text, or undefined when nothing there can be
   * renamed (the editor then says so before asking for a new name). Found by renaming the name to itself and keeping
   * the edit of this document under the offset.
   */
  prepareRename(
    doc: DocumentInput,
    offset: number,
    settings: Settings,
  ): { span: Span; placeholder: string } | undefined {
    const word =
      /(?<![A-Za-z0-9_.'-])[A-Za-z0-9_.'-]*$/.exec(doc.text.slice(Math.max(0, offset - 256), offset))![0] +
      /^[A-Za-z0-9_.'-]*/.exec(doc.text.slice(offset, offset + 256))![0];
    // names may hold dots (a stage `build.v2`), but a trailing dot or a `.#` prefix is not part of them
    const candidates = [...new Set([word, ...word.split(/[.#]/)].filter((w) => w && /^[A-Za-z0-9_]/.test(w)))];
    for (const name of candidates) {
      const edits = this.rename(doc, offset, name, settings)?.find((r) => r.path === doc.path)?.edits ?? [];
      const here = edits.find((e) => e.start <= offset && offset <= e.end);
      if (here)
        return { span: { start: here.start, end: here.end }, placeholder: doc.text.slice(here.start, here.end) };
    }
    return undefined;
  }
  folding(doc: DocumentInput, settings: Settings): FoldingSpan[] {
    return this.feature(doc, settings, 'folding', (lang, ctx) => lang.folding?.(ctx)) ?? [];
  }
  selectionRanges(doc: DocumentInput, offsets: number[], settings: Settings): SelectionSpan[] {
    return this.feature(doc, settings, 'selectionRanges', (lang, ctx) => lang.selectionRanges?.(ctx, offsets)) ?? [];
  }

  /**
   * Edits that format the document, or only the lines of `range`: the edits of the whole-document format that lie
   * inside it, unless the language formats ranges itself. Sorted, never overlapping.
   */
  format(doc: DocumentInput, options: FormatOptions, settings: Settings, range?: Span): OffsetEdit[] {
    const edits = this.feature(doc, settings, 'format', (lang, ctx) => lang.format?.(ctx, options, range)) ?? [];
    const inRange = range ? edits.filter((e) => e.start >= range.start && e.end <= range.end) : edits;
    const sorted = inRange.sort((a, b) => a.start - b.start || a.end - b.end);
    return sorted.filter((e, i) => i === 0 || e.start >= sorted[i - 1].end);
  }
  references(doc: DocumentInput, offset: number, settings: Settings, includeDeclaration = true): Occurrence[] {
    const all = this.feature(doc, settings, 'references', (lang, ctx) => lang.references?.(ctx, offset)) ?? [];
    const unique = new Map(all.map((o) => [`${o.path}:${o.start}:${o.end}`, o]));
    return [...unique.values()].filter((o) => includeDeclaration || o.kind !== 'write');
  }
  /** The places in this document naming the symbol at the offset: the language's highlights, else its references. */
  highlights(doc: DocumentInput, offset: number, settings: Settings): Occurrence[] {
    const own = this.feature(doc, settings, 'highlights', (lang, ctx) => lang.highlights?.(ctx, offset));
    return (own ?? this.references(doc, offset, settings)).filter((o) => o.path === doc.path);
  }
  /** The language's links, and the rule codes of its ignore comments (to their pages). */
  documentLinks(doc: DocumentInput, settings: Settings): DocLink[] {
    const own = this.feature(doc, settings, 'documentLinks', (lang, ctx) => lang.documentLinks?.(ctx)) ?? [];
    const kind = this.kindOf(doc);
    const marker = kind && this.registry.language(kind)?.lineComment;
    if (!marker || this.refuse(doc, kind, settings)) return own;
    return [...own, ...ruleCodeLinks(doc.text, marker, (code) => !!this.registry.rule(code))];
  }
  /** Semantic tokens sorted by offset, without overlaps (a later token inside an earlier one is dropped). */
  semanticTokens(doc: DocumentInput, settings: Settings): SemanticToken[] {
    const tokens = this.feature(doc, settings, 'semanticTokens', (lang, ctx) => lang.semanticTokens?.(ctx)) ?? [];
    if (tokens.some((t, i) => i > 0 && t.start < tokens[i - 1].start))
      tokens.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: SemanticToken[] = [];
    for (const t of tokens) if (t.end > t.start && (!out.length || t.start >= out[out.length - 1].end)) out.push(t);
    return out;
  }
  inlayHints(doc: DocumentInput, range: Span, settings: Settings): InlayHintInfo[] {
    if (settings.inlayHints === false) return [];
    const hints = this.feature(doc, settings, 'inlayHints', (lang, ctx) => lang.inlayHints?.(ctx, range)) ?? [];
    return hints.filter((h) => h.offset >= range.start && h.offset <= range.end);
  }

  /** The line index of a file: the document being edited, an indexed file, or any readable file. */
  linesOf(path: string): LineIndex | undefined {
    const last = this.lastParse.get(path);
    const text = this.workspace.readText(path);
    if (last && (text === undefined || last.text === text)) return last.lines;
    const parsed = this.workspace.get(path);
    if (parsed) return parsed.lines;
    return text === undefined ? undefined : new LineIndex(text);
  }

  // --- internals ---------------------------------------------------------------------------------
  private lastParse = new Map<string, ParsedFile>();

  /** Parses once per (path, text): validation, completion and hover of one version share it. */
  private parsed(doc: DocumentInput, kind: DocumentKind): ParsedFile {
    const hit = this.lastParse.get(doc.path);
    if (hit && hit.text === doc.text && hit.kind === kind) return hit;
    // the index's parse of the same text (another file's check read this one), or ours for the index
    const indexed = this.workspace.parsedIfCached(doc.path, doc.text);
    if (indexed?.kind === kind) return this.remember(indexed);
    const language = this.registry.language(kind)!;
    return this.remember({
      path: doc.path,
      kind,
      text: doc.text,
      lines: new LineIndex(doc.text),
      model: language.parse(doc.text, doc.path),
    });
  }

  private remember(parsed: ParsedFile): ParsedFile {
    // the index's parse of this file when it is the same (its kind is the one the index detects)
    if (parsed.kind === detectKind(parsed.path, parsed.text)) this.workspace.adopt(parsed);
    this.lastParse.delete(parsed.path);
    this.lastParse.set(parsed.path, parsed);
    while (this.lastParse.size > 64) this.lastParse.delete(this.lastParse.keys().next().value as string);
    return parsed;
  }

  /** Bad input that is refused before parsing: binary data, or larger than the limit. */
  private refuse(doc: DocumentInput, kind: DocumentKind, settings: Settings): Finding[] | undefined {
    const limit = settings.maxFileSize ?? DEFAULT_SETTINGS.maxFileSize!;
    if (doc.text.length > limit) {
      return this.builtin(
        fileTooLarge,
        'tooLarge',
        { size: (doc.text.length / 1048576).toFixed(1), limit: (limit / 1048576).toFixed(1) },
        settings,
      );
    }
    const nul = doc.text.indexOf('\u0000');
    if (nul >= 0) return this.builtin(binaryFile, 'binary', { kind }, settings, nul);
    return undefined;
  }

  private builtin(rule: Rule, messageId: string, data: Record<string, string>, settings: Settings, at = 0): Finding[] {
    const severity = resolveSeverity(rule, settings);
    if (severity === 'off') return [];
    return [
      {
        start: at,
        end: at,
        messageId,
        data,
        code: rule.meta.code,
        rule: rule.meta.id,
        severity,
        message: formatMessage(rule.meta, messageId, data),
      },
    ];
  }

  private feature<T>(
    doc: DocumentInput,
    settings: Settings,
    name: string,
    run: (lang: Language, ctx: FeatureContext<unknown>) => T | undefined,
  ): T | undefined {
    const kind = this.kindOf(doc);
    if (!kind) return undefined;
    const language = this.registry.language(kind);
    if (!language || this.refuse(doc, kind, settings)) return undefined;
    try {
      const parsed = this.parsed(doc, kind);
      return run(language, {
        path: doc.path,
        kind,
        text: doc.text,
        lines: parsed.lines,
        model: parsed.model,
        workspace: this.trackingView(doc.path, parsed),
        settings,
        once: createOnce(),
      });
    } catch (error) {
      this.logOnce(`feature:${kind}:${name}`, `${name} failed on ${doc.path}: ${stack(error)}`);
      return undefined;
    }
  }

  /** A language's facts of a parsed file, computed once per parse. */
  private factsOf(parsed: ParsedFile): unknown {
    let hit = this.factsCache.get(parsed);
    if (!hit) {
      hit = { value: this.registry.language(parsed.kind)?.facts?.(parsed) };
      this.factsCache.set(parsed, hit);
    }
    return hit.value;
  }
  private readonly factsCache = new WeakMap<ParsedFile, { value: unknown }>();

  /**
   * The index as one document's rules see it: every file they read becomes a dependency, and the document itself is
   * read as the text being checked.
   */
  private trackingView(dependent: string, current: ParsedFile): WorkspaceIndex {
    const ws = this.workspace;
    return {
      facts: (p) => {
        if (p !== dependent) {
          ws.dependOn(dependent, p);
          return ws.facts(p);
        }
        const facts = this.factsOf(current);
        return facts === undefined ? undefined : { kind: current.kind, facts };
      },
      get: (p) => {
        ws.dependOn(dependent, p);
        return ws.get(p);
      },
      exists: (p) => {
        ws.dependOn(dependent, p);
        return ws.exists(p);
      },
      readText: (p) => {
        ws.dependOn(dependent, p);
        return ws.readText(p);
      },
      list: (k) => ws.list(k),
      withKey: (k, key) => {
        ws.dependOnKey(dependent, k, key);
        return ws.withKey(k, key);
      },
      dependOn: (d, p) => ws.dependOn(d, p),
      filesUnder: (d, limit) => ws.filesUnder(d, limit),
    };
  }

  private logOnce(key: string, message: string): void {
    if (this.loggedFailures.has(key)) return;
    this.loggedFailures.add(key);
    this.log(message);
  }
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return 'nested too deeply';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
function stack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
