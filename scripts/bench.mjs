// The benchmark: our service per kind on the corpus, beside the peers that do the same job, in one
// run, as ratios. Files are loaded first; each contender gets three warm-up passes, then the median of
// several passes. A pass checks every file of the kind at least once and at least MIN_CALLS files in all (a small
// corpus is gone through several times, each time as a new run): the thread CPU clock advances in scheduler ticks
// (4 ms), which a pass of 14 task definitions (~8 ms) could not be measured with, and three passes over 14 files (42
// checks) left the code far less compiled by the JIT than three over the 200 Dockerfiles or workflows.
// Peers live in scripts/bench/<kind>.mjs as
//   export const peers = [{ name, load: async () => (text, path) => void }]
// Then the LSP typing measurement (`typing`), `monorepo`: the CLI over a generated tree of 10,000 files, one thread
// against every core, beside actionlint (scripts/bench/monorepo.mjs; --files N to change the size, --shellcheck), and
// the latency of the editor's requests (`editor`, scripts/bench/editor.mjs): p50/p95 per request kind on the corpus.
// Last, at scale (issue 22): `keystroke`, typing into a Dockerfile of a generated 5,000-file workspace in a real
// server (CPU per keystroke, median and p95; scripts/bench/keystroke.mjs), and `large`, the CLI over 20,000 files
// (files/s, peak RSS).
// Usage: npm run bench [-- KIND...] [-- --passes N] [-- --files N] [-- --shellcheck]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const pIdx = args.indexOf('--passes');
const passes = pIdx >= 0 ? Number(args.splice(pIdx, 2)[1]) : 7;
const fIdx = args.indexOf('--files');
const monorepoFiles = fIdx >= 0 ? Number(args.splice(fIdx, 2)[1]) : 10000;
const sIdx = args.indexOf('--shellcheck');
const shellcheck = sIdx >= 0 && !!args.splice(sIdx, 1).length;
const kinds = args.length
  ? args
  : ['dockerfile', 'compose', 'workflow', 'taskdef', 'flake', 'nix', 'monorepo', 'keystroke', 'large'];
