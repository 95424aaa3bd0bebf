// `npm run test:desktop` (after `npm run build`): the same integration suite as `npm run test:e2e`
// (test/e2e/suite), in desktop VS Code through @vscode/test-electron, the ecosystem's standard
// runner. It downloads VS Code from update.code.visualstudio.com, so it only works where that site is
// reachable (not on the CI machine: there `npm run test:e2e` runs the suite in code-server instead).
// On Linux without a display, run it under `xvfb-run -a`.
//
//   SHIPSHAPE_VSCODE_VERSION=1.100.3   the VS Code to test against (default: stable)
//   SHIPSHAPE_E2E_GREP=regex           run only the tests whose title matches
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, run } from './code-server.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) run('npm', ['run', 'build'], { cwd: ROOT });
  run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join('test', 'e2e')], { cwd: ROOT });
  const runDir = path.join(ROOT, '.run', 'desktop');
  fs.rmSync(runDir, { recursive: true, force: true });
  const workspace = path.join(runDir, 'workspace', 'hello-shipshape');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  const results = path.join(runDir, 'integration-results.json');
  let failedToRun;
  try {
    await runTests({
      version: process.env.SHIPSHAPE_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(ROOT, '.cache', 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'),
      extensionTestsEnv: {
        SHIPSHAPE_E2E_RESULTS: results,
        ...(process.env.SHIPSHAPE_E2E_GREP ? { SHIPSHAPE_E2E_GREP: process.env.SHIPSHAPE_E2E_GREP } : {}),
      },
      launchArgs: [
        workspace,
        '--disable-extensions', // every other extension; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(runDir, 'user-data'),
        '--extensions-dir',
        path.join(runDir, 'extensions'),
      ],
    });
  } catch (e) {
    failedToRun = e;
  }
  const list = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : [];
  const n = (s) => list.filter((r) => r.state === s).length;
  if (!list.length) {
    const msg = String(failedToRun?.message ?? failedToRun ?? 'no results');
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|update\.code\.visualstudio\.com|getaddrinfo/i.test(msg);
    console.error(
      `[desktop] ` +
        `${offline ? 'could not download desktop VS Code (no access to update.code.visualstudio.com); run `npm run test:e2e` instead, which uses code-server' : `the suite did not run: ${msg}`}`,
    );
    console.log('0 passed, 1 failed');
    return 1;
  }
  for (const f of list.filter((r) => r.state === 'failed'))
    console.log(
      `  ✗ ${f.title}\n${String(f.error)
        .split('\n')
        .slice(0, 12)
        .map((l) => `      ${l}`)
        .join('\n')}`,
    );
  console.log(`${n('passed')} passed, ${n('failed')} failed${n('pending') ? `, ${n('pending')} pending` : ''}`);
  return n('failed') || failedToRun ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[desktop] ${e?.stack ?? e}`);
    process.exit(1);
  },
);
