// `npm start` (scripts/start.mjs): it opens a git-ignored copy of examples/, never examples/ itself; it
// offers a desktop VS Code where `code` is on PATH; before installing code-server it says what it will
// install, and where that cannot work (no dpkg, no compiler, not root, another Node) exactly what to install.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

interface Plan {
  apt: string[];
  blockers: string[];
  seedRipgrep: boolean;
}
// Node 20.19+ can require() an ES module without top-level await.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cs = require(path.join(REPO_ROOT, 'scripts', 'code-server.mjs')) as {
  codeServerPlan(probe: Record<string, unknown>): Plan;
  APT_PACKAGES: string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require(path.join(REPO_ROOT, 'scripts', 'start.mjs')) as { DEMO: string };

const debian = { platform: 'linux', arch: 'x64', nodeMajor: 20, has: () => true };

describe('first run: what code-server needs', () => {
  it('on Debian as root: installs only the missing packages, and nothing is in the way', () => {
    const plan = cs.codeServerPlan({ ...debian, isRoot: true, missingDeb: () => ['libkrb5-dev'] });
    assert.deepEqual(plan.apt, ['libkrb5-dev']);
    assert.deepEqual(plan.blockers, []);
    assert.equal(plan.seedRipgrep, true);
    assert.deepEqual(cs.codeServerPlan({ ...debian, isRoot: true, missingDeb: () => [] }).apt, []);
  });

  it('on Debian without root: the exact sudo command, no apt-get of its own', () => {
    const plan = cs.codeServerPlan({ ...debian, isRoot: false, missingDeb: () => ['pkg-config', 'python3'] });
    assert.deepEqual(plan.apt, []);
    assert.match(plan.blockers.join('\n'), /sudo apt-get install --no-install-recommends pkg-config python3/);
  });

  it('on macOS (no dpkg): the Xcode Command Line Tools, never apt-get', () => {
    const mac = { platform: 'darwin', arch: 'arm64', nodeMajor: 20, isRoot: false, has: () => false };
    const missingDeb = () => assert.fail('dpkg is not asked on macOS');
    const plan = cs.codeServerPlan({ ...mac, missingDeb, xcodeTools: () => false });
    assert.deepEqual(plan.apt, []);
    assert.match(plan.blockers.join('\n'), /xcode-select --install/);
    assert.deepEqual(cs.codeServerPlan({ ...mac, missingDeb, xcodeTools: () => true }).blockers, []);
  });

  it('on a Linux without dpkg: the build tools by name, with the commands of the common distributions', () => {
    const has = (c: string) => c !== 'c++' && c !== 'dpkg-query';
    const plan = cs.codeServerPlan({ platform: 'linux', arch: 'x64', nodeMajor: 20, isRoot: true, has });
    assert.deepEqual(plan.apt, []);
    assert.match(plan.blockers.join('\n'), /missing now: c\+\+/);
    assert.match(plan.blockers.join('\n'), /dnf install gcc-c\+\+ .*krb5-devel libsecret-devel/);
  });

  it('on another Node major: Node 20, which code-server 4.100.3 requires', () => {
    const plan = cs.codeServerPlan({ ...debian, nodeMajor: 22, isRoot: true, missingDeb: () => [] });
    assert.match(plan.blockers.join('\n'), /Node 20 to run code-server/);
  });
});

/** A folder for PATH holding only the named commands (links to the real ones) and the given scripts. */
function fakeBin(links: Record<string, string>, scripts: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bin-'));
  for (const [name, target] of Object.entries(links)) fs.symlinkSync(target, path.join(dir, name));
  for (const [name, text] of Object.entries(scripts)) fs.writeFileSync(path.join(dir, name), text, { mode: 0o755 });
  return dir;
}

function runStart(env: Record<string, string>) {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cache-'));
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SHIPSHAPE_CACHE_DIR: cache, SHIPSHAPE_EDITOR: '', ...env },
    timeout: 60_000,
  });
  return { ...r, cache, out: `${r.stdout}\n${r.stderr}` };
}

const read = (dir: string) =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );

describe('npm start', { timeout: 120_000 }, () => {
  it('opens a git-ignored copy of examples/, refreshed at every start, never examples/ itself', () => {
    assert.notEqual(path.resolve(start.DEMO), path.join(REPO_ROOT, 'examples'));
    assert.ok(!path.relative(path.join(REPO_ROOT, 'examples'), start.DEMO).match(/^[^.]/), 'not inside examples/');
    const ignored = spawnSync('git', ['check-ignore', '-q', path.relative(REPO_ROOT, start.DEMO)], { cwd: REPO_ROOT });
    assert.equal(ignored.status, 0, `${start.DEMO} is git-ignored`);
  });

  it('with a desktop VS Code on PATH, opens it on the demo copy in development mode, installing nothing', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-code-')), 'args');
    const code =
      '#!/bin/sh\n' +
      'if [ "$1" = --version ]; then printf "1.100.3\\nabc\\nx64\\n"; exit 0; fi\n' +
      `printf "%s\\n" "$@" > ${JSON.stringify(log)}\n`;
    const bin = fakeBin({}, { code });
    if (fs.existsSync(start.DEMO)) fs.writeFileSync(path.join(start.DEMO, 'Dockerfile'), 'edited in the last demo\n');
    const r = runStart({ PATH: `${bin}:${process.env.PATH}` });
    assert.equal(r.status, 0, r.out);
    const args = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.deepEqual(args, ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, start.DEMO]);
    assert.deepEqual(read(start.DEMO), read(path.join(REPO_ROOT, 'examples')), 'a fresh copy of examples/');
    assert.deepEqual(fs.readdirSync(r.cache), [], 'nothing installed');
    assert.match(r.out, /VS Code 1\.100\.3 is on PATH/);
  });

  it('without dpkg, a compiler or VS Code: says exactly what to install, and installs nothing', () => {
    // A Linux of another family: only node and sh on PATH.
    const bin = fakeBin({ node: process.execPath, sh: '/bin/sh' });
    const r = runStart({ PATH: bin });
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /code-server@4\.100\.3 from npm/, 'what it would install');
    assert.match(r.out, /a C\+\+ compiler, make, python3, pkg-config/);
    assert.match(r.out, /VS Code 1\.100 or newer .* `code` command on PATH/);
    assert.doesNotMatch(r.out, /apt-get install/);
    assert.deepEqual(fs.readdirSync(r.cache), [], 'nothing installed');
  });
});
