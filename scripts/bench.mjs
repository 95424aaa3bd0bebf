// The benchmark: our service per kind on the corpus, beside the peers that do the same job, in one
// run, as ratios. Files are loaded first; each contender gets a warm-up pass, then the median of
// several passes. Peers live in scripts/bench/<kind>.mjs as
//   export const peers = [{ name, load: async () => (text, path) => void }]
// Usage: npm run bench [-- KIND...] [-- --passes N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const pIdx = args.indexOf('--passes');
const passes = pIdx >= 0 ? Number(args.splice(pIdx, 2)[1]) : 7;
const kinds = args.length ? args : ['dockerfile', 'compose', 'workflow', 'taskdef', 'flake', 'nix'];
// `typing` alone: only the LSP measurement.
if (!fs.existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: nothing to measure`);
  process.exit(0);
}

const { Service } = require(path.join(root, 'out/server/src/service/service.js'));
const { languages } = require(path.join(root, 'out/server/src/languages/index.js'));
const { ShellcheckRunner, findShellcheck } = require(path.join(root, 'out/server/src/tools/shellcheck.js'));
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
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}
/** Median wall-clock and CPU milliseconds of a pass (CPU time is steadier on a shared machine). */
function time(files, fn) {
  for (const f of files) fn(f.text, f.path, -1); // warm-up
  const wall = [],
    cpu = [];
  for (let p = 0; p < passes; p++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const f of files) fn(f.text, f.path, p);
    const c = process.cpuUsage(c0);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** CPU seconds of the children this process waited for (shellcheck), from /proc; 0 elsewhere. */
function childrenCpu() {
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, fields 16 and 17 of stat (14 and 15 after the command), in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

/**
 * A whole trusted check of the files as the CLI does it: every file, then a wait for the tool answers, then the files
 * that waited again; with a fresh runner each pass, so nothing is cached from the previous one.
 */
async function timeWithTools(kind, files, binary) {
  const empty = { readFile: () => undefined, exists: () => false };
  const once = async (pass) => {
    const runner = new ShellcheckRunner({ binary: () => binary });
    const service = new Service(languages, empty, undefined, { tools: runner });
    const settings = service.settingsFor('/bench/x');
    const check = (f) =>
      service.validate({ path: `/t${pass}${f.path}`, text: f.text, kind }, settings, { trusted: true });
    const first = files.map(check);
    const pending = first.flatMap((r) => (r.pending ? [r.pending] : []));
    if (pending.length) await Promise.all(pending);
    files.forEach((f, i) => first[i].pending && check(f));
    await runner.dispose();
    return runner.stats;
  };
  await once(-1);
  const wall = [];
  const cpu = [];
  const child = [];
  let stats;
  for (let p = 0; p < passes; p++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const k0 = childrenCpu();
    stats = await once(p);
    const c = process.cpuUsage(c0);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push((c.user + c.system) / 1000);
    child.push(childrenCpu() - k0);
  }
  return { wall: median(wall), cpu: median(cpu), child: median(child), stats };
}

console.log(
  `node ${process.version}, ${passes} passes, median; ratio = peer time ` +
    `/ our time, wall-clock and CPU (above 1: we are faster)\n`,
);
for (const kind of kinds) {
  if (!fs.existsSync(path.join(corpus, kind))) continue;
  const files = load(kind).map((f, i) => ({ ...f, path: `/bench/${kind}/${i}/${DOC[kind]}` }));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const empty = { readFile: () => undefined, exists: () => false };
  const service = new Service(languages, empty);
  const settings = service.settingsFor('/bench/x');
  // A new path each pass defeats the service's parse cache: we measure parse + every rule.
  const ours = time(files, (text, p, pass) =>
    service.validate({ path: `/pass${pass}${p}`, text, kind }, settings, { trusted: false }),
  );
  const rows = [['shipshape (all rules)', ours]];
  const peerFile = path.join(root, 'scripts', 'bench', `${kind}.mjs`);
  if (fs.existsSync(peerFile)) {
    const mod = await import(pathToFileURL(peerFile).href);
    for (const peer of mod.peers ?? []) {
      try {
        const fn = await peer.load();
        rows.push([peer.name, time(files, fn)]);
      } catch (e) {
        rows.push([`${peer.name} (failed: ${String(e.message ?? e).split('\n')[0]})`, undefined]);
      }
    }
  }
  console.log(`${kind}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
  if (kind === 'workflow') {
    // shellcheck on (trusted, a cold cache each pass) against the same harness with shellcheck off.
    const binary = findShellcheck([corpus]);
    const off = await timeWithTools(kind, files, undefined);
    const on = binary ? await timeWithTools(kind, files, binary) : undefined;
    const line = (name, t) =>
      `  ${name.padEnd(34)} ${(t.wall / files.length).toFixed(3).padStart(7)} ms/file  ` +
      `${(t.cpu / files.length).toFixed(3).padStart(7)} cpu-ms/file`;
    console.log(line('shipshape, shellcheck off', off));
    if (on)
      console.log(
        `${line('shipshape, shellcheck on (trusted)', on)} + ${(on.child / files.length).toFixed(3)} ` +
          `shellcheck cpu-ms/file, ${on.stats.processes} processes for ${on.stats.scripts} scripts  ` +
          `on/off ${(on.wall / off.wall).toFixed(2)}x wall`,
      );
    else console.log('  shellcheck not installed: no shellcheck-on line');
  }
  for (const [name, t] of rows) {
    if (!t) {
      console.log(`  ${name}`);
      continue;
    }
    const mbs = bytes / 1048576 / (t.wall / 1000);
    const ratio = name.startsWith('shipshape')
      ? ''
      : `  ratio ${(t.wall / ours.wall).toFixed(2)}x wall, ${(t.cpu / ours.cpu).toFixed(2)}x cpu`;
    console.log(
      `  ${name.padEnd(34)} ` +
        `${(t.wall / files.length).toFixed(3).padStart(7)} ms/file  ` +
        `${(t.cpu / files.length).toFixed(3).padStart(7)} cpu-ms/file  ` +
        `${mbs.toFixed(1).padStart(6)} MB/s${ratio}`,
    );
  }
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
