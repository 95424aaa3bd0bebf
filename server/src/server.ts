import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  FIX_ALL_KIND,
  ignoreActions,
  quickFixes,
  SEMANTIC_LEGEND,
  toCompletionItem,
  toDiagnostic,
  toDocumentHighlights,
  toDocumentLinks,
  toDocumentSymbol,
  toFoldingRanges,
  toHover,
  toInlayHints,
  toLocations,
  toSelectionRange,
  toSemanticTokens,
  toTextEdits,
  toWorkspaceEditOf,
} from './lsp/convert';
import { capFindings } from './engine/cap';
import { ruleDocUrl } from './engine/docs';
import { DEFAULT_SETTINGS, type DocumentKind, type Finding, type Settings } from './engine/types';
import { languages } from './links';
import { nodeFileSystem } from './node-fs';
import { connect, lifecycle, whenCancelled } from './lsp/protocol';
import { scanWorkspace } from './lsp/scan';
import { toSettings } from './lsp/settings';
import { pathToUri, uriToPath } from './engine/uri';
import { detectKind } from './service/detect';
import { Service, type DocumentInput } from './service/service';
import { LineIndex } from './text/lines';
import { findShellcheck, ShellcheckRunner } from './tools/shellcheck';
import { VERSION } from './version';

/** VS Code language ids that decide the kind when the path cannot (untitled documents). */
const KIND_BY_LANGUAGE_ID: Record<string, DocumentKind> = {
  dockerfile: 'dockerfile',
  dockerignore: 'dockerignore',
  nix: 'nix',
  dockercompose: 'compose',
  'github-actions-workflow': 'workflow',
};
const DEBOUNCE_MS = 150;
/** Diagnostics published for one file at most, the last saying how many more there are (SS004). */
const MAX_DIAGNOSTICS = 1000;
/** Milliseconds the rules may take on one file before the rest are skipped (SS003); `checkBudgetMs` overrides it. */
const CHECK_BUDGET_MS = 2000;
/**
 * Where formatting is offered when the client registers it dynamically (VS Code): every kind, but JSON only by a task
 * definition's name, so other JSON files keep one formatter (the editor's own) and no "multiple formatters" question.
 */
