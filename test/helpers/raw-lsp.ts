import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './context';

export type Json = any;

/** One JSON-RPC message framed as LSP sends it over stdio. */
export function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * `dist/server.js --stdio` spoken to in raw bytes: what the test writes goes to the server's stdin as it is, and what
 * the server writes is split into messages by Content-Length. Requests from the server (configuration, registration)
 * are answered with null unless `onServerRequest` says otherwise.
 */
export class RawServer {
  readonly proc: ChildProcess;
  readonly messages: Json[] = [];
  stderr = '';
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string | null>;
  onServerRequest: (message: Json) => boolean = () => false;
  private buffer = Buffer.alloc(0);
  private readonly waiters: { pred: (m: Json) => boolean; resolve: (m: Json) => void }[] = [];

  constructor() {
    this.proc = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve(code ?? signal)));
    this.proc.stdin!.on('error', () => {
      /* the server may be gone: that is what some tests wait for */
    });
    this.proc.stderr!.on('data', (d) => {
      this.stderr += d;
    });
    this.proc.stdout!.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.receive(message);
      }
    });
  }

  private receive(message: Json) {
    this.messages.push(message);
    if (message.method && message.id !== undefined && !this.onServerRequest(message))
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
    for (const w of [...this.waiters])
      if (w.pred(message)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(message);
      }
  }

  /** Writes bytes as they are. */
  write(raw: string): void {
    this.proc.stdin!.write(raw);
  }
  send(...messages: unknown[]): void {
    this.write(messages.map(frame).join(''));
  }
  request(id: number, method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', id, method, params });
  }
  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The first message (received already or to come) that satisfies `pred`. */
  waitFor(pred: (m: Json) => boolean, what = 'a message', timeoutMs = 10000): Promise<Json> {
    const seen = this.messages.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no ${what} in ${timeoutMs} ms; got ${JSON.stringify(this.messages).slice(0, 2000)}`)),
        timeoutMs,
      );
      this.waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
      });
    });
  }
  /** The response to request `id`. */
  response(id: number, timeoutMs?: number): Promise<Json> {
    return this.waitFor((m) => m.id === id && !m.method, `response to ${id}`, timeoutMs);
  }

  async initialize(id = 1, capabilities: unknown = {}): Promise<Json> {
    this.request(id, 'initialize', {
      processId: null,
      rootUri: null,
      capabilities,
      initializationOptions: { trusted: false },
    });
    const r = await this.response(id);
    this.notify('initialized', {});
    return r;
  }

  /** The exit code, or 'alive' when the process is still running after `timeoutMs`. */
  exitCode(timeoutMs = 5000): Promise<number | string | null> {
    return Promise.race([this.exited, new Promise<string>((r) => setTimeout(() => r('alive'), timeoutMs))]);
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }
}
