// `npm start` (after `npm run build`): Shipshape in a real VS Code on a fresh copy of examples/.
//   - The folder opened is .run/demo/hello-shipshape (git-ignored), copied from examples/ at every start:
//     edits in the demo never touch the repository, and the next start begins from the examples again.
//   - A desktop VS Code (`code` on PATH, 1.100 or newer) is offered first and opened with the extension in
//     development mode (nothing to install). Otherwise code-server (VS Code in a browser) is served on
//     127.0.0.1; its first start says what it installs before it does, and where it cannot, what to install.
// Ctrl+C stops code-server and everything it started.
//
//   SHIPSHAPE_EDITOR=code|code-server  choose the editor without being asked
//   SHIPSHAPE_PORT=8080                code-server's port (default: a free one)
//   SHIPSHAPE_FOLDER=/some/project     open another folder instead of the demo copy
//   SHIPSHAPE_INSTALL=yes              install Debian packages without asking (no terminal to ask on)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import {
  FirstRunError,
  ROOT,
  codeServerInstalled,
  ensureCodeServer,
  freePort,
  hasCommand,
  killAll,
  packageVsix,
  prepareRun,
  run,
  startCodeServer,
  stopGroup,
} from './code-server.mjs';

export const DEMO = path.join(ROOT, '.run', 'demo', 'hello-shipshape');
const MIN_VSCODE = [1, 100]; // package.json engines.vscode

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[shipshape] ${msg}`);
const rel = (p) => path.relative(ROOT, p);

/** A fresh copy of examples/ at `dest` (the previous copy, edits and all, is replaced). */
export function prepareDemo(dest = DEMO) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples'), dest, { recursive: true });
  return dest;
}

/** The desktop VS Code on PATH and its version, or why it cannot be used. */
export function desktopVsCode() {
  if (!hasCommand('code')) return { found: false };
  const r = spawnSync('code', ['--version'], { encoding: 'utf8', timeout: 20_000 });
  const version = r.stdout?.split('\n')[0]?.trim() ?? '';
  const [major, minor] = version.split('.').map(Number);
  const recent = major > MIN_VSCODE[0] || (major === MIN_VSCODE[0] && minor >= MIN_VSCODE[1]);
  return { found: true, version, usable: r.status === 0 && recent };
}

async function ask(question, fallback) {
  if (!process.stdin.isTTY) return fallback;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const a = (await rl.question(`[shipshape] ${question} `)).trim().toLowerCase();
    return a === '' ? fallback : a.startsWith('y');
  } finally {
    rl.close();
  }
}

/** 'code' (desktop VS Code) or 'code-server', as the user chose or as this machine allows. */
async function chooseEditor(code) {
  const wanted = process.env.SHIPSHAPE_EDITOR;
  if (wanted === 'code' || wanted === 'code-server') return wanted;
  if (code.found && !code.usable)
    say(`VS Code ${code.version || '(version unknown)'} is on PATH, but Shipshape needs 1.100 or newer.`);
  if (!code.usable) return 'code-server';
  if (!process.stdin.isTTY) {
    say(`VS Code ${code.version} is on PATH: using it (SHIPSHAPE_EDITOR=code-server for the browser editor).`);
    return 'code';
  }
  const yes = await ask(
    `VS Code ${code.version} is on PATH. Open Shipshape in it (extension development mode)? ` +
      '[Y/n; n: VS Code in the browser, code-server]',
    true,
  );
  return yes ? 'code' : 'code-server';
}

function openDesktop(folder) {
  // `code` hands the window to the running VS Code (or starts one) and returns.
  run('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, folder]);
  say(`opened VS Code on ${rel(folder) || folder} with Shipshape from this checkout (extension development mode).`);
  console.log(
    '\n  Open the Dockerfile: hover a squiggle, press Ctrl+. for a fix, Ctrl+Shift+M for Problems.\n' +
      '  After a rebuild (npm run build), reload that window (F1, "Developer: Reload Window").\n',
  );
}

function cannotStart(reason) {
  console.error(
    `[shipshape] ${reason}\n\n` +
      'Shipshape needs a VS Code to run in. Install either:\n' +
      '  - VS Code 1.100 or newer (https://code.visualstudio.com/) with its `code` command on PATH ' +
      '(in VS Code: F1, "Shell Command: Install \'code\' command in PATH"), then run npm start again; or\n' +
      '  - what is listed above for code-server, then run npm start again.\n' +
      'The CLI needs neither: npm run build && node dist/cli.js check examples',
  );
  killAll('SIGKILL');
  process.exit(1);
}

/** Asked before apt-get changes the system: yes with SHIPSHAPE_INSTALL=yes, else the user's answer. */
async function confirmInstall(question) {
  if (process.env.SHIPSHAPE_INSTALL === 'yes') return true;
  if (process.stdin.isTTY) return ask(`${question} [y/N]`, false);
  say('No terminal to ask on: set SHIPSHAPE_INSTALL=yes to install them, or install them yourself.');
  return false;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) run('npm', ['run', 'build'], { cwd: ROOT });
  const custom = process.env.SHIPSHAPE_FOLDER;
  const folder = custom ? path.resolve(custom) : prepareDemo();
  say(
    custom
      ? `opening ${folder}`
      : `opening ${rel(folder)}, a fresh copy of examples/ (git-ignored; replaced at the next start, ` +
          'so examples/ itself never changes)',
  );
  const code = desktopVsCode();
  if ((await chooseEditor(code)) === 'code') {
    if (!code.usable) cannotStart('SHIPSHAPE_EDITOR=code, but no VS Code 1.100 or newer is on PATH as `code`.');
    openDesktop(folder);
    return;
  }

  let bin;
  try {
    const installing = !codeServerInstalled();
    bin = await ensureCodeServer({ confirm: confirmInstall });
    say(`code-server ${installing ? 'installed' : 'ready'} (${secs()})`);
  } catch (e) {
    if (e instanceof FirstRunError) cannotStart(e.message);
    throw e;
  }
  const vsix = packageVsix();
  say(`packaged ${rel(vsix)} (${secs()})`);
  const { dirs, env } = prepareRun(path.join(ROOT, '.run', 'start'), vsix, bin);
  say(`installed the extension into a fresh extensions folder (${secs()})`);
  const port = Number(process.env.SHIPSHAPE_PORT) || (await freePort());
  const child = await startCodeServer({ bin, port, dirs, env, folder });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURI(folder)}`;
  say(`started in ${secs()}`);
  console.log(
    `\n  Open ${url}\n\n  Open the Dockerfile: hover a squiggle, press Ctrl+. for a fix, Ctrl+Shift+M for Problems.`,
  );
  console.log(`  Logs: ${rel(path.join(dirs.run, 'code-server.log'))}. Ctrl+C stops the editor.\n`);

  let stopping = false;
  const stop = async (exitCode) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stopGroup(child);
    killAll('SIGKILL');
    process.exit(exitCode);
  };
  // Replace the default handlers of code-server.mjs with an orderly stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.removeAllListeners(sig);
    process.on(sig, () => void stop(sig === 'SIGINT' ? 0 : 143));
  }
  child.on('exit', (exitCode, signal) => {
    if (stopping) return;
    console.error(
      `[shipshape] code-server exited (${exitCode ?? signal}); see ${path.join(dirs.run, 'code-server.log')}`,
    );
    void stop(1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[shipshape] ${e.message}`);
    killAll('SIGKILL');
    process.exit(1);
  });
}
