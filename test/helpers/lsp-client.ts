import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './context';

/** A real `dist/server.js --stdio` and a protocol connection to it, for tests. */
export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  stderr = '';
  private readonly waiters: { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] =
    [];
  readonly latest = new Map<string, Diagnostic[]>();

  constructor(extraNodeArgs: string[] = []) {
    this.proc = spawn(process.execPath, [...extraNodeArgs, path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc.stderr!.on('data', (d) => {
      this.stderr += d;
    });
    this.conn = createProtocolConnection(
      new StreamMessageReader(this.proc.stdout!),
      new StreamMessageWriter(this.proc.stdin!),
    );
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      this.latest.set(p.uri, p.diagnostics);
      for (const w of [...this.waiters])
        if (w.uri === p.uri && w.pred(p.diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
    });
    this.conn.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.conn.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => this.configuration),
    );
    this.conn.listen();
  }
  configuration: unknown = {};

  /** Registrations the server asked for (`client/registerCapability`). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  /**
   * Initializes as VS Code does in a trusted workspace, unless other `initializationOptions` are given; `textDocument`
   * adds client capabilities.
   */
  async initialize(
    rootPath: string,
    initializationOptions: unknown = { trusted: true },
    textDocument: Record<string, unknown> = {},
  ) {
    const result = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: 'file://' + rootPath,
      workspaceFolders: [{ uri: 'file://' + rootPath, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true }, ...textDocument },
      },
      initializationOptions,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1) {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Resolves with the next published diagnostics for `uri` that satisfy `pred`. */
  diagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 15000): Promise<Diagnostic[]> {
    const now = this.latest.get(uri);
    if (now && pred(now)) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.latest.get(uri))}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        pred,
        resolve: (d) => {
          clearTimeout(t);
          resolve(d);
        },
      });
    });
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** Copies a fixture folder (without its expected.txt) to `to`, for a server to open as a workspace. */
export function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.name === 'expected.txt') continue;
    const s = path.join(from, e.name),
      d = path.join(to, e.name);
    if (e.isDirectory()) copyTree(s, d);
    else fs.copyFileSync(s, d);
  }
}

/** Predicates for `diagnostics()`: a code is there, or not. */
export const has = (code: string) => (d: Diagnostic[]) => d.some((x) => x.code === code);
export const lacks = (code: string) => (d: Diagnostic[]) => !d.some((x) => x.code === code);