// `typing` alone: only the LSP measurement.
if (!fs.existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: nothing to measure`);
  process.exit(0);
}

const { Service } = require(path.join(root, 'out/server/src/service/service.js'));
const { languages } = require(path.join(root, 'out/server/src/links/index.js'));
const { findShellcheck } = require(path.join(root, 'out/server/src/tools/shellcheck.js'));
const DOC = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  workflow: '.github/workflows/ci.yml',
  taskdef: 'task-definition.json',
  flake: 'flake.nix',
  nix: 'default.nix',
};

function load(kind) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.push({ text: fs.readFileSync(f, 'utf8') });
    }
  };
  walk(path.join(corpus, kind));
  return out;
}
/** Checks a pass makes at least: a small corpus is gone through `rounds` times per pass (see the top). */
const MIN_CALLS = 200;
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}
/**
 * Median wall-clock and CPU milliseconds of a pass of each contender (CPU time is steadier on a shared machine). The
 * contenders take turns pass by pass, so a change of load on the machine weighs on all of them alike.
 */
function timeAll(files, fns, rounds) {
  // Warm-up: three passes each, so every contender is measured with its code compiled by the JIT.
  for (const fn of fns) for (let w = 1; w <= 3 * rounds; w++) for (const f of files) fn(f.text, f.path, -w);
  const wall = fns.map(() => []);
  const cpu = fns.map(() => []);
  // CPU of the thread that does the work: a peer in a worker reports its thread's (fn.cpu), ours runs on this one;
  // without /proc, the whole process's.
  const cpuOf = (fn) => fn.cpu?.() ?? mainThreadCpu() ?? processCpu();
  for (let p = 0; p < passes; p++)
    fns.forEach((fn, i) => {
      const t0 = process.hrtime.bigint();
      const c0 = cpuOf(fn);
      // each round a run of its own (the third argument: a new round, a new service)
      for (let r = 0; r < rounds; r++) for (const f of files) fn(f.text, f.path, p * rounds + r);
      const c = cpuOf(fn) - c0;
      wall[i].push(Number(process.hrtime.bigint() - t0) / 1e6 / rounds);
      cpu[i].push(c / rounds);
    });
  return fns.map((_, i) => ({ wall: median(wall[i]), cpu: median(cpu[i]) }));
}

/** CPU milliseconds of this (main) thread, from /proc/thread-self/schedstat; undefined without /proc. */
function mainThreadCpu() {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}
function processCpu() {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

console.log(
  `node ${process.version}, ${passes} passes, median; ratio = peer time ` +
    `/ our time, wall-clock and CPU (above 1: we are faster); CPU is that of the thread doing the work\n`,
);
for (const kind of kinds) {
  if (!fs.existsSync(path.join(corpus, kind))) continue;
  const files = load(kind).map((f, i) => ({ ...f, path: `/bench/${kind}/${i}/${DOC[kind]}` }));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const empty = { readFile: () => undefined, exists: () => false };
  // A new service each pass, as one CLI run has: we measure parse + every rule, without a parse cache or what the
  // workspace index of earlier passes kept (the paths of every pass piling up).
  let service = new Service(languages, empty);
  let servicePass = NaN;
  const settings = service.settingsFor('/bench/x');
  const contenders = [
    [
      'shipshape (all rules)',
      (text, p, pass) => {
        if (pass !== servicePass) {
          service = new Service(languages, empty);
          servicePass = pass;
        }
        return service.validate({ path: p, text, kind }, settings, { trusted: false });
      },
    ],
  ];
  const failed = [];
  const peerFile = path.join(root, 'scripts', 'bench', `${kind}.mjs`);
  /** Rows timed in a worker of their own (peers that say `isolate`; scripts/bench/isolate.mjs says why). */
  let isolated = [];
  if (fs.existsSync(peerFile)) {
    const mod = await import(pathToFileURL(peerFile).href);
    if (mod.isolate) {
      const r = await inWorker(peerFile, files);
      isolated = r.times;
      failed.push(...r.failed);
    }
    for (const peer of mod.isolate ? [] : (mod.peers ?? [])) {
      try {
        contenders.push([peer.name, await peer.load()]);
      } catch (e) {
        failed.push(`${peer.name} (failed: ${String(e.message ?? e).split('\n')[0]})`);
      }
    }
  }
  const rounds = Math.max(1, Math.ceil(MIN_CALLS / files.length));
  let times;
  try {
    times = timeAll(
      files,
      contenders.map(([, fn]) => fn),
      rounds,
    );
  } catch (e) {
    console.log(`${kind}: a contender failed: ${String(e.message ?? e).split('\n')[0]}`);
    continue;
  }
  const ours = times[0];
  const rows = [...contenders.map(([name], i) => [name, times[i]]), ...failed.map((f) => [f, undefined])];
  console.log(
    `${kind}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB` +
      (rounds > 1 ? ` (gone through ${rounds} times a pass, each time as a new run; per-file figures per check)` : ''),
  );
  if (isolated.length) {
    // The isolated peers are compared with our contender among them (the first named shipshape).
    const base = isolated.find(([name]) => name.startsWith('shipshape'))?.[1];
    console.log(`  in a worker of their own (a fresh isolate), taking turns; ratio against our parse-only row:`);
    for (const [name, t] of isolated) {
      const ratio =
        name.startsWith('shipshape') || !base
          ? ''
          : `  ratio ${(t.wall / base.wall).toFixed(2)}x wall, ${(t.cpu / base.cpu).toFixed(2)}x cpu`;
      console.log(`  ${rowLine(name, t, files.length, bytes)}${ratio}`);
    }
    console.log(`  in the main thread:`);
  }
  if (kind === 'workflow') {
    // shellcheck on against off, as the issue measured it: `shipshape check` over the corpus's workflows (the CLI
    // is trusted), with a shellcheck on PATH and without one, runs alternating.
    const on = [];
    const off = [];
    const cli = (withShellcheck) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(
        process.execPath,
        [path.join(root, 'dist', 'cli.js'), 'check', '--kind', 'workflow', '--format', 'json', path.join(corpus, kind)],
        { env: { ...process.env, PATH: withShellcheck ? process.env.PATH : '' }, maxBuffer: 1 << 28 },
      );
      if (r.status === 2) throw new Error(String(r.stderr));
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const binary = findShellcheck([corpus]);
    cli(false);
    if (binary) cli(true);
    for (let p = 0; p < Math.max(3, Math.ceil(passes / 2)); p++) {
      off.push(cli(false));
      if (binary) on.push(cli(true));
    }
    console.log(
      `  shipshape check (CLI), shellcheck off  ${(median(off) / 1000).toFixed(2)} s for ${files.length} files` +
        (binary
          ? `; shellcheck on (trusted) ${(median(on) / 1000).toFixed(2)} s: on/off ${(median(on) / median(off)).toFixed(2)}x wall`
          : '; shellcheck not installed: no shellcheck-on line'),
    );
  }
  for (const [name, t] of rows) {
    if (!t) {
      console.log(`  ${name}`);
      continue;
    }
    const ratio = name.startsWith('shipshape')
      ? ''
      : `  ratio ${(t.wall / ours.wall).toFixed(2)}x wall, ${(t.cpu / ours.cpu).toFixed(2)}x cpu`;
    console.log(`  ${rowLine(name, t, files.length, bytes)}${ratio}`);
  }
}

function rowLine(name, t, count, bytes) {
  const mbs = bytes / 1048576 / (t.wall / 1000);
  return (
    `${name.padEnd(34)} ` +
    `${(t.wall / count).toFixed(3).padStart(7)} ms/file  ` +
    `${(t.cpu / count).toFixed(3).padStart(7)} cpu-ms/file  ` +
    `${mbs.toFixed(1).padStart(6)} MB/s`
  );
}

/** Times a peer module's peers in a worker thread (scripts/bench/isolate.mjs): { times: [name, {wall, cpu}][], failed }. */
function inWorker(peerFile, files) {
  return new Promise((resolve, reject) => {
    const w = new Worker(path.join(root, 'scripts', 'bench', 'isolate.mjs'), {
      workerData: { peerFile, texts: files.map((f) => f.text), paths: files.map((f) => f.path), passes },
    });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the bench worker exited (${code})`)));
  });
}

