// The benchmark: our service per kind on the corpus, beside the peers that do the same job, in one
// run, as ratios. Files are loaded first; each contender gets a warm-up pass, then the median of
// several passes. Peers live in scripts/bench/<kind>.mjs as
//   export const peers = [{ name, load: async () => (text, path) => void }]
// Then the latency of the editor's requests (scripts/bench/editor.mjs): p50/p95 per request kind on the corpus.
// Usage: npm run bench [-- KIND...] [-- --passes N]   (KIND `editor`: only the editor requests)
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
if (!fs.existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: nothing to measure`);
  process.exit(0);
}

const { Service } = require(path.join(root, 'out/server/src/service/service.js'));
const { languages } = require(path.join(root, 'out/server/src/languages/index.js'));
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

if (!args.length || args.includes('editor')) {
  const { benchEditor } = await import(pathToFileURL(path.join(root, 'scripts', 'bench', 'editor.mjs')).href);
  await benchEditor({ root, corpus, require });
}
