// `npm run test:e2e` (after `npm run build`): end-to-end tests in a real VS Code (code-server 4.100.3)
// driven by Debian's Chromium through playwright-core.
//   1. the extension integration suite (test/e2e/suite, mocha inside the real extension host, loaded
//      through the workbench's `payload` URL), on a throwaway copy of examples/;
//   2. the UI tests (test/e2e/ui/*.ui.ts), as a person would use the editor, with screenshots.
// The UI tests of the AWS commands run against a moto_server (AWS API emulator) started here on a
// free 127.0.0.1 port (MOTO_ECS_SERVICE_RUNNING=2); code-server gets dummy static credentials in its
// environment and no shared AWS config, so nothing can reach a real AWS account.
// Prints `N passed, N failed`, exits 1 on any failure, and stops every process it started (moto
// included). Skips (exit 0, with a message) only when Chromium cannot be installed.
//
//   SHIPSHAPE_E2E_GREP=regex     run only the tests whose title matches (both parts)
//   SHIPSHAPE_E2E_ONLY=suite|ui  run only one part
//   SHIPSHAPE_E2E_HEADED=1       show the browser (needs a display)
//   SHIPSHAPE_E2E_RUN_PENDING=1  run the UI tests marked pending too
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT,
  adoptGroup,
  forgetGroup,
  killGroup,
  ensureChromium,
  ensureCodeServer,
  freePort,
  installedExtensionDir,
  killAll,
  packageVsix,
  prepareRun,
  run,
  startCodeServer,
  stopGroup,
} from './code-server.mjs';
import { motoOnPath, startMoto } from './moto.mjs';

