/**
 * ShellCheck for the rules of every kind (`run:` scripts of workflows, `RUN` of Dockerfiles), run so that the host
 * never blocks: a rule asks `ctx.tools.shellcheck({ script, dialect, exclude })` and gets the answer from a cache
 * keyed by (dialect, exclusions, script), or `pending`; pending scripts are batched (many scripts in one process, as
 * files on its command line) into a small pool of processes, and when a check's answers are all in, its
 * `settled()` promise resolves so the host checks the document again (the second check finds them cached). A newer
 * check of the same document supersedes the older one: scripts only the older one wanted are dropped if they have not
 * started. Nothing here runs synchronously: no `spawnSync`, files written with fs/promises.
 *
 * The binary is resolved to an absolute path outside the workspace (a `shellcheck` file inside the project, or a
 * relative PATH entry, is never run), and the hosts give a runner only to trusted workspaces.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ShellcheckAnswer, ShellcheckComment, ShellcheckRequest, ToolRunner, ToolSession } from '../engine/types';

export interface ShellcheckRunnerOptions {
  /** The shellcheck binary (absolute), or how to find it; default: `findShellcheck()` over PATH. */
  binary?: string | (() => string | undefined);
  /** Processes at once (default 2). */
  pool?: number;
  /** Scripts in one process at most (default 48). */
  batch?: number;
  /** Answers kept (default 4000 scripts). */
  cacheSize?: number;
  /** Kill a process after this long (default 30 s); its scripts get no answer. */
  timeoutMs?: number;
}

export interface ShellcheckStats {
  processes: number;
  scripts: number;
  cacheHits: number;
}

/**
 * The absolute path of `shellcheck` on PATH, skipping relative PATH entries and folders inside the given workspace
 * roots (a workspace must not be able to plant the program the editor runs); undefined when there is none.
 */
export function findShellcheck(
  workspaceRoots: readonly string[] = [],
  envPath = process.env.PATH ?? '',
): string | undefined {
  const roots = workspaceRoots.map((r) => path.resolve(r) + path.sep);
  const names = process.platform === 'win32' ? ['shellcheck.exe', 'shellcheck'] : ['shellcheck'];
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const abs = path.resolve(dir) + path.sep;
    if (roots.some((r) => abs.startsWith(r))) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        if (!statSync(file).isFile()) continue;
        accessSync(file, fsConstants.X_OK);
        return file;
      } catch {
        // not there
      }
    }
  }
  return undefined;
}

/** Build tools shellcheck has no specific check for (it has some for ln, sudo, find, tr, read, grep, cd, ...). */
const PLAIN_TOOLS = new Set(
  (
    'npm npx yarn pnpm node make cmake ctest go cargo rustup rustc mvn gradle ./gradlew ./mvnw dotnet pip pip3 ' +
    'python python3 pytest tox poetry pipenv uv bundle rake ruby gem composer php mix rebar3 lein dart flutter ' +
    'swift deno bun terraform az aws gcloud docker kubectl helm git cabal stack ghc sbt bazel nix zig tsc hugo'
  ).split(' '),
);
const RESERVED = /(^|\s)(if|then|else|elif|fi|case|esac|for|while|until|do|done|in|function|select|time|coproc)(\s|$)/;

/**
 * Whether shellcheck has nothing to say about a script: `set -e` lines and at most one command of a known build tool
 * (or a script of the repository, `./x.sh`, or a masked expression), made of plain words only: no variable, quote,
 * glob, redirection, operator or reserved word. About half the `run:` scripts in the wild are such one-liners
 * (`npm ci`, `make test`); answering them at once saves a shellcheck run each.
 */
