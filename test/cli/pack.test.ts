/**
 * `npm pack` gives a package whose `shipshape` bin works from a clean install in an empty folder:
 * no dependency to fetch (everything is bundled into dist/cli.js), the rule pages inside it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

it('npm pack → npm install from the tarball → the bin checks, explains and lists rules', { timeout: 180_000 }, () => {
  assert.ok(fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js')), 'npm run build first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-pack-'));
  // --ignore-scripts: the tests run on the build already made (prepack would rebuild dist/ under
  // the other tests' feet)
  const pack = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout);
  const files: string[] = info.files.map((f: { path: string }) => f.path);
  for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'docs/rules/DL3007.md'])
    assert.ok(files.includes(f), `${f} is packed`);
  const unexpected = files.filter(
    (f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/cli\.js|docs\/rules\/\w+\.md)$/.test(f),
  );
  assert.deepEqual(unexpected, [], 'nothing else is packed');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.dependencies ?? {}, {}, 'a bundled CLI needs no dependency at install time');

  const app = path.join(tmp, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  const install = spawnSync(
    npm,
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp, info.filename)],
    { cwd: app, encoding: 'utf8' },
  );
  assert.equal(install.status, 0, install.stderr);
  const bin = path.join(app, 'node_modules', '.bin', 'shipshape');
  const run = (args: string[], input?: string) => spawnSync(bin, args, { cwd: app, encoding: 'utf8', input });
  assert.equal(run(['--version']).stdout.split('\n')[0], pkg.version);
  fs.writeFileSync(path.join(app, 'Dockerfile'), 'FROM node:latest\n');
  const check = run(['check', '.']);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /^Dockerfile:1:\d+: info .*\[DL3007\]$/m);
  assert.doesNotMatch(check.stdout, /node_modules/);
  const explain = run(['explain', 'DL3007']);
  assert.equal(explain.stdout, fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules', 'DL3007.md'), 'utf8'));
  assert.match(run(['rules']).stdout, /^DL3007 /m);
  fs.rmSync(tmp, { recursive: true, force: true });
});
