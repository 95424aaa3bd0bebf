/** The background shellcheck runner: binary resolution, batching, cache, superseded checks, no blocking. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findShellcheck, needsNoCheck, ShellcheckRunner } from '../../server/src/tools/shellcheck';
import { shellcheckInstalled } from '../helpers/context';

const skip = !shellcheckInstalled() && 'shellcheck is not installed';

test('the binary is never taken from the workspace or a relative PATH entry', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ws-'));
  const bin = path.join(ws, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'shellcheck'), '#!/bin/sh\necho planted\n', { mode: 0o755 });
  const found = findShellcheck([ws], [bin, '.', 'relative/bin', '/usr/bin', '/bin'].join(path.delimiter));
  assert.ok(!found?.startsWith(ws), `not the planted one: ${found}`);
  assert.equal(findShellcheck([ws], [bin, '.'].join(path.delimiter)), undefined);
  // Outside the workspace, the same folder is fine.
  assert.equal(findShellcheck([], bin), path.join(bin, 'shellcheck'));
  fs.rmSync(ws, { recursive: true, force: true });
});

test('no binary: every request answers unavailable at once', () => {
  const r = new ShellcheckRunner({ binary: () => undefined });
  const s = r.session('/a');
  assert.equal(s.shellcheck({ script: 'echo $1', dialect: 'bash' }).state, 'unavailable');
  assert.equal(s.settled(), undefined);
});

test('scripts of one check go to one process; answers are cached by script', { skip }, async () => {
  const r = new ShellcheckRunner();
  const s = r.session('/ws/a.yml');
  const scripts = ['echo $1', 'cd $DIR', 'ls | wc -l', 'for f in $(ls); do echo "$f"; done', 'true'];
  for (const script of scripts) assert.equal(s.shellcheck({ script, dialect: 'bash' }).state, 'pending');
  // Asking never waits for shellcheck: nothing has even started when the answers are given.
  assert.equal(r.stats.processes, 0);
  await s.settled();
  assert.equal(r.stats.processes, 1);
  const again = r.session('/ws/a.yml');
  const answers = scripts.map((script) => again.shellcheck({ script, dialect: 'bash' }));
  assert.ok(answers.every((a) => a.state === 'done'));
  assert.deepEqual(
    answers.map((a) => (a.state === 'done' ? a.comments.map((c) => c.code) : [])),
    [[2086], [2164, 2086], [2012], [2045], []],
  );
  assert.equal(again.settled(), undefined);
  // Another dialect or exclusion list is another question.
  assert.equal(again.shellcheck({ script: 'echo $1', dialect: 'sh' }).state, 'pending');
  assert.equal(again.shellcheck({ script: 'cd $DIR', dialect: 'bash', exclude: ['SC2164'] }).state, 'pending');
  await again.settled();
  assert.equal(r.stats.processes, 3);
  const excluded = r.session('/ws/a.yml').shellcheck({ script: 'cd $DIR', dialect: 'bash', exclude: ['SC2164'] });
  assert.deepEqual(excluded.state === 'done' && excluded.comments.map((c) => c.code), [2086]);
  await r.dispose();
});

test('a newer check of the same document drops what only the older one waited for', { skip }, async () => {
  const r = new ShellcheckRunner();
  const old = r.session('/ws/a.yml');
  old.shellcheck({ script: 'echo old $1', dialect: 'bash' });
  const oldDone = old.settled();
  const current = r.session('/ws/a.yml');
  current.shellcheck({ script: 'echo new $1', dialect: 'bash' });
  await Promise.all([oldDone, current.settled()]);
  assert.equal(r.stats.scripts, 1, 'only the current script ran');
  // Checks of other documents are not affected.
  const a = r.session('/ws/a.yml');
  const b = r.session('/ws/b.yml');
  a.shellcheck({ script: 'echo a $1', dialect: 'bash' });
  b.shellcheck({ script: 'echo b $1', dialect: 'bash' });
  await Promise.all([a.settled(), b.settled()]);
  assert.equal(r.stats.scripts, 3);
  await r.dispose();
});

test('many checks queued together share a few processes (the CLI)', { skip }, async () => {
  const r = new ShellcheckRunner({ pool: 2, batch: 48 });
  const waits: Promise<void>[] = [];
  for (let f = 0; f < 40; f++) {
    const s = r.session(`/ws/${f}.yml`);
    for (let i = 0; i < 5; i++) s.shellcheck({ script: `echo ${f} ${i} $X`, dialect: 'bash' });
    waits.push(s.settled()!);
  }
  await Promise.all(waits);
  assert.equal(r.stats.scripts, 200);
  assert.ok(r.stats.processes <= 6, `${r.stats.processes} processes for 200 scripts`);
  await r.dispose();
});

test('one plain build command needs no shellcheck run, anything more does', () => {
  for (const s of ['set -eo pipefail\nnpm ci', 'make test', './gradlew build --info', 'set -e\n________', ''])
    assert.ok(needsNoCheck(s), s);
  for (const s of [
    'npm ci\nnpm test',
    'echo $X',
    'cd dir',
    'npm ci > log',
    'rebar3 do eunit, ct',
    "npm run 'x'",
    'ln x',
  ])
    assert.ok(!needsNoCheck(s), s);
});

test('plain commands are answered at once, without a process', () => {
  const r = new ShellcheckRunner({ binary: '/nonexistent/shellcheck' });
  const s = r.session('/a');
  assert.deepEqual(s.shellcheck({ script: 'set -eo pipefail\nnpm ci', dialect: 'bash' }), {
    state: 'done',
    comments: [],
  });
  assert.equal(s.settled(), undefined);
});