export function needsNoCheck(script: string): boolean {
  let command: string | undefined;
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (!line || /^set -[a-z]+( -o pipefail)?$/.test(line) || line === 'set -eo pipefail') continue;
    if (command !== undefined) return false;
    command = line;
  }
  if (command === undefined) return true;
  if (/^_+$/.test(command)) return true;
  if (!/^[\w ./=:@,+-]+$/.test(command) || RESERVED.test(command)) return false;
  const tool = command.split(' ')[0];
  return PLAIN_TOOLS.has(tool) || /^\.\/[\w./-]+$/.test(tool);
}

interface Job {
  key: string;
  request: ShellcheckRequest;
  /** Sessions waiting for it. */
  waiters: Set<Session>;
  started: boolean;
}

class Session implements ToolSession {
  readonly waiting = new Set<Job>();
  superseded = false;
  private promise?: Promise<void>;
  private resolve?: () => void;

  constructor(private readonly runner: ShellcheckRunner) {}

  shellcheck(request: ShellcheckRequest): ShellcheckAnswer {
    return this.runner.ask(this, request);
  }

  settled(): Promise<void> | undefined {
    if (!this.waiting.size) return undefined;
    this.promise ??= new Promise<void>((resolve) => {
      this.resolve = resolve;
    });
    this.runner.schedule();
    return this.promise;
  }

  /** One of its jobs is done or dropped. */
  done(job: Job) {
    this.waiting.delete(job);
    if (!this.waiting.size) this.finish();
  }

  finish() {
    this.waiting.clear();
    this.resolve?.();
  }
}

