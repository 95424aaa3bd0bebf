/** `shipshape check | head`: the reader closes the pipe early, and the CLI ends without a crash report. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, workspace } from './helpers';

test('a reader that closes the pipe early (| head -c 1) leaves no crash report', () => {
  // thousands of findings: far more than the pipe holds once head has gone
  const dir = workspace({ Dockerfile: `FROM debian:12\n${'RUN apt-get install curl\n'.repeat(2000)}` });
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check . | head -c 1 >/dev/null`], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|Error/);
});
