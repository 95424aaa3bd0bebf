/** The RUN shell reader: splitting, quotes, continuations, heredocs, sh -c, offsets. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandArgs, parseShell, scriptEnv } from '../../server/src/languages/dockerfile/shell';
import { parseDockerfile } from '../../server/src/languages/dockerfile/parse';

const names = (text: string) =>
  parseShell(text, 0, text.length).commands.map((c) => c.argv.map((w) => w.value).join(' '));

test('splits on && || ; | & and newlines', () => {
  assert.deepEqual(names('a 1 && b 2 || c; d | e & f\ng'), ['a 1', 'b 2', 'c', 'd', 'e', 'f', 'g']);
});

test('operators are recorded before and after each command', () => {
  const c = parseShell('a | b && c', 0, 10).commands;
  assert.deepEqual(
    c.map((x) => [x.before, x.after]),
    [
      [null, '|'],
      ['|', '&&'],
      ['&&', null],
    ],
  );
});

test('quotes are removed and keep their contents together', () => {
  assert.deepEqual(names(`echo "a b" 'c && d' e\\ f "x\\"y"`), ['echo a b c && d e f x"y']);
});

test('Dockerfile continuations and comment lines inside them are dropped', () => {
  assert.deepEqual(names('apt-get install \\\n  # a comment\n  curl \\\n  git'), ['apt-get install curl git']);
});

test('leading assignments and reserved words are not the command name', () => {
  const c = parseShell(
    'DEBIAN_FRONTEND=noninteractive apt-get install -y x; if true; then sudo ls; fi',
    0,
    72,
  ).commands;
  assert.equal(c[0].name, 'apt-get');
  assert.ok(c.some((x) => x.name === 'sudo'));
});

test('set -eux; is a command like any other', () => {
  assert.deepEqual(names('set -eux; apk add x'), ['set -eux', 'apk add x']);
});

test('redirections are not arguments', () => {
  const c = parseShell('cmd a > /dev/null 2>&1 b', 0, 24).commands[0];
  assert.deepEqual(
    c.argv.map((w) => w.value),
    ['cmd', 'a', 'b'],
  );
  assert.deepEqual(
    c.redirects.map((r) => r.op),
    ['>', '2>&'],
  );
});

test('$(...) and backticks stay inside their word', () => {
  assert.deepEqual(names('echo $(a && b) `c; d` ${X:-y}'), ['echo $(a && b) `c; d` ${X:-y}']);
});

test("sh -c 'script' is read too, with exact offsets", () => {
  const text = "sh -c 'apk add curl && ls'";
  const c = parseShell(text, 0, text.length).commands;
  assert.deepEqual(
    c.map((x) => x.name),
    ['sh', 'apk', 'ls'],
  );
  const curl = c[1].argv[2];
  assert.equal(text.slice(curl.start, curl.end), 'curl');
});

test('here-document bodies inside a script are skipped', () => {
  assert.deepEqual(names('cat <<EOF > f\nnot a command\nEOF\nls'), ['cat', 'ls']);
});

test('word offsets point into the Dockerfile', () => {
  const df = 'FROM a:1\nRUN apt-get update && \\\n    apt-get install -y curl\n';
  const m = parseDockerfile(df);
  const cmds = m.instructions[1].commands!;
  const curl = cmds[1].argv[3];
  assert.equal(df.slice(curl.start, curl.end), 'curl');
});

test('RUN <<EOF heredocs are read as the script', () => {
  const df = 'FROM a:1\nRUN <<EOF\nset -e\napt-get install -y x\nEOF\nRUN python3 <<EOF\nprint(1)\nEOF\n';
  const m = parseDockerfile(df);
  assert.deepEqual(
    m.instructions[1].commands!.map((c) => c.name),
    ['set', 'apt-get'],
  );
  assert.deepEqual(
    m.instructions[2].commands!.map((c) => c.name),
    ['python3'],
  );
});

test('exec-form RUN is one command, ["sh", "-c", "..."] is read as a script', () => {
  const m = parseDockerfile('FROM a:1\nRUN ["apt-get", "install", "x"]\nRUN ["sh", "-c", "a && b"]\n');
  assert.deepEqual(
    m.instructions[1].commands!.map((c) => c.argv.map((w) => w.value)),
    [['apt-get', 'install', 'x']],
  );
  assert.deepEqual(
    m.instructions[2].commands!.map((c) => c.name),
    ['a', 'b'],
  );
});

test('unterminated quotes and odd input do not throw', () => {
  for (const t of ['echo "abc', "echo 'x", 'a && && b', '|||', '$(', '`', '\\', 'a <<', '[[ x ]]'])
    assert.doesNotThrow(() => parseShell(t, 0, t.length));
});

const cmdOf = (text: string, index = 0) => parseShell(text, 0, text.length).commands[index];

test('the environment prefix is read, quotes after `=` included; a quoted name is a command', () => {
  const c = cmdOf('A=1 B="x y" pip install x');
  assert.deepEqual(
    c.env.map((e) => [e.name, e.value]),
    [
      ['A', '1'],
      ['B', 'x y'],
    ],
  );
  assert.equal(c.name, 'pip');
  assert.equal(cmdOf('"A=1" run').name, 'A=1');
});

test('readArgs: options with values, clusters, `=` forms and `--`', () => {
  const a = commandArgs(cmdOf('apt-get -q -q -t bookworm-backports -oAPT::X=1 -yq=2 install --x=1 a -- -b c'), {
    withValue: ['-t', '-o'],
  });
  assert.deepEqual(
    a.options.map((o) => [o.name, o.value ?? null]),
    [
      ['-q', null],
      ['-q', null],
      ['-t', 'bookworm-backports'],
      ['-o', 'APT::X=1'],
      ['-y', null],
      ['-q', '2'],
      ['--x', '1'],
    ],
  );
  assert.equal(a.count('-q', '--quiet'), 3);
  assert.equal(a.first?.value, 'install');
  assert.deepEqual(
    a.operands.map((w) => w.value),
    ['a'],
  );
  assert.deepEqual(
    a.rest.map((w) => w.value),
    ['-b', 'c'],
  );
  const npm = commandArgs(cmdOf('npm --loglevel warn install chalk'), { withValue: ['--loglevel'] });
  assert.equal(npm.value('--loglevel'), 'warn');
  assert.deepEqual(
    npm.positionals.map((w) => w.value),
    ['install', 'chalk'],
  );
});

test('scriptEnv: export earlier in the script, unset, and the prefix', () => {
  const cmds = parseShell('export A=1 B=2 && unset B; C=3 pip install x', 0, 43).commands;
  const env = scriptEnv(cmds, cmds[2]);
  assert.deepEqual([...env].sort(), [
    ['A', '1'],
    ['C', '3'],
  ]);
});