export class ShellcheckRunner implements ToolRunner {
  readonly stats: ShellcheckStats = { processes: 0, scripts: 0, cacheHits: 0 };
  private readonly cache = new Map<string, readonly ShellcheckComment[]>();
  private readonly jobs = new Map<string, Job>();
  /** Jobs not started, oldest first. */
  private queue: Job[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly running = new Set<ChildProcess>();
  private binary: string | undefined | null = null;
  private unavailable?: string;
  private dir?: Promise<string>;
  private scheduled = false;
  private active = 0;
  private counter = 0;
  private readonly pool: number;
  private readonly batch: number;
  private readonly cacheSize: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ShellcheckRunnerOptions = {}) {
    this.pool = options.pool ?? 2;
    this.batch = options.batch ?? 48;
    this.cacheSize = options.cacheSize ?? 4000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Scripts waiting for a process (a host that checks many files can start one when a batch is full). */
  get queued(): number {
    return this.queue.length;
  }

  /** Scripts one process takes at most. */
  get batchSize(): number {
    return this.batch;
  }

  session(owner: string): ToolSession {
    const previous = this.sessions.get(owner);
    if (previous) {
      previous.superseded = true;
      previous.finish();
    }
    const s = new Session(this);
    this.sessions.set(owner, s);
    return s;
  }

  /** The binary in use, resolved on first need; undefined when there is none. */
  resolveBinary(): string | undefined {
    if (this.binary === null) {
      const b = this.options.binary;
      this.binary = typeof b === 'function' ? b() : (b ?? findShellcheck());
      if (!this.binary) this.unavailable = 'shellcheck is not installed (not found on PATH outside the workspace)';
    }
    return this.binary;
  }

  ask(session: Session, request: ShellcheckRequest): ShellcheckAnswer {
    if (!this.resolveBinary() || this.unavailable) return { state: 'unavailable', reason: this.unavailable ?? '' };
    if (needsNoCheck(request.script)) return { state: 'done', comments: [] };
    const key = keyOf(request);
    const hit = this.cache.get(key);
    if (hit) {
      this.stats.cacheHits++;
      // Most recently used last: the oldest answers go first when the cache is full.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return { state: 'done', comments: hit };
    }
    let job = this.jobs.get(key);
    if (!job) {
      job = { key, request, waiters: new Set(), started: false };
      this.jobs.set(key, job);
      this.queue.push(job);
    }
    if (!session.superseded) {
      job.waiters.add(session);
      session.waiting.add(job);
    }
    return { state: 'pending' };
  }

  /** Starts queued work on the next turn of the event loop (so a check's requests, or a CLI run's, batch up). */
  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump() {
    while (this.active < this.pool) {
      // Drop what no current check waits for any more.
      this.queue = this.queue.filter((j) => {
        for (const w of j.waiters) if (w.superseded) j.waiters.delete(w);
        if (j.waiters.size) return true;
        this.jobs.delete(j.key);
        return false;
      });
      if (!this.queue.length) return;
      // One process takes scripts of one dialect and one exclusion list: the oldest job's.
      const first = this.queue[0];
      const group = groupOf(first.request);
      const take: Job[] = [];
      const rest: Job[] = [];
      for (const j of this.queue) {
        if (take.length < this.batch && groupOf(j.request) === group) take.push(j);
        else rest.push(j);
      }
      this.queue = rest;
      for (const j of take) j.started = true;
      this.active++;
      void this.run(take).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async run(batch: Job[]) {
    const results = new Map<Job, ShellcheckComment[]>();
    try {
      this.dir ??= mkdtemp(path.join(tmpdir(), 'shipshape-shellcheck-'));
      const dir = await this.dir;
      const files = batch.map(() => path.join(dir, `s${++this.counter}.sh`));
      await Promise.all(batch.map((j, i) => writeFile(files[i], j.request.script)));
      const r = batch[0].request;
      const args = ['--norc', '-f', 'json1', '-s', r.dialect, '-S', 'style'];
      if (r.exclude?.length) args.push('-e', r.exclude.join(','));
      const out = await this.exec([...args, '--', ...files]);
      void Promise.all(files.map((f) => rm(f, { force: true }))).catch(() => {});
      for (const j of batch) results.set(j, []);
      if (out !== undefined) {
        const byFile = new Map(files.map((f, i) => [f, batch[i]]));
        const parsed = JSON.parse(out || '{"comments":[]}') as { comments?: (ShellcheckComment & { file: string })[] };
        for (const c of parsed.comments ?? []) {
          const job = byFile.get(c.file);
          if (!job) continue;
          results.get(job)!.push({
            line: c.line,
            column: c.column,
            endLine: c.endLine,
            endColumn: c.endColumn,
            level: c.level,
            code: c.code,
            message: c.message,
          });
        }
        for (const [job, comments] of results) this.remember(job.key, comments);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') this.unavailable = `shellcheck could not be run: ${e}`;
    } finally {
      for (const j of batch) {
        this.jobs.delete(j.key);
        for (const w of j.waiters) w.done(j);
        j.waiters.clear();
      }
    }
  }

  /** Runs the binary; its stdout, or undefined when it failed or timed out. */
  private exec(args: string[]): Promise<string | undefined> {
    const binary = this.resolveBinary()!;
    return new Promise((resolve, reject) => {
      this.stats.processes++;
      const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
      this.running.add(child);
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
      child.stdout!.on('data', (b: Buffer) => chunks.push(b));
      child.on('error', (e) => {
        clearTimeout(timer);
        this.running.delete(child);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.running.delete(child);
        // shellcheck exits 1 when it has findings; 2+ is a failure of its own.
        resolve(signal || (code ?? 2) > 1 ? undefined : Buffer.concat(chunks).toString('utf8'));
      });
    });
  }

  private remember(key: string, comments: readonly ShellcheckComment[]) {
    this.stats.scripts++;
    this.cache.set(key, comments);
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** Stops running processes and removes the temporary folder. */
  async dispose(): Promise<void> {
    for (const c of this.running) c.kill('SIGKILL');
    for (const s of this.sessions.values()) s.finish();
    const dir = this.dir;
    this.dir = undefined;
    if (dir) await rm(await dir, { recursive: true, force: true }).catch(() => {});
  }
}

function groupOf(r: ShellcheckRequest): string {
  return `${r.dialect}\u0000${(r.exclude ?? []).join(',')}`;
}
function keyOf(r: ShellcheckRequest): string {
  return `${groupOf(r)}\u0000${r.script}`;
}
