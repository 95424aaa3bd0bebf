/**
 * The engine's contracts. Every language plugs into these types; nothing here knows about a
 * particular language, about LSP connections or about the disk.
 */
import type { LineIndex } from '../text/lines';

export type DocumentKind = 'dockerfile' | 'dockerignore' | 'compose' | 'workflow' | 'taskdef' | 'flake' | 'nix';
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'dockerfile',
  'dockerignore',
  'compose',
  'workflow',
  'taskdef',
  'flake',
  'nix',
];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
/**
 * A named set of severities a team can ask for instead of our defaults (`preset: hadolint` in `.shipshape.yaml`):
 * each rule says its severity under the preset in `meta.presets`.
 */
export type Preset = 'hadolint';
export const PRESETS: readonly Preset[] = ['hadolint'];

/** A replacement of the text between two offsets (UTF-16 code units, like JS strings). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix attached to a finding. `safe` fixes never change behaviour and are applied by
 * "fix all" (`source.fixAll.shipshape`, `shipshape check --fix` one day); others are suggestions,
 * offered one by one. A snippet fix (`snippet: true`) may hold `${1:placeholder}` tab stops; it is
 * never safe.
 */
export interface Fix {
  title: string;
  edits: OffsetEdit[];
  safe: boolean;
  /**
   * The first edit's newText is an LSP snippet with tab stops: offered as a snippet edit to clients that take them.
   * Other clients get `fallback` (real text, never a placeholder word) or no fix at all.
   */
  snippet?: boolean;
  /** For a snippet fix: the edits for a client without snippet edits. */
  fallback?: OffsetEdit[];
  /** Edits in other files (for example creating a .dockerignore next to a Dockerfile). */
  otherFiles?: { path: string; edits: OffsetEdit[]; create?: boolean }[];
}

/** A location in another file that explains a finding (LSP relatedInformation). */
export interface Related {
  path: string;
  start: number;
  end: number;
  message: string;
}

/** What a rule reports. Offsets are into the document's text. */
export interface Report {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string | number>;
  fix?: Fix;
  suggestions?: Fix[];
  related?: Related[];
}

export interface RuleDocs {
  /** A Markdown paragraph or two: why it matters. */
  rationale: string;
  incorrect: string;
  correct: string;
  /** Names of the peers' equivalent checks, e.g. "hadolint DL3007", "actionlint expression". */
  peers?: string[];
  /**
   * Why the rule has its default severity, in one or two sentences, by the policy every kind shares: error = the
   * consumer rejects the file or the build/run/deploy fails; warning = a likely bug or a real risk; info = practice
   * and style; off = an opinion a team turns on.
   */
  severity?: string;
  /**
   * Security rules: what an attacker gains when the finding is left in place (a sentence or two, Markdown), shown
   * on the rule's page under "What an attacker gains".
   */
  attack?: string;
  /**
   * Other files of the example's workspace, by path relative to the example document's folder
   * (e.g. `{ ".dockerignore": "*.md" }`), for rules that read other files.
   */
  files?: Record<string, string>;
  /** The other files beside the correct example, when they differ from `files` (when the other file is the fix). */
  correctFiles?: Record<string, string>;
}

export interface RuleMeta {
  /** Stable, never reused. */
  code: string;
  /**
   * Codes this rule had before (a rule that moved to a peer's code, e.g. DF006 → DL3063): configuration and ignore
   * comments that name them still reach the rule, and no other rule may ever take them.
   */
  formerCodes?: string[];
  /** kebab-case name. */
  id: string;
  kinds: DocumentKind[];
  defaultSeverity: SeveritySetting;
  /** The severity under a preset, when it differs from `defaultSeverity` (e.g. hadolint's own for DL rules). */
  presets?: Partial<Record<Preset, SeveritySetting>>;
  description: string;
  messages: Record<string, string>;
  /** 'safe': the fix is applied by fix-all; 'suggestion': offered only; false: no fix. */
  fixable: 'safe' | 'suggestion' | false;
  /**
   * External tools the rule's findings come from (`ctx.tools`), e.g. `['shellcheck']`: when a check waits for their
   * answers, these rules run again once the answers are in.
   */
  tools?: readonly string[];
  docs: RuleDocs;
  /**
   * Set on security rules: the group `security:` in `.shipshape.yaml` turns up, down or off, and whose SARIF results
   * GitHub code scanning ranks by `severity` (its `security-severity`, 0.1 to 10: 9+ critical, 7+ high, 4+ medium).
   */
  security?: SecurityMeta;
}

