// The keystroke in a large workspace: a real `dist/server.js --stdio` (untrusted: no shellcheck, our own work only)
// over a generated tree of N infrastructure files (monorepo-gen.mjs: corpus files at their original paths under
// team folders), a Dockerfile of it opened, then typed into, one character at a time, each keystroke waiting for its
// diagnostics. Per keystroke: the CPU time of the server's main thread (/proc/<pid>/schedstat, nanoseconds) from
// the change sent to its diagnostics received: median and p95. The first check (which reads the workspace) is
// reported apart. Linux only (elsewhere: skipped).
// Usage: node scripts/bench/keystroke.mjs [--files N] [--keystrokes N] [--server dist/server.js] [--dir TREE]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateMonorepo } from './monorepo-gen.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const rpc = require('vscode-languageserver-protocol/node');

/** CPU milliseconds of a process's main thread (its first task), or undefined without /proc. */
function mainThreadCpu(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The first file named `Dockerfile` of the tree, in path order (the same one for every server measured). */
function firstDockerfile(dir, written) {
  const all = written.filter((f) => path.basename(f) === 'Dockerfile').sort();
  return all.length ? path.join(dir, all[0]) : undefined;
}

export async function measureKeystroke({ files = 5000, keystrokes = 60, server, dir } = {}) {
  const corpus = path.resolve(root, '..', 'shared', 'corpus');
  if (!dir && !fs.existsSync(corpus)) return { skipped: `corpus not found at ${corpus}` };
  if (mainThreadCpu(process.pid) === undefined) return { skipped: 'no /proc/<pid>/schedstat here' };
  const own = !dir;
  const tree = dir ?? fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-keystroke-')));
  const written = own ? generateMonorepo(corpus, tree, files) : listTree(tree);
  const file = firstDockerfile(tree, written);
  if (!file) return { skipped: 'no Dockerfile in the tree' };
  const proc = spawn(process.execPath, [server ?? path.join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(proc.stdout),
    new rpc.StreamMessageWriter(proc.stdin),
  );
  const uri = 'file://' + file;
  const waiting = new Map();
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri !== uri) return;
    waiting.get(p.version)?.();
    waiting.delete(p.version);
  });
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.listen();
  try {
    await conn.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri: 'file://' + tree,
      workspaceFolders: [{ uri: 'file://' + tree, name: 'ws' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { trusted: false },
    });
    conn.sendNotification(rpc.InitializedNotification.type, {});
    let text = fs.readFileSync(file, 'utf8');
    if (!text.endsWith('\n')) text += '\n';
    text += '# typed: ';
    let version = 1;
    // The workspace scan runs right after initialize, before this open is handled.
    let cpu0 = mainThreadCpu(proc.pid);
    let t0 = performance.now();
    const opened = published(version);
    conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version, text },
    });
    await opened;
    const first = { cpuMs: mainThreadCpu(proc.pid) - cpu0, wallMs: performance.now() - t0 };
    const lines = text.split('\n');
    const line = lines.length - 1;
    const cpu = [];
    const wall = [];
    for (let k = 0; k < keystrokes + 5; k++) {
      const character = lines[line].length;
      lines[line] += 'x';
      cpu0 = mainThreadCpu(proc.pid);
      t0 = performance.now();
      const done = published(++version);
      conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
      });
      await done;
      // the first five warm the compiler
      if (k < 5) continue;
      cpu.push(mainThreadCpu(proc.pid) - cpu0);
      wall.push(performance.now() - t0);
    }
    await conn.sendRequest(rpc.ShutdownRequest.type);
    conn.sendNotification(rpc.ExitNotification.type);
    return {
      files: written.length,
      dockerfile: path.relative(tree, file),
      keystrokes,
      first,
      medianCpuMs: percentile(cpu, 50),
      p95CpuMs: percentile(cpu, 95),
      medianWallMs: percentile(wall, 50),
    };
  } finally {
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        proc.kill();
        resolve();
      }, 3000);
      proc.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (proc.exitCode !== null) resolve();
    });
    if (own) fs.rmSync(tree, { recursive: true, force: true });
  }
}

function listTree(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.push(path.relative(dir, f));
    }
  };
  walk(dir);
  return out;
}

export function keystrokeLine(r) {
  if (r.skipped) return `keystroke: skipped (${r.skipped})`;
  return (
    `keystroke in a ${r.files}-file workspace (server, ${r.dockerfile}): ${r.medianCpuMs.toFixed(1)} ms CPU median, ` +
    `${r.p95CpuMs.toFixed(1)} ms p95 over ${r.keystrokes} keystrokes (wall ${r.medianWallMs.toFixed(0)} ms median, ` +
    `150 ms of it the debounce); the first check (it reads what the index has not read yet) ${r.first.cpuMs.toFixed(0)} ms CPU`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const r = await measureKeystroke({
    files: Number(opt('--files') ?? 5000),
    keystrokes: Number(opt('--keystrokes') ?? 60),
    server: opt('--server') && path.resolve(opt('--server')),
    dir: opt('--dir') && fs.realpathSync(opt('--dir')),
  });
  console.log(keystrokeLine(r));
}
