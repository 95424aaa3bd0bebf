// `npm start` as a new user runs it from a clone: the editor opens on the demo folder, the user edits and
// saves a file and picks an AWS region (which writes .vscode/settings.json into the folder), stops it with
// Ctrl+C, and the repository's `git status` is what it was: the demo is a git-ignored copy of examples/.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  explorerItem,
  openFromExplorer,
  openWorkbench,
  pickRow,
  quickInput,
  runCommand,
  type UiTest,
} from './workbench';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..'); // out/test/e2e/ui → the checkout

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function gitStatus(): string {
  const r = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

export const tests: UiTest[] = [
  {
    name: 'npm start opens a copy of examples/: a session of edits leaves git status as it was',
    async run({ page, shot }) {
      const before = gitStatus();
      const examples = path.join(ROOT, 'examples');
      const examplesBefore = snapshot(examples);
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
        cwd: ROOT,
        env: { ...process.env, SHIPSHAPE_PORT: String(port), SHIPSHAPE_EDITOR: 'code-server' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no URL after 180 s:\n${output}`)), 180_000);
          const look = () => {
            const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(output);
            if (m) {
              clearTimeout(timer);
              resolve(m[1]!);
            }
          };
          child.stdout.on('data', look);
          void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
        });
        const folder = decodeURI(new URL(url).searchParams.get('folder')!);
        assert.notEqual(path.resolve(folder), examples, 'the demo is not examples/ itself');
        assert.match(output, /a fresh copy of examples\//);

        await openWorkbench(page, url);
        await openFromExplorer(page, 'Dockerfile');
        await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\n# edited in the demo\n');
        await page.keyboard.press('Control+S');
        await shot('edited');
        await runCommand(page, 'Shipshape: Select AWS Region…');
        await quickInput(page, 'AWS region for Shipshape');
        await pickRow(page, 'eu-west-1');
        await explorerItem(page, '.vscode').waitFor({ timeout: 30_000 });
        await shot('settings-written');
        const settings = path.join(folder, '.vscode', 'settings.json');
        const waitFor = async (ok: () => boolean, what: string) => {
          for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
          assert.ok(ok(), what);
        };
        await waitFor(
          () => fs.readFileSync(path.join(folder, 'Dockerfile'), 'utf8').includes('# edited in the demo'),
          'the edit is saved in the demo copy',
        );
        await waitFor(() => fs.existsSync(settings), 'the region setting is in the demo copy');
      } finally {
        child.kill('SIGINT'); // Ctrl+C: start.mjs stops code-server and everything it started
        const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
        assert.equal(code, 0, `npm start did not stop cleanly (${code}):\n${output.slice(-2000)}`);
      }
      assert.deepEqual(snapshot(examples), examplesBefore, 'examples/ is unchanged');
      assert.equal(gitStatus(), before, 'git status changed');
    },
  },
];