export interface SecurityMeta {
  /** CVSS-like score, 0.1 to 10, emitted as SARIF `properties.security-severity`. */
  severity: number;
}

/** A parsed document of any kind, as the workspace index hands it to rules of other files. */
export interface ParsedFile<M = unknown> {
  path: string;
  kind: DocumentKind;
  text: string;
  lines: LineIndex;
  model: M;
}

/**
 * What rules may know about other files. The service implements it over an in-memory map filled
 * from open documents, file-watcher events and the disk; rules never touch the disk themselves.
 * Paths are absolute, POSIX-style.
 */
export interface WorkspaceIndex {
  /** The parsed model of a file, or undefined when it does not exist or is not an infra file. */
  get(path: string): ParsedFile | undefined;
  /** Whether a file or folder exists. */
  exists(path: string): boolean;
  /** The raw text of any (small) file, e.g. a .env or .hadolint.yaml. */
  readText(path: string): string | undefined;
  /** Paths of indexed files, optionally of one kind. */
  list(kind?: DocumentKind): string[];
  /**
   * What a file of the workspace tells other files (its language's facts, computed once per parse), or undefined
   * when it does not exist or its language has no facts. The document being checked included.
   */
  facts(path: string): { kind: DocumentKind; facts: unknown } | undefined;
  /**
   * The files of `kind` whose facts hold `key`, sorted (a reverse lookup: the workflows that build this Dockerfile);
   * the keys of a kind's facts are its language's `factKeys`. The same files as reading the facts of every file of
   * `list(kind)` and keeping those with the key, without reading the others: a check records that it asked, and a
   * change to a file of that kind re-checks it.
   */
  withKey(kind: DocumentKind, key: string): string[];
  /** Records that `dependent` read `path`, so a change to `path` re-checks `dependent`. */
  dependOn?(dependent: string, path: string): void;
  /** Files under a folder (any kind, `.git` and `node_modules` skipped), at most `limit`: for editor features only. */
  filesUnder?(dir: string, limit: number): string[];
}

export interface RuleContext<M> extends Once {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly text: string;
  readonly lines: LineIndex;
  readonly model: M;
  readonly workspace: WorkspaceIndex;
  readonly settings: Settings;
  /** Whether the workspace is trusted (external tools like shellcheck run only then). */
  readonly trusted: boolean;
  /** External tools (shellcheck): present only in a trusted workspace whose host runs them (server, CLI). */
  readonly tools?: ExternalTools;
  report(report: Report): void;
}

/** The shells shellcheck knows. */
export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

/** One script for shellcheck: its text as the shell sees it, its dialect, and the codes the caller leaves out. */
export interface ShellcheckRequest {
  script: string;
  dialect: ShellDialect;
  /** Codes not to report, e.g. `['SC1091', 'SC2154']` (each caller has its own). */
  exclude?: readonly string[];
}

/** One finding of shellcheck, positions 1-based in the script's own lines and columns (end exclusive). */
export interface ShellcheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
}

export type ShellcheckAnswer =
  | { state: 'done'; comments: readonly ShellcheckComment[] }
  /** Queued or running: the host checks the document again when the answer is there. */
  | { state: 'pending' }
  | { state: 'unavailable'; reason: string };

/**
 * External programs a rule may use. Every call answers at once and never blocks: from a cache keyed by the request,
 * or `pending` while the program runs in the background, after which the host re-checks the document (stale answers
 * are dropped when the document moved on).
 */
export interface ExternalTools {
  shellcheck(request: ShellcheckRequest): ShellcheckAnswer;
}

/** The tools of one check, and whether they still owe answers. */
export interface ToolSession extends ExternalTools {
  /** Resolves once every request of this session that answered `pending` is done or dropped; undefined: none. */
  settled(): Promise<void> | undefined;
}

/** What a host (server, CLI) gives the service to run external tools; one session per check of one document. */
export interface ToolRunner {
  /** A new session for a document; an older session of the same document is superseded (its queued work dropped). */
  session(owner: string): ToolSession;
}

export interface Rule<M = any> {
  meta: RuleMeta;
  check(ctx: RuleContext<M>): void;
}

/** A problem found while parsing, turned into findings by the language's syntax rule. */
export interface ParseProblem {
  start: number;
  end: number;
  message: string;
  messageId?: string;
  data?: Record<string, string | number>;
}

/** Offsets into one text (UTF-16 code units), start inclusive, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A span in a file, by path (the document itself or another file of the workspace). */
export interface FileSpan extends Span {
  path: string;
}