const require = createRequire(import.meta.url);
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[e2e] ${msg}`);
const RUN = path.join(ROOT, '.run', 'e2e');
const SHOTS = path.join(ROOT, 'test-results', 'e2e-screenshots');
const GREP = process.env.SHIPSHAPE_E2E_GREP ? new RegExp(process.env.SHIPSHAPE_E2E_GREP) : undefined;
const ONLY = process.env.SHIPSHAPE_E2E_ONLY;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const AWS_REGION = 'eu-west-1'; // the region of examples/ecs/task-definition.json's awslogs options
const DUMMY_KEY = 'testing';
const DUMMY_SECRET = 'testing';

/**
 * The environment of code-server (hence of the extension host): dummy static credentials for the
 * SDK's default chain, and no profile, shared config or instance metadata, so the extension's AWS
 * calls can only go where the test's `shipshape.aws.endpoint` setting sends them.
 */
function awsEnvironment(env, runDir) {
  const out = { ...env };
  for (const k of Object.keys(out)) if (/^AWS_/.test(k)) delete out[k];
  return {
    ...out,
    AWS_ACCESS_KEY_ID: DUMMY_KEY,
    AWS_SECRET_ACCESS_KEY: DUMMY_SECRET,
    AWS_CONFIG_FILE: path.join(runDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(runDir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

function copyWorkspace(dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'examples'), dest, { recursive: true });
  return dest;
}

async function launchBrowser(chromium, name) {
  const { chromium: pw } = require('playwright-core');
  const userDataDir = path.join(RUN, `chromium-${name}`);
  fs.rmSync(userDataDir, { recursive: true, force: true });
  const args = CHROMIUM_ARGS.filter((a) => !(process.env.SHIPSHAPE_E2E_HEADED && a === '--headless'));
  const context = await pw.launchPersistentContext(userDataDir, {
    executablePath: chromium,
    headless: !process.env.SHIPSHAPE_E2E_HEADED,
    args,
    viewport: { width: 1440, height: 900 },
    timeout: 60_000,
  });
  return context;
}

/** Part 1: mocha in the extension host. Returns the list of results. */
async function integration({ chromium, port, extensionDir, workspace }) {
  const resultsFile = path.join(RUN, 'integration-results.json');
  fs.rmSync(resultsFile, { force: true });
  const testsPath = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(testsPath)],
  ]);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  const context = await launchBrowser(chromium, 'integration');
  const page = context.pages()[0] ?? (await context.newPage());
  const logFile = fs.createWriteStream(path.join(RUN, 'integration-workbench.log'));
  let exitCode;
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const line = (Array.isArray(args) ? args : [args])
      .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
      .join(' ');
    logFile.write(`[${level}] ${line}\n`);
    // The suite reporter's lines, forwarded from the extension host.
    for (const l of line.split('\n')) if (/^\s+[✓✗-] |^integration: |^\s{6}/.test(l)) process.stdout.write(`${l}\n`);
  });
  page.on('console', (m) => {
    const t = m.text();
    logFile.write(`[console.${m.type()}] ${t}\n`);
  });
  say(`integration suite: ${url.slice(0, 60)}…`);
  await page.goto(url);
  const limit = 10 * 60_000;
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), limit))]);
  await page.screenshot({ path: path.join(SHOTS, 'integration-final.png') }).catch(() => {});
  await context.close();
  logFile.end();
  const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : [];
  if (code === 'timeout')
    results.push({ title: 'integration suite finished', state: 'failed', error: `no exit after ${limit / 1000} s` });
  else if (code !== 0 && !results.some((r) => r.state === 'failed')) {
    results.push({
      title: 'integration suite ran',
      state: 'failed',
      error: `extension host exit code ${code} (see ${path.relative(ROOT, logFile.path)})`,
    });
  }
  if (results.length === 0)
    results.push({
      title: 'integration suite ran',
      state: 'failed',
      error: `no results (exit code ${exitCode}); see ${path.relative(ROOT, logFile.path)}`,
    });
  return results;
}

/** Part 2: Playwright UI tests, each in a fresh page over a fresh copy of examples/. */
async function ui({ chromium, port, aws }) {
  const dir = path.join(ROOT, 'out', 'test', 'e2e', 'ui');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.ui.js'))
        .sort()
    : [];
  const results = [];
  for (const f of files) {
    const { tests } = require(path.join(dir, f));
    for (const t of tests) {
      const title = `ui ${f.replace(/\.ui\.js$/, '')}: ${t.name}`;
      if (GREP && !GREP.test(title)) continue;
      if (t.pending && !process.env.SHIPSHAPE_E2E_RUN_PENDING) {
        results.push({ title, state: 'pending' });
        console.log(`  - ${title} (pending: ${t.pending})`);
        continue;
      }
      if (t.needs === 'aws' && !aws) {
        results.push({ title, state: 'skipped' });
        console.log(`  - ${title} (skipped: moto_server is not on PATH; pip install "moto[server]")`);
        continue;
      }
      const workspace = copyWorkspace(path.join(RUN, 'ui', String(results.length), 'hello-shipshape'));
      const context = await launchBrowser(chromium, 'ui');
      const page = context.pages()[0] ?? (await context.newPage());
      const slug = `ui-${f.replace(/\.ui\.js$/, '')}-${tests.indexOf(t) + 1}`;
      let step = 0;
      const shot = async (name) => {
        const file = path.join(SHOTS, `${slug}-${String(++step).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file });
        return file;
      };
      const started = Date.now();
      try {
        if (t.needs === 'aws') await aws.reset();
        await t.run({
          page,
          url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`,
          workspace,
          shot,
          aws,
        });
        results.push({ title, state: 'passed', ms: Date.now() - started });
        console.log(`  ✓ ${title} (${Date.now() - started} ms; screenshots ${slug}-*.png)`);
      } catch (e) {
        await shot('failure').catch(() => {});
        results.push({ title, state: 'failed', error: e?.stack ?? String(e) });
        console.log(
          `  ✗ ${title}\n${String(e?.stack ?? e)
            .split('\n')
            .map((l) => `      ${l}`)
            .join('\n')}`,
        );
      } finally {
        await context.close().catch(() => {});
      }
    }
  }
  return results;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) run('npm', ['run', 'build'], { cwd: ROOT });
  run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join('test', 'e2e')], { cwd: ROOT });
  const chromium = ensureChromium();
  if (!chromium) {
    console.log(
      '[e2e] SKIPPED: Chromium is not installed and could not be installed ' +
        '(apt-get install -y chromium); no end-to-end test ran.',
    );
    return 0;
  }
  const bin = await ensureCodeServer();
  say(`code-server and Chromium ready (${secs()})`);
  const vsix = packageVsix();
  // VS Code in a browser auto-saves after a second by default. The tests edit the workspace's files and
  // revert them afterwards; a save in between (a slow second, on a loaded machine) made the revert restore
  // the edited text, so a later test found a broken file: the flaky CP029 test. Nothing is saved unasked.
  const { dirs, env } = prepareRun(RUN, vsix, bin, { 'files.autoSave': 'off' });
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const extensionDir = installedExtensionDir(dirs.extensions);
  const workspace = copyWorkspace(path.join(RUN, 'workspace', 'hello-shipshape'));
  // The AWS commands' UI tests need moto; nothing else does.
  let moto;
  if (ONLY !== 'suite' && motoOnPath()) {
    moto = await startMoto();
    adoptGroup(moto.pid);
    say(`moto_server on ${moto.endpoint} (${secs()})`);
  } else if (ONLY !== 'suite') {
    say('moto_server is not on PATH: the AWS UI tests are skipped');
  }
  let server;
  let results = [];
  try {
    const port = await freePort();
    server = await startCodeServer({
      bin,
      port,
      dirs,
      env: {
        ...awsEnvironment(env, dirs.run),
        SHIPSHAPE_E2E_RESULTS: path.join(RUN, 'integration-results.json'),
        ...(process.env.SHIPSHAPE_E2E_GREP ? { SHIPSHAPE_E2E_GREP: process.env.SHIPSHAPE_E2E_GREP } : {}),
      },
    });
    say(`code-server on 127.0.0.1:${port} with ${path.relative(ROOT, vsix)} installed (${secs()})`);
    if (ONLY !== 'ui') results = results.concat(await integration({ chromium, port, extensionDir, workspace }));
    say(`integration suite done (${secs()})`);
    const aws = moto && {
      endpoint: moto.endpoint,
      region: AWS_REGION,
      credentials: { accessKeyId: DUMMY_KEY, secretAccessKey: DUMMY_SECRET },
      reset: moto.reset,
    };
    if (ONLY !== 'suite') results = results.concat(await ui({ chromium, port, aws }));
  } finally {
    if (server) await stopGroup(server);
    if (moto) {
      await moto.stop(); // SIGTERM to its group, waits up to 3 s
      killGroup(moto.pid, 'SIGKILL'); // and whatever werkzeug left behind
      forgetGroup(moto.pid);
    }
  }
  const n = (s) => results.filter((r) => r.state === s).length;
  const failed = results.filter((r) => r.state === 'failed');
  if (failed.length) {
    console.log('\nFailures:');
    for (const f of failed)
      console.log(
        `  ✗ ${f.title}\n${String(f.error)
          .split('\n')
          .slice(0, 12)
          .map((l) => `      ${l}`)
          .join('\n')}`,
      );
  }
  console.log(`\nScreenshots: ${path.relative(ROOT, SHOTS)}/   Logs: ${path.relative(ROOT, RUN)}/`);
  console.log(
    `${n('passed')} passed, ${n('failed')} ` +
      `failed${n('pending') ? `, ${n('pending')} pending` : ''}${n('skipped') ? `, ${n('skipped')} skipped` : ''} ` +
      `(${secs()})`,
  );
  return failed.length ? 1 : 0;
}

main().then(
  (code) => {
    killAll('SIGKILL');
    process.exit(code);
  },
  (e) => {
    console.error(`[e2e] ${e?.stack ?? e}`);
    killAll('SIGKILL');
    process.exit(1);
  },
);
