// Installs code-server (VS Code 1.100.3 served to a browser) into the project's cache folder on first
// use, with the workarounds this machine needs (see ../shared/docs/REAL-PARTS.md), and reuses it later.
// Also the small process helpers that start.mjs and e2e.mjs share: free ports, process groups, waits.
//
//   node scripts/code-server.mjs            installs (if needed) and prints the binary's path
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3'; // the newest that runs on Node 20 (VS Code 1.100.3)
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11'; // what @vscode/ripgrep 1.15.11 looks for
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
// What code-server's npm install builds from source (kerberos, keytar, node-pty, argon2) needs on Debian;
// ripgrep only seeds @vscode/ripgrep's download cache (GitHub is out of reach on some machines).
export const APT_PACKAGES = ['ripgrep', 'libkrb5-dev', 'libsecret-1-dev', 'pkg-config', 'build-essential', 'python3'];
// code-server's postinstall refuses any other Node major.
export const CODE_SERVER_NODE_MAJOR = 20;

const log = (msg) => process.stderr.write(`[shipshape] ${msg}\n`);
const rel = (p) => path.relative(ROOT, p) || '.';

export function cacheDir() {
  const base = process.env.SHIPSHAPE_CACHE_DIR
    ? path.resolve(process.env.SHIPSHAPE_CACHE_DIR)
    : path.join(ROOT, '.cache');
  return path.join(base, 'code-server', CODE_SERVER_VERSION);
}

export function codeServerBin() {
  return path.join(cacheDir(), 'node_modules', '.bin', 'code-server');
}

export function codeServerInstalled() {
  return fs.existsSync(path.join(cacheDir(), '.installed')) && fs.existsSync(codeServerBin());
}

/** Is `cmd` on PATH? */
export function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v '${cmd}'`], { stdio: 'ignore' }).status === 0;
}

/** The Debian packages of `pkgs` that are not installed. */
export function missingDebPackages(pkgs) {
  return pkgs.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.stdout?.includes('install ok installed') !== true;
  });
}

/**
 * What apt-get would do to install `pkgs` (a simulation: nothing changes): the packages it would add, and
 * the installed ones it would upgrade on the way (dependencies that must match a newer version).
 */
export function aptSimulation(pkgs) {
  const r = spawnSync('apt-get', ['install', '-s', '--no-install-recommends', ...pkgs], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  const added = [];
  const upgraded = [];
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^Inst (\S+)( \[[^\]]+\])?/.exec(line);
    if (m) (m[2] ? upgraded : added).push(m[1]);
  }
  return { ok: r.status === 0, added, upgraded };
}

const OTHER_LINUX_HELP =
  'a C++ compiler, make, python3, pkg-config and the Kerberos and libsecret headers (Fedora: sudo dnf ' +
  'install gcc-c++ make python3 pkgconf-pkg-config krb5-devel libsecret-devel; Arch: sudo pacman -S ' +
  'base-devel python krb5 libsecret; Alpine: apk add build-base python3 pkgconf krb5-dev libsecret-dev)';

/**
 * What installing code-server needs on this machine, found without changing anything: `apt`, the Debian
 * packages to install (as root, after saying so); `blockers`, what the user must install by hand first
 * (each with the exact command); `seedRipgrep`, whether the system's rg stands in for @vscode/ripgrep's
 * download. The probes are parameters, so that tests can play other machines (macOS, Fedora, no root).
 */
export function codeServerPlan({
  platform = process.platform,
  arch = process.arch,
  nodeMajor = Number(process.versions.node.split('.')[0]),
  isRoot = process.getuid?.() === 0,
  has = hasCommand,
  missingDeb = missingDebPackages,
  xcodeTools = () => spawnSync('xcode-select', ['-p'], { stdio: 'ignore' }).status === 0,
} = {}) {
  const plan = { apt: [], blockers: [], seedRipgrep: false };
  if (nodeMajor !== CODE_SERVER_NODE_MAJOR)
    plan.blockers.push(
      `Node ${CODE_SERVER_NODE_MAJOR} to run code-server ${CODE_SERVER_VERSION} (this is Node ${nodeMajor}; ` +
        `e.g. nvm install ${CODE_SERVER_NODE_MAJOR} && nvm use ${CODE_SERVER_NODE_MAJOR}, then npm start again)`,
    );
  if (platform === 'darwin') {
    if (!xcodeTools()) plan.blockers.push('the Xcode Command Line Tools (run: xcode-select --install)');
  } else if (platform === 'linux' && has('dpkg-query') && has('apt-get')) {
    const missing = missingDeb(APT_PACKAGES);
    if (missing.length && !isRoot)
      plan.blockers.push(
        `the Debian packages ${missing.join(' ')} ` +
          `(run: sudo apt-get install --no-install-recommends ${missing.join(' ')})`,
      );
    else plan.apt = missing;
    plan.seedRipgrep = arch === 'x64';
  } else if (platform === 'linux') {
    const tools = ['c++', 'make', 'python3', 'pkg-config'].filter((t) => !has(t));
    if (tools.length) plan.blockers.push(`${OTHER_LINUX_HELP}; missing now: ${tools.join(', ')}`);
    plan.seedRipgrep = arch === 'x64' && has('rg');
  } else {
    plan.blockers.push(`Linux or macOS: code-server ${CODE_SERVER_VERSION} does not build on ${platform}`);
  }
  return plan;
}

/** The plan in words, said before anything is installed. */
export function describePlan(plan) {
  const lines = [
    `code-server ${CODE_SERVER_VERSION} (VS Code 1.100.3 served to a browser) is not installed yet. It needs:`,
    `  - code-server@${CODE_SERVER_VERSION} from npm, into ${rel(cacheDir())} ` +
      '(about 300 MB, 3 to 5 minutes; nothing global)',
  ];
  if (plan.apt.length) {
    lines.push(`  - the Debian packages it builds with: apt-get install --no-install-recommends ${plan.apt.join(' ')}`);
    if (plan.upgraded?.length) lines.push(`    (apt would also upgrade, as those require: ${plan.upgraded.join(' ')})`);
  }
  return lines.join('\n');
}

/** Installs the Debian packages `pkgs` (known to be missing), as root, through apt-get. */
export function installDebPackages(pkgs) {
  if (pkgs.length === 0) return;
  log(`apt-get install --no-install-recommends ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
  let r = install();
  if (r.status !== 0) {
    log('apt-get install failed; refreshing the package lists (apt-get update) and trying once more');
    spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    r = install();
  }
  if (r.status !== 0) throw new Error(`apt-get install ${pkgs.join(' ')} failed`);
}