/** A computation shared by the rules and features of one check or one editor request. */
export interface Once {
  /**
   * The value computed for `key` during this check (or this editor request): the rules and features of one file that
   * ask the same question share one answer. Owned by the service, never module state.
   */
  once<T>(key: string, compute: () => T): T;
}

export interface FeatureContext<M> extends Once {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly text: string;
  readonly lines: LineIndex;
  readonly model: M;
  readonly workspace: WorkspaceIndex;
  readonly settings: Settings;
}

/** Completion kinds, named as the LSP names them (the conversion to numbers happens at the edge). */
export type CompletionKind =
  | 'text'
  | 'function'
  | 'field'
  | 'variable'
  | 'class'
  | 'module'
  | 'property'
  | 'value'
  | 'enumMember'
  | 'keyword'
  | 'snippet'
  | 'file'
  | 'folder'
  | 'reference'
  | 'constant'
  | 'event';

export interface Completion {
  label: string;
  kind?: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What is inserted (the label when absent); an LSP snippet with tab stops when `snippet`. */
  insertText?: string;
  snippet?: boolean;
  /** The text the insertion replaces (the word typed so far); the insertion point when absent. */
  replace?: Span;
  sortText?: string;
  filterText?: string;
  deprecated?: boolean;
}

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  /** The text the hover is about (highlighted by the editor). */
  span?: Span;
}

/** Symbol kinds, named as the LSP names them. */
export type SymbolKindName =
  | 'module'
  | 'namespace'
  | 'class'
  | 'property'
  | 'field'
  | 'function'
  | 'variable'
  | 'constant'
  | 'string'
  | 'number'
  | 'object'
  | 'key'
  | 'struct'
  | 'event'
  | 'interface'
  | 'enumMember';

export interface DocumentSymbolInfo {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** The whole construct. */
  span: Span;
  /** The name (inside `span`). */
  selection: Span;
  children?: DocumentSymbolInfo[];
}

/** Edits of one file, by path. */
export interface FileEdits {
  path: string;
  edits: OffsetEdit[];
}

export interface FoldingSpan extends Span {
  kind?: 'comment' | 'imports' | 'region';
}

/** A span and the larger spans around it (for "expand selection"). */
export interface SelectionSpan extends Span {
  parent?: SelectionSpan;
}

/** How the user indents (the editor's `FormattingOptions`). */
export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/** A place that names the symbol under the cursor: its declaration (`write`) or a use (`read`). */
export interface Occurrence extends FileSpan {
  kind?: 'read' | 'write';
}

/** A part of the document that leads somewhere: a file (`path`), a web page (`url`) or a rule's page (`code`). */
export interface DocLink extends Span {
  path?: string;
  url?: string;
  /** A rule code: the link goes to its documentation page. */
  code?: string;
  tooltip?: string;
}

/** Semantic token types, named as the LSP names them (the legend is in `lsp/convert.ts`). */
export type TokenType =
  | 'namespace'
  | 'type'
  | 'parameter'
  | 'variable'
  | 'property'
  | 'function'
  | 'keyword'
  | 'string'
  | 'number'
  | 'operator'
  | 'comment'
  | 'macro';
export type TokenModifier = 'declaration' | 'readonly' | 'defaultLibrary';

/** A span of the document and how to colour it. Spans may cross lines (the conversion splits them). */
export interface SemanticToken extends Span {
  type: TokenType;
  modifiers?: TokenModifier[];
}

/** A short text shown in the editor at an offset (after it, unless `before`). */
export interface InlayHintInfo {
  offset: number;
  label: string;
  /** Markdown. */
  tooltip?: string;
  kind?: 'type' | 'parameter';
  paddingLeft?: boolean;
  paddingRight?: boolean;
}