if (kinds.includes('workflow') || kinds.includes('typing')) {
  const { measureTyping } = await import(pathToFileURL(path.join(root, 'scripts', 'bench', 'typing.mjs')).href);
  const r = await measureTyping();
  console.log(
    `\nLSP typing: ${r.lines}-line workflow with 50 run: scripts, ${r.keystrokes} keystrokes every ${r.intervalMs} ms ` +
      `(completions every 5th), shellcheck ${r.typing.shellcheck.processes ? 'on' : 'off'}: event loop held at most ` +
      `${r.typing.maxCpuMs} ms of the server's CPU at a time; wall-clock delay max ${r.typing.maxMs} ms, p99 ` +
      `${r.typing.p99Ms} ms (it includes time the machine gave other processes); opening it: ${r.opened.maxCpuMs} ms ` +
      `CPU, ${r.opened.maxMs} ms wall; ${r.typing.shellcheck.processes} shellcheck processes, ${r.published} publishes`,
  );
}

if (kinds.includes('monorepo')) {
  const { benchMonorepo } = await import(pathToFileURL(path.join(root, 'scripts', 'bench', 'monorepo.mjs')).href);
  await benchMonorepo({ files: monorepoFiles, shellcheck });
}

if (!args.length || args.includes('editor')) {
  const { benchEditor } = await import(pathToFileURL(path.join(root, 'scripts', 'bench', 'editor.mjs')).href);
  await benchEditor({ root, corpus, require });
}

if (kinds.includes('keystroke')) {
  const { measureKeystroke, keystrokeLine } = await import(
    pathToFileURL(path.join(root, 'scripts', 'bench', 'keystroke.mjs')).href
  );
  console.log(`\n${keystrokeLine(await measureKeystroke({ files: 5000 }))}`);
}

if (kinds.includes('large')) {
  const { benchLargeRun } = await import(pathToFileURL(path.join(root, 'scripts', 'bench', 'monorepo.mjs')).href);
  await benchLargeRun({ files: 20000 });
}