const FORMATTING_SELECTOR = [
  { language: 'dockerfile' },
  { language: 'dockerignore' },
  { language: 'ignore', pattern: '**/{.dockerignore,*.dockerignore}' },
  { language: 'yaml', pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
  { language: 'dockercompose' },
  { language: 'yaml', pattern: '**/.github/workflows/*.{yml,yaml}' },
  { language: 'github-actions-workflow' },
  { language: 'json', pattern: '**/*task*def*.json' },
  { language: 'jsonc', pattern: '**/*task*def*.json' },
  { language: 'nix' },
];

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let roots: string[] = [];
  // shellcheck, resolved on first use to a binary outside the workspace folders; run only for trusted checks.
  const shellcheck = new ShellcheckRunner({ binary: () => findShellcheck(roots) });
  const service = new Service(languages, nodeFileSystem, (m) => connection.console.error(m), { tools: shellcheck });
  const settingsCache = new Map<string, Promise<Partial<Settings>>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let pullDiagnostics = false;
  let snippetEdits = false;
  let configurationSupport = false;
  let dynamicFormatting = false;
  let inlayHintRefresh = false;
  let trusted = false;
  let checkBudgetMs = CHECK_BUDGET_MS;
  let docsBase: string | undefined;

  // Detecting a JSON task definition by content parses the JSON: do it once per document version,
  // not again for every request (validation, completion, hover) on the same text.
  const kinds = new Map<string, { version: number; kind: DocumentKind | undefined }>();
  const input = (doc: TextDocument): DocumentInput => {
    const p = uriToPath(doc.uri);
    const text = doc.getText();
    let hit = kinds.get(doc.uri);
    if (!hit || hit.version !== doc.version) {
      hit = { version: doc.version, kind: detectKind(p, text) ?? KIND_BY_LANGUAGE_ID[doc.languageId] };
      kinds.set(doc.uri, hit);
    }
    return { path: p, text, kind: hit.kind };
  };

  /** The settings of a document; with the token of a request, a request cancelled meanwhile stops here (-32800). */
  async function settingsFor(uri: string, token?: CancellationToken): Promise<Settings> {
    let editor: Promise<Partial<Settings>> | undefined = settingsCache.get(uri);
    if (!editor) {
      editor = configurationSupport
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'shipshape' }).then(toSettings, () => ({}))
        : Promise.resolve({});
      settingsCache.set(uri, editor);
    }
    const resolved: Partial<Settings> = await editor;
    whenCancelled(token);
    const settings = service.settingsFor(uriToPath(uri), resolved);
    // Untrusted, the workspace's settings may lower the size limit, not raise it (VS Code ignores them there too).
    const limit = DEFAULT_SETTINGS.maxFileSize!;
    return trusted ? settings : { ...settings, maxFileSize: Math.min(settings.maxFileSize ?? limit, limit) };
  }

  // One look at the disk per rule code, not one per finding and publish.
  const docsUrls = new Map<string, string>();
  const docsUrl = (code: string) => {
    let url = docsUrls.get(code);
    if (url === undefined) {
      const file = docsBase ? path.join(docsBase, `${code}.md`) : undefined;
      url = file && fs.existsSync(file) ? pathToFileURL(file).href : ruleDocUrl(code);
      docsUrls.set(code, url);
    }
    return url;
  };

  /** Versions whose pending tool answers were already followed by a new check (at most a few rounds each). */
  const toolRounds = new Map<string, { version: number; rounds: number }>();

  /**
   * When a check still waits for external tools (shellcheck in the background), checks the document again once they
   * answered, if it is still at that version (a newer version has its own check); `then` publishes or refreshes.
   */
  function followTools(uri: string, version: number, pending: Promise<void> | undefined, then: () => void) {
    if (!pending) return;
    const seen = toolRounds.get(uri);
    const rounds = seen?.version === version ? seen.rounds + 1 : 1;
    if (rounds > 3) return;
    toolRounds.set(uri, { version, rounds });
    void pending.then(() => {
      if (documents.get(uri)?.version === version) then();
    });
  }

  /** Whether the document is still at this version (a TextDocument object is updated in place on each change). */
  const current = (uri: string, version: number) => documents.get(uri)?.version === version;

  async function diagnose(doc: TextDocument, token?: CancellationToken, then?: () => void) {
    const version = doc.version;
    const settings = await settingsFor(doc.uri, token);
    if (!current(doc.uri, version)) return [];
    const inp = input(doc);
    const stale = () => !current(doc.uri, version) || !!token?.isCancellationRequested;
    // In slices: a large workflow's rules never hold the event loop while the user types; within a time budget.
    const result = await service.validateSliced(inp, settings, {
      trusted,
      isCancelled: stale,
      budgetMs: checkBudgetMs,
    });
    whenCancelled(token);
    // Once shellcheck answered: only the rules that waited run again, their findings replace theirs.
    const recheck = () => {
      try {
        send(doc, version, service.recheck(inp, settings, result, { trusted }), settings);
      } catch (e) {
        connection.console.error(`validation failed for ${doc.uri}: ${(e as Error)?.stack ?? e}`);
      }
    };
    followTools(doc.uri, version, result.pending, then ?? recheck);
    return toDiagnostics(doc, result, settings);
  }

  function toDiagnostics(doc: TextDocument, result: { findings: Finding[]; lines: LineIndex }, settings: Settings) {
    const otherLines = (p: string) => {
      const open = documents.get(pathToUri(p));
      if (open) return new LineIndex(open.getText());
      const text = service.workspace.readText(p);
      return text === undefined ? undefined : new LineIndex(text);
    };
    return capFindings(result.findings, MAX_DIAGNOSTICS, settings).map((f) =>
      toDiagnostic(f, { uri: doc.uri, lines: result.lines, docsUrl, toUri: pathToUri, otherLines, snippetEdits }),
    );
  }

  function send(
    doc: TextDocument,
    version: number,
    result: { findings: Finding[]; lines: LineIndex },
    settings: Settings,
  ) {
    if (current(doc.uri, version))
      connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: toDiagnostics(doc, result, settings) });
  }

  async function publish(doc: TextDocument) {
    try {
      const version = doc.version;
      const diagnostics = await diagnose(doc);
      if (current(doc.uri, version)) connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
    } catch (e) {
      connection.console.error(`validation failed for ${doc.uri}: ${(e as Error)?.stack ?? e}`);
    }
  }

  function schedule(doc: TextDocument, delay = DEBOUNCE_MS) {
    if (pullDiagnostics) return;
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        void publish(doc);
      }, delay),
    );
  }

  /**
   * Re-checks the open documents that read `changedPath` (cross-file rules), and those it read itself
   * (`alsoRead`): a task definition's reverse lookup of the workflows naming it is the other side of
   * the same link, and may not have read a workflow it did not know yet.
   */
  function recheckDependents(changedPath: string, alsoRead: string[] = []) {
    const dependents = new Set([...service.workspace.dependentsOf(changedPath), ...alsoRead]);
    if (!dependents.size) return;
    if (pullDiagnostics) {
      void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) if (dependents.has(uriToPath(doc.uri))) schedule(doc);
  }

  function recheckAll() {
    if (pullDiagnostics) {
      void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) schedule(doc, 0);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    configurationSupport = !!caps.workspace?.configuration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    snippetEdits = !!caps.workspace?.workspaceEdit?.snippetEditSupport;
    const init = (params.initializationOptions ?? {}) as {
      trusted?: boolean;
      docsPath?: string;
      checkBudgetMs?: number;
    };
    // A client that does not say the workspace is trusted gets the untrusted behaviour (no shellcheck, size limit kept).
    trusted = init.trusted === true;
    if (typeof init.checkBudgetMs === 'number' && init.checkBudgetMs >= 0) checkBudgetMs = init.checkBudgetMs;
    inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
    dynamicFormatting =
      !!caps.textDocument?.formatting?.dynamicRegistration && !!caps.textDocument?.rangeFormatting?.dynamicRegistration;
    docsBase = init.docsPath ?? path.resolve(__dirname, '..', 'docs', 'rules');
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (!roots.length && params.rootUri) roots.push(uriToPath(params.rootUri));
    setImmediate(() => {
      for (const root of roots)
        for (const [p, kind] of scanWorkspace(root, detectKind)) service.workspace.addKnown(p, kind);
      // the reverse index (which workflows build this Dockerfile?) read in the background, in slices
      service.indexAhead().catch((e) => connection.console.error(`indexing failed: ${(e as Error)?.stack ?? e}`));
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: {
          triggerCharacters: ['.', ':', ' ', '$', '{', '-', '"', '/', '=', '@'],
          resolveProvider: false,
        },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        definitionProvider: true,
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        ...(dynamicFormatting ? {} : { documentFormattingProvider: true, documentRangeFormattingProvider: true }),
        referencesProvider: true,
        documentHighlightProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: false },
        inlayHintProvider: { resolveProvider: false },
        ...(pullDiagnostics
          ? {
              diagnosticProvider: { identifier: 'shipshape', interFileDependencies: true, workspaceDiagnostics: false },
            }
          : {}),
      },
      serverInfo: { name: 'shipshape', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (configurationSupport)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'shipshape' });
    if (dynamicFormatting) {
      void connection.client.register(DocumentFormattingRequest.type, { documentSelector: FORMATTING_SELECTOR });
      void connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector: FORMATTING_SELECTOR });
    }
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    recheckAll();
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  connection.onNotification('shipshape/trust', (params: { trusted: boolean }) => {
    trusted = !!params?.trusted;
    recheckAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let config = false;
    for (const c of changes) {
      const p = uriToPath(c.uri);
      if (p.endsWith('/.shipshape.yaml') || p.endsWith('/.hadolint.yaml')) config = true;
      if (!documents.get(c.uri)) service.workspace.changedOnDisk(p);
      recheckDependents(p);
    }
    if (config) recheckAll();
  });

  // TextDocuments also fires onDidChangeContent for an open: that first version is checked at once.
  const openedVersion = new Map<string, number>();
  documents.onDidOpen(({ document }) => {
    const inp = input(document);
    service.workspace.setOpen(inp.path, inp.text, inp.kind);
    openedVersion.set(document.uri, document.version);
    schedule(document, 0);
    // An opened file's text may differ from the disk the other files were checked against.
    recheckDependents(inp.path);
  });
  documents.onDidChangeContent(({ document }) => {
    if (openedVersion.get(document.uri) === document.version) return;
    openedVersion.delete(document.uri);
    const inp = input(document);
    const read = service.workspace.dependenciesOf(inp.path);
    service.workspace.setOpen(inp.path, inp.text, inp.kind);
    schedule(document);
    recheckDependents(inp.path, read);
  });
  documents.onDidClose(({ document }) => {
    const p = uriToPath(document.uri);
    openedVersion.delete(document.uri);
    kinds.delete(document.uri);
    settingsCache.delete(document.uri);
    clearTimeout(timers.get(document.uri));
    service.workspace.close(p);
    service.workspace.forgetDependencies(p);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    recheckDependents(p);
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const items = await diagnose(doc, token, () => void connection.languages.diagnostics.refresh());
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  /** Lines of a document for converting offsets: the open one the editor holds, else the service's. */
  const linesOf = (p: string): LineIndex | undefined => {
    const open = documents.get(pathToUri(p));
    return open ? new LineIndex(open.getText()) : service.linesOf(p);
  };

  connection.onCompletion(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    const version = doc.version;
    const inp = input(doc);
    const offset = doc.offsetAt(params.position);
    const lines = new LineIndex(inp.text);
    await service.parseAhead(inp);
    const settings = await settingsFor(doc.uri, token);
    // A newer version has its own request coming: this one would parse an outdated text again.
    if (token.isCancellationRequested || !current(doc.uri, version)) return [];
    return service.complete(inp, offset, settings).map((c) => toCompletionItem(c, lines, offset));
  });

  connection.onHover(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const version = doc.version;
    const inp = input(doc);
    const offset = doc.offsetAt(params.position);
    await service.parseAhead(inp);
    const settings = await settingsFor(doc.uri, token);
    if (!current(doc.uri, version)) return null;
    const hover = service.hover(inp, offset, settings);
    return hover ? toHover(hover, new LineIndex(inp.text)) : null;
  });

  connection.onDocumentSymbol(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const lines = new LineIndex(doc.getText());
    return service.symbols(input(doc), await settingsFor(doc.uri, token)).map((s) => toDocumentSymbol(s, lines));
  });

  connection.onDefinition(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return toLocations(
      service.definition(input(doc), doc.offsetAt(params.position), await settingsFor(doc.uri, token)),
      linesOf,
    );
  });

  connection.onPrepareRename(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const found = service.prepareRename(input(doc), doc.offsetAt(params.position), await settingsFor(doc.uri, token));
    if (!found) return null;
    return {
      range: new LineIndex(doc.getText()).range(found.span.start, found.span.end),
      placeholder: found.placeholder,
    };
  });

  connection.onRenameRequest(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const settings = await settingsFor(doc.uri, token);
    const edits = service.rename(input(doc), doc.offsetAt(params.position), params.newName, settings);
    return edits ? toWorkspaceEditOf(edits, linesOf) : null;
  });

  connection.onFoldingRanges(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const settings = await settingsFor(doc.uri, token);
    return toFoldingRanges(service.folding(input(doc), settings), new LineIndex(doc.getText()));
  });

  connection.onSelectionRanges(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const lines = new LineIndex(doc.getText());
    return service
      .selectionRanges(
        input(doc),
        params.positions.map((p) => doc.offsetAt(p)),
        await settingsFor(doc.uri, token),
      )
      .map((s) => toSelectionRange(s, lines));
  });

  connection.onDocumentFormatting(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const edits = service.format(input(doc), params.options, await settingsFor(doc.uri));
    return toTextEdits(edits, new LineIndex(doc.getText()));
  });

  connection.onDocumentRangeFormatting(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const range = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
    const edits = service.format(input(doc), params.options, await settingsFor(doc.uri), range);
    return toTextEdits(edits, new LineIndex(doc.getText()));
  });

  connection.onReferences(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const offset = doc.offsetAt(params.position);
    const found = service.references(input(doc), offset, await settingsFor(doc.uri), params.context.includeDeclaration);
    return toLocations(found, linesOf);
  });

  connection.onDocumentHighlight(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const found = service.highlights(input(doc), doc.offsetAt(params.position), await settingsFor(doc.uri));
    return toDocumentHighlights(found, new LineIndex(doc.getText()));
  });

  connection.onDocumentLinks(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const links = service.documentLinks(input(doc), await settingsFor(doc.uri));
    return toDocumentLinks(links, new LineIndex(doc.getText()), docsUrl);
  });

  connection.languages.semanticTokens.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    const tokens = service.semanticTokens(input(doc), await settingsFor(doc.uri));
    return toSemanticTokens(tokens, new LineIndex(doc.getText()));
  });

  connection.languages.inlayHint.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const range = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
    const hints = service.inlayHints(input(doc), range, await settingsFor(doc.uri));
    return toInlayHints(hints, new LineIndex(doc.getText()));
  });

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
    if (wants(CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(doc.uri, params.context.diagnostics));
      const kind = input(doc).kind;
      const marker = kind ? service.registry.language(kind)?.lineComment : undefined;
      actions.push(...ignoreActions(doc.uri, params.context.diagnostics, new LineIndex(doc.getText()), marker));
    }
    if (only && wants(FIX_ALL_KIND)) {
      const settings = await settingsFor(doc.uri, token);
      const edits = service.fixAll(input(doc), settings, { trusted, budgetMs: checkBudgetMs });
      if (edits.length) {
        actions.push({
          title: 'Fix all safe Shipshape problems',
          kind: FIX_ALL_KIND,
          edit: {
            changes: {
              [doc.uri]: edits.map((e) => ({
                range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
                newText: e.newText,
              })),
            },
          },
        });
      }
    }
    return actions;
  });

  connection.onShutdown(() => shellcheck.dispose());

  // For the benchmark (scripts/bench/typing.mjs): how long the event loop was held, when asked for with this variable.
  // The wall-clock delay includes time the OS gave other processes; the CPU time of the main thread between two ticks
  // of a 1 ms timer (Linux: /proc/thread-self/schedstat, in nanoseconds) says how long the server itself held it.
  if (process.env.SHIPSHAPE_LOOP_STATS) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const threadCpu = (): number => {
      try {
        return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
      } catch {
        const c = process.cpuUsage();
        return (c.user + c.system) / 1000;
      }
    };
    let lastCpu = threadCpu();
    let maxCpuMs = 0;
    const probe = setInterval(() => {
      const cpu = threadCpu();
      maxCpuMs = Math.max(maxCpuMs, cpu - lastCpu);
      lastCpu = cpu;
    }, 1);
    probe.unref();
    connection.onRequest('shipshape/loopStats', (params: { reset?: boolean } | undefined) => {
      const ms = (ns: number) => Math.round(ns / 1e4) / 100;
      const stats = {
        maxMs: ms(delay.max),
        p99Ms: ms(delay.percentile(99)),
        meanMs: ms(delay.mean),
        maxCpuMs: Math.round(maxCpuMs * 100) / 100,
        samples: delay.count,
        shellcheck: { ...shellcheck.stats },
      };
      if (params?.reset) {
        delay.reset();
        maxCpuMs = 0;
      }
      return stats;
    });
  }

  documents.listen(connection);
  connection.listen();
}

// Standalone: `node dist/server.js --stdio` (or spawned by the VS Code client with --node-ipc).
if (require.main === module) {
  process.on('uncaughtException', (e) => {
    process.stderr.write(`shipshape: uncaught ${(e as Error)?.stack ?? e}\n`);
  });
  const life = lifecycle();
  const connection = connect(life);
  life.attach(connection);
  startServer(connection);
}