/** Installs the Debian packages of `pkgs` that are missing (saying so first); throws if it cannot. */
export function ensureDebPackages(pkgs) {
  if (!hasCommand('dpkg-query')) throw new Error(`not a Debian machine: install ${pkgs.join(' ')} yourself`);
  const missing = missingDebPackages(pkgs);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} ` +
        `(run: sudo apt-get install --no-install-recommends ${missing.join(' ')})`,
    );
  installDebPackages(missing);
}

/** Why code-server cannot be had here, with what to install by hand. */
export class FirstRunError extends Error {}

/**
 * Returns the path of a code-server binary, installing it into .cache/code-server/ the first time. It
 * says what it will install before it does, installs only what is missing, and throws a FirstRunError
 * naming exactly what to install by hand where it cannot. `confirm(question)`, when given, is asked
 * before apt-get changes the system.
 */
export async function ensureCodeServer({ confirm } = {}) {
  const dir = cacheDir();
  const bin = codeServerBin();
  const marker = path.join(dir, '.installed');
  if (codeServerInstalled()) return bin;

  const plan = codeServerPlan();
  if (plan.apt.length) plan.upgraded = aptSimulation(plan.apt).upgraded;
  log(describePlan(plan));
  if (plan.blockers.length)
    throw new FirstRunError(
      `code-server cannot be installed here without:\n${plan.blockers.map((b) => `  - ${b}`).join('\n')}`,
    );
  const aptLine = `apt-get install --no-install-recommends ${plan.apt.join(' ')}`;
  if (plan.apt.length && confirm && !(await confirm(`Run ${aptLine} now?`)))
    throw new FirstRunError(`Nothing installed. To install them yourself: ${aptLine}`);

  const t0 = Date.now();
  installDebPackages(plan.apt);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'shipshape-code-server', private: true }, null, 2) + '\n',
  );

  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  if (plan.seedRipgrep && hasCommand('rg')) {
    // @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with the system's rg instead.
    const rgCache = path.join(tmp, RIPGREP_CACHE);
    fs.mkdirSync(rgCache, { recursive: true });
    const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
    const stage = fs.mkdtempSync(path.join(tmp, 'rg-'));
    fs.copyFileSync(rg, path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    const tar = spawnSync('tar', ['czf', path.join(rgCache, RIPGREP_TARBALL), '-C', stage, 'rg'], {
      stdio: 'inherit',
    });
    fs.rmSync(stage, { recursive: true, force: true });
    if (tar.status !== 0) throw new Error('could not seed the ripgrep cache');
  }

  log(`installing code-server@${CODE_SERVER_VERSION} into ${rel(dir)}`);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // root: let postinstall scripts run as root
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`; this machine's npm says yes=false
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = spawnSync('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (npm.status !== 0 || !fs.existsSync(bin))
    throw new Error(
      `npm install code-server@${CODE_SERVER_VERSION} failed (status ${npm.status}); see the output above`,
    );
  fs.writeFileSync(marker, `${new Date().toISOString()} ${((Date.now() - t0) / 1000).toFixed(0)}s\n`);
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return bin;
}