/** One language: how to parse its text, its rules, and its editor features (plain data: offsets, paths, Markdown). */
export interface Language<M = any> {
  kind: DocumentKind;
  /** The comment marker for inline ignore comments; undefined for JSON. */
  lineComment?: string;
  /**
   * Extra inline-ignore syntaxes, e.g. `# hadolint ignore=DL3007`: the codes a comment line ignores, on the next
   * line (and the rest of the construct starting there, see `ignoreExtent`) or in the whole file (`global`).
   */
  ignoreComment?(commentLine: string): { codes: string[]; global?: boolean } | undefined;
  /**
   * The last line (0-based) an ignore comment right above `line` covers: a Dockerfile instruction continued over
   * several lines is one place. `line` itself when absent.
   */
  ignoreExtent?(model: M, lines: LineIndex, line: number): number;
  parse(text: string, path: string): M;
  /** The same parse in steps (it yields between parts), for hosts that parse large documents in slices. */
  parseSteps?(text: string, path: string): Generator<void, M>;
  rules: Rule<M>[];
  /** A rule's doc example as a whole file of this kind (a Dockerfile example without FROM gets one). */
  exampleFile?(example: string): string;
  /**
   * What other files may know of this one (the language's `facts.ts`): computed once per parse by the service and
   * read by the checks and features across files.
   */
  facts?(file: ParsedFile<M>): unknown;
  /**
   * The keys other files look this file up by (`WorkspaceIndex.withKey`), from its facts: `build:<Dockerfile path>`
   * for a workflow that builds it. Attached by links/, which does the lookups.
   */
  factKeys?(facts: unknown): string[];
  /**
   * Spans the language judges broken beyond repair by its other rules (a Dockerfile instruction cut in two by a lost
   * `\\`): findings that start inside are dropped, since they judge half a construct, except those of the rules in
   * `keep` (the ones that say what is broken). The spans are in text order and do not overlap. Computed once per
   * check.
   */
  broken?(ctx: Once & { model: M; text: string }): { spans: Span[]; keep: string[] } | undefined;
  complete?(ctx: FeatureContext<M>, offset: number): Completion[];
  hover?(ctx: FeatureContext<M>, offset: number): HoverResult | undefined;
  symbols?(ctx: FeatureContext<M>): DocumentSymbolInfo[];
  definition?(ctx: FeatureContext<M>, offset: number): FileSpan[];
  rename?(ctx: FeatureContext<M>, offset: number, newName: string): FileEdits[] | undefined;
  folding?(ctx: FeatureContext<M>): FoldingSpan[];
  selectionRanges?(ctx: FeatureContext<M>, offsets: number[]): SelectionSpan[];
  /** Edits that format the document (or only `range`), keeping comments and never changing the meaning. */
  format?(ctx: FeatureContext<M>, options: FormatOptions, range?: Span): OffsetEdit[];
  /** Every place naming the symbol at the offset, declaration included (this file and others). */
  references?(ctx: FeatureContext<M>, offset: number): Occurrence[];
  /** The places in this document naming the symbol at the offset (the service falls back on `references`). */
  highlights?(ctx: FeatureContext<M>, offset: number): Occurrence[];
  documentLinks?(ctx: FeatureContext<M>): DocLink[];
  semanticTokens?(ctx: FeatureContext<M>): SemanticToken[];
  inlayHints?(ctx: FeatureContext<M>, range: Span): InlayHintInfo[];
  /** What a configuration file of the language next to the document says (e.g. a `.hadolint.yaml`). */
  configOverrides?(ctx: { path: string; workspace: WorkspaceIndex }): LanguageConfig;
}

/** A language's own configuration file, as the engine uses it (below `.shipshape.yaml` and the editor settings). */
export interface LanguageConfig {
  /** Severity per rule code or id. */
  rules: Record<string, SeveritySetting>;
  /** Severities the file asks for when it sets them its own way (a `.hadolint.yaml` with `override`). */
  preset?: Preset;
  /** The lowest severity that fails the CLI for this file (`none`: nothing does), as hadolint's failure-threshold. */
  failureThreshold?: Severity | 'none';
  /** The language's own ignore comments (not `shipshape-ignore`) have no effect. */
  disableIgnoreComments?: boolean;
}

/** Settings that reach the service: from the editor, merged with `.shipshape.yaml`. */
export interface Settings {
  /** Severity per rule code or id. */
  rules: Record<string, SeveritySetting>;
  /** Severities of a preset for the rules that have one (`preset: hadolint`); explicit `rules` still win. */
  preset?: Preset;
  /** Per-language options. */
  workflow?: { selfHostedRunnerLabels?: string[] };
  /**
   * The severity of every security rule (those with `meta.security`) that `rules` does not name itself: `off` turns
   * the group off, `error` makes its findings fail the CLI; unset, each rule keeps its default.
   */
  security?: SeveritySetting;
  /** Maximum size of a document we analyse fully (bytes); bigger ones get one finding. */
  maxFileSize?: number;
  /** Inlay hints (cron in words, ARG defaults, vCPU/GB, matrix sizes); on unless false. */
  inlayHints?: boolean;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, maxFileSize: 5 * 1024 * 1024 };

/** A finding after severity resolution, ready for the LSP or the CLI. */
export interface Finding extends Report {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
}