/** Finds a Chromium for Playwright, installing Debian's when missing; null when that is impossible. */
export function ensureChromium() {
  const candidates = [process.env.SHIPSHAPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = () => candidates.find((c) => fs.existsSync(c));
  if (found()) return found();
  try {
    ensureDebPackages(['chromium']);
  } catch (e) {
    log(`cannot install Chromium: ${e.message}`);
    return null;
  }
  return found() ?? null;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Every process group we start, so that an exit, Ctrl+C or a crash stops them all.
const groups = new Set();
let hooked = false;
export function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
export function killAll(signal = 'SIGTERM') {
  for (const pid of groups) killGroup(pid, signal);
}
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      killAll('SIGTERM');
      setTimeout(() => {
        killAll('SIGKILL');
        process.exit(sig === 'SIGINT' ? 130 : 143);
      }, 500).unref();
    });
  }
}

/** Tracks a process group started elsewhere (moto_server), so that an exit or Ctrl+C stops it too. */
export function adoptGroup(pid) {
  hookExit();
  groups.add(pid);
}
export function forgetGroup(pid) {
  groups.delete(pid);
}

/** Spawns a command as the leader of its own process group (setsid-like) and tracks it. */
export function spawnGroup(cmd, args, opts = {}) {
  hookExit();
  const child = spawn(cmd, args, { ...opts, detached: true });
  groups.add(child.pid);
  child.on('exit', () => {
    // The leader is gone; stop what it left behind in its group (code-server's file watcher).
    killGroup(child.pid, 'SIGKILL');
    groups.delete(child.pid);
  });
  return child;
}

/** Stops a group started by spawnGroup and waits for its leader to exit. */
export async function stopGroup(child, ms = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL');
    return;
  }
  const done = new Promise((r) => child.once('exit', r));
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), ms);
  await done;
  clearTimeout(timer);
  killGroup(child.pid, 'SIGKILL');
  groups.delete(child.pid);
}

export async function waitForHttp(url, ms = 30000) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = new Error(`HTTP ${res.status}`);
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} not ready after ${ms} ms: ${last?.message}`);
}

/** Runs a command to completion, inheriting output; throws on a non-zero exit. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (status ${r.status ?? r.signal})`);
  return r;
}

/** Packages the extension into shipshape.vsix (dist/ must be built). */
export function packageVsix(out = path.join(ROOT, 'shipshape.vsix')) {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const fd = fs.openSync('/dev/null', 'r');
  try {
    run(vsce, ['package', '--no-dependencies', '-o', out], { cwd: ROOT, stdio: [fd, 'ignore', 'inherit'] });
  } finally {
    fs.closeSync(fd);
  }
  return out;
}

/**
 * Prepares a run folder: fresh XDG dirs, user-data dir with quiet settings (and `settings`), and a fresh
 * extensions folder with the .vsix installed. Returns the dirs and the environment code-server needs.
 */
export function prepareRun(runDir, vsix, bin = codeServerBin(), settings = {}) {
  fs.rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    run: runDir,
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    xdg: path.join(runDir, 'xdg'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const settingsDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.writeFileSync(
    path.join(settingsDir, 'settings.json'),
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        'window.commandCenter': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/item',
    }),
  };
  if (vsix) {
    run(bin, ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return { dirs, env };
}

/** The installed extension's folder inside an extensions dir (publisher.name-version). */
export function installedExtensionDir(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const want = `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase();
  const hit = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase() === want);
  if (!hit) throw new Error(`extension ${want} not found in ${extensionsDir}`);
  return path.join(extensionsDir, hit);
}

/** Starts code-server in its own process group and waits for /healthz. */
export async function startCodeServer({
  bin = codeServerBin(),
  port,
  dirs,
  env,
  folder,
  stdio = ['ignore', 'pipe', 'pipe'],
}) {
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
  if (folder) args.push(folder);
  const child = spawnGroup(bin, args, { env, stdio });
  const logFile = fs.createWriteStream(path.join(dirs.run, 'code-server.log'));
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  const exited = new Promise((_, reject) =>
    child.once('exit', (c, s) =>
      reject(new Error(`code-server exited early (${c ?? s}); see ${path.join(dirs.run, 'code-server.log')}`)),
    ),
  );
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/healthz`, 60000), exited]);
  exited.catch(() => {});
  return child;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer().then(
    (bin) => console.log(bin),
    (e) => {
      console.error(`[shipshape] ${e.message}`);
      process.exit(1);
    },
  );
}
