/** Every option of `shipshape check`, through dist/cli.js as users run it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cli, read, workspace } from './helpers';

const DOCKERFILE = 'FROM alpine:3.20\nRUN apk add curl\nfrom alpine:3.20 as Build\n';
const FIXED_DOCKERFILE = 'FROM alpine:3.20\nRUN apk add --no-cache curl\nFROM alpine:3.20 AS build\n';
const COMPOSE = 'version: "3"\nservices:\n  app:\n    image: nginx:1.27\n';

describe('--fix, --unsafe-fixes, --diff', () => {
  it('--fix applies the safe fixes, writes the files and reports what is left', () => {
    const ws = workspace({ Dockerfile: DOCKERFILE, 'compose.yaml': COMPOSE });
    const r = cli(['check', '--fix', '.'], ws);
    assert.equal(read(ws, 'Dockerfile'), FIXED_DOCKERFILE);
    assert.equal(read(ws, 'compose.yaml'), COMPOSE.replace('version: "3"\n', ''));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^fixed 5 problems in 2 files$/m);
    // what no safe fix covers is still reported (DL3018: pin the package version)
    assert.match(r.stdout, /^Dockerfile:2:24: info .* \[DL3018\]$/m);
    assert.doesNotMatch(r.stdout, /DL3019|DF005|DF002|CP040/);
    // stable: a second run has nothing left to fix
    const again = cli(['check', '--diff', '.'], ws);
    assert.equal(again.stdout, '');
    assert.equal(again.code, 0);
  });

  it('--fix leaves suggestions alone; --unsafe-fixes applies a finding’s only fix', () => {
    const ws = workspace({ Dockerfile: 'FROM alpine:3.20\nFRUM x\n' });
    const safe = cli(['check', '--fix', 'Dockerfile'], ws);
    assert.equal(safe.code, 1);
    assert.equal(read(ws, 'Dockerfile'), 'FROM alpine:3.20\nFRUM x\n');
    const unsafe = cli(['check', '--unsafe-fixes', 'Dockerfile'], ws);
    assert.equal(read(ws, 'Dockerfile'), 'FROM alpine:3.20\nFROM x\n');
    assert.match(unsafe.stdout, /^fixed 1 problem in 1 file$/m);
    assert.equal(unsafe.code, 0, unsafe.stdout);
  });

  it('--diff prints a unified diff that patch applies, writes nothing, exits 1', () => {
    const ws = workspace({ 'svc/Dockerfile': DOCKERFILE, 'compose.yaml': COMPOSE });
    const r = cli(['check', '--diff', '.'], ws);
    assert.equal(r.code, 1);
    assert.equal(read(ws, 'svc/Dockerfile'), DOCKERFILE, 'nothing written');
    assert.match(r.stdout, /^--- a\/svc\/Dockerfile\n\+\+\+ b\/svc\/Dockerfile\n@@ -1,3 \+1,3 @@\n/m);
    assert.match(r.stderr, /would fix 5 problems in 2 files/);
    const p = spawnSync('patch', ['-p1', '--quiet'], { cwd: ws, input: r.stdout, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr + p.stdout);
    assert.equal(read(ws, 'svc/Dockerfile'), FIXED_DOCKERFILE);
    assert.equal(cli(['check', '--diff', '.'], ws).code, 0);
  });
});

describe('stdin', () => {
  it('- with --stdin-filename: the kind and settings of that path, the report on stdout', () => {
    const ws = workspace({ '.shipshape.yaml': 'rules:\n  DL3018: off\n' });
    const r = cli(['check', '-', '--stdin-filename', 'svc/Dockerfile'], ws, { input: DOCKERFILE });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^svc\/Dockerfile:3:1: info .* \[DF005\]$/m);
    assert.doesNotMatch(r.stdout, /DL3018/);
    assert.match(r.stdout, /in 1 file of 1 checked/);
  });

  it('- --fix prints the fixed text and reports on stderr; --diff prints the diff', () => {
    const ws = workspace({});
    const r = cli(['check', '-', '--stdin-filename', 'Dockerfile', '--fix'], ws, { input: DOCKERFILE });
    assert.equal(r.stdout, FIXED_DOCKERFILE);
    assert.match(r.stderr, /Dockerfile:2:24: info .*\[DL3018\]/);
    const d = cli(['check', '-', '--kind', 'dockerfile', '--diff'], ws, { input: DOCKERFILE });
    assert.match(d.stdout, /^--- a\/<stdin>\n/);
    assert.equal(d.code, 1);
    assert.deepEqual(fs.readdirSync(ws), [], 'nothing written');
  });

  it('sees the files around it: a task definition on stdin, the workflow that renders it on disk', () => {
    const ws = workspace({
      '.github/workflows/deploy.yml':
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n' +
        '          task-definition: ecs/task-definition.json\n          container-name: app\n' +
        '          image: nginx:1.28\n',
    });
    fs.mkdirSync(path.join(ws, '.git'));
    const td = '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n}\n';
    const r = cli(['check', '-', '--stdin-filename', 'ecs/task-definition.json', '--format', 'json'], ws, {
      input: td,
    });
    const codes = JSON.parse(r.stdout).files[0].diagnostics.map((d: { code: string }) => d.code);
    assert.ok(codes.includes('XF005'), codes.join(' '));
  });

  it('needs a name or a kind', () => {
    const r = cli(['check', '-'], workspace({}), { input: 'FROM x\n' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--stdin-filename/);
  });
});

describe('--fail-level and --max-warnings', () => {
  // a warning (DL3000: relative WORKDIR) and an info (DL3018: unpinned package)
  const ws = workspace({ 'a/Dockerfile': 'FROM alpine:3.20\nWORKDIR app\nRUN apk add --no-cache curl\n' });
  it('fails at the level asked', () => {
    assert.equal(cli(['check', '.'], ws).code, 0);
    assert.equal(cli(['check', '--fail-level', 'warning', '.'], ws).code, 1);
    assert.equal(cli(['check', '--fail-level', 'info', '.'], ws).code, 1);
    const err = workspace({ Dockerfile: 'FRUM x\n' });
    assert.equal(cli(['check', '.'], err).code, 1);
    assert.equal(cli(['check', '--fail-level', 'none', '.'], err).code, 0);
  });
  it("follows a .hadolint.yaml's failure-threshold for the DL findings of the files under it", () => {
    const files = { 'a/Dockerfile': 'FROM alpine:3.20\nRUN apk add curl\n' };
    assert.equal(cli(['check', '.'], workspace(files)).code, 0, 'infos only');
    assert.equal(cli(['check', '.'], workspace({ ...files, 'a/.hadolint.yaml': 'failure-threshold: info\n' })).code, 1);
    const noFail = workspace({ 'a/Dockerfile': 'FRUM x\n', 'a/.hadolint.yaml': 'no-fail: true\n' });
    assert.equal(cli(['check', '.'], noFail).code, 1, 'a syntax error (not a DL rule) still fails');
  });
  it('fails past N warnings', () => {
    assert.equal(cli(['check', '--max-warnings', '1', '.'], ws).code, 0);
    assert.equal(cli(['check', '--max-warnings', '0', '.'], ws).code, 1);
  });
});

describe('excludes', () => {
  const files = {
    '.gitignore': 'generated/\n*.tmp.yaml\n',
    '.shipshape.yaml': 'exclude:\n  - vendor/\n  - "**/legacy-*"\n',
    Dockerfile: 'FROM alpine:3.20\n',
    'generated/Dockerfile': 'FRUM x\n',
    'vendor/lib/Dockerfile': 'FRUM x\n',
    'svc/legacy-app/Dockerfile': 'FRUM x\n',
    'svc/compose.tmp.yaml': 'services: {}\n',
    'svc/app/Dockerfile': 'FROM alpine:3.20\n',
  };
  const checked = (r: { stdout: string }) => JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);

  it('.gitignore (inside a repository), exclude: and --exclude', () => {
    const ws = workspace(files);
    fs.mkdirSync(path.join(ws, '.git'));
    const r = cli(['check', '--format', 'json', '.'], ws);
    assert.deepEqual(checked(r), ['Dockerfile', 'svc/app/Dockerfile']);
    assert.equal(r.stderr, '', 'exclude: is no unknown key for the CLI');
    const more = cli(['check', '--format', 'json', '--exclude', 'svc/app', '.'], ws);
    assert.deepEqual(checked(more), ['Dockerfile']);
  });

  it('--no-ignore reads no .gitignore; exclude: still applies', () => {
    const ws = workspace(files);
    fs.mkdirSync(path.join(ws, '.git'));
    const r = cli(['check', '--format', 'json', '--no-ignore', '.'], ws);
    assert.deepEqual(checked(r), ['Dockerfile', 'generated/Dockerfile', 'svc/app/Dockerfile', 'svc/compose.tmp.yaml']);
  });

  it('.gitignore files above the folder checked count, up to the repository root', () => {
    const ws = workspace({
      '.gitignore': 'svc/skip/\n',
      'svc/skip/Dockerfile': 'FRUM\n',
      'svc/ok/Dockerfile': 'FROM a:1\n',
    });
    fs.mkdirSync(path.join(ws, '.git'));
    assert.deepEqual(checked(cli(['check', '--format', 'json', '.'], path.join(ws, 'svc'))), ['ok/Dockerfile']);
  });

  it('a file named on the command line is checked whatever .gitignore says, but excludes apply', () => {
    const ws = workspace(files);
    fs.mkdirSync(path.join(ws, '.git'));
    const r = cli(['check', '--format', 'json', 'generated/Dockerfile', 'vendor/lib/Dockerfile'], ws);
    assert.deepEqual(checked(r), ['generated/Dockerfile']);
  });

  it('--config replaces the excludes of .shipshape.yaml files', () => {
    const ws = workspace({ ...files, 'ci.yaml': 'exclude: [svc/]\n' });
    const r = cli(['check', '--format', 'json', '--no-ignore', '--config', 'ci.yaml', '.'], ws);
    assert.deepEqual(checked(r), ['Dockerfile', 'generated/Dockerfile', 'vendor/lib/Dockerfile']);
  });

  it('a wrong exclude: is an error, not a silent check of everything', () => {
    const ws = workspace({ '.shipshape.yaml': 'exclude: { a: 1 }\n', Dockerfile: 'FROM a:1\n' });
    const r = cli(['check', '.'], ws);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"exclude" must be a list of globs/);
  });
});

describe('files that cannot be checked (issue 22)', () => {
  it('a FIFO, a device, a link loop and an over-size file are reported, exit 2 unless --skip-unreadable', () => {
    const ws = workspace({ 'ok/Dockerfile': 'FROM alpine:3.20\n' });
    spawnSync('mkfifo', [path.join(ws, 'Dockerfile')]);
    fs.symlinkSync('loop.nix', path.join(ws, 'loop.nix'));
    fs.mkdirSync(path.join(ws, 'big'));
    fs.writeFileSync(path.join(ws, 'big', 'Dockerfile'), `FROM alpine:3.20\n${'# x\n'.repeat(1_600_000)}`);
    const r = cli(['check', '.', 'loop.nix', '/dev/zero', '--kind', 'dockerfile'], ws, { timeout: 60_000 });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^Dockerfile: error not checked: it is not a regular file/m);
    assert.match(r.stdout, /^big\/Dockerfile: error not checked: it is 6\.1 MB, above the 5\.0 MB limit/m);
    assert.match(r.stdout, /^loop\.nix: error not checked: a symbolic link loop/m);
    assert.match(r.stdout, /^\/dev\/zero: error not checked: it is not a regular file/m);
    assert.match(r.stdout, /no problems in 1 file; 4 files not checked/);
    const diff = cli(['check', '--diff', '.'], ws, { timeout: 60_000 });
    assert.equal(diff.code, 2, 'not checked is not "nothing to fix"');
    assert.match(diff.stderr, /^shipshape: Dockerfile: not checked: it is not a regular file/m);
    const skip = cli(['check', '.', 'loop.nix', '/dev/zero', '--skip-unreadable', '--format', 'json'], ws);
    assert.equal(skip.code, 0);
    const json = JSON.parse(skip.stdout);
    assert.equal(json.notChecked.length, 4);
    assert.ok(json.notChecked.every((p: { severity: string }) => p.severity === 'warning'));
  });

  it('an unreadable .shipshape.yaml is not silently skipped', () => {
    const ws = workspace({ Dockerfile: 'FROM alpine:3.20\n' });
    spawnSync('mkfifo', [path.join(ws, '.shipshape.yaml')]);
    const r = cli(['check', '.'], ws, { timeout: 30_000 });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /\.shipshape\.yaml: error not checked: .*not a regular file/);
  });

  it('escapes control characters of file names and messages in text output', () => {
    const ws = workspace({ 'a\u001b[2Jb/Dockerfile': 'FRUM x\n', 'new\nline/Dockerfile': 'FRUM x\n' });
    const r = cli(['check', '.'], ws);
    assert.match(r.stdout, /^a\\x1b\[2Jb\/Dockerfile:1:1: error/m);
    assert.match(r.stdout, /^new\\x0aline\/Dockerfile:1:1: error/m);
    assert.doesNotMatch(r.stdout, /\u001b/);
    assert.equal(r.stdout.trim().split('\n').length, 3, 'one line a finding');
  });
});

describe('a byte order mark', () => {
  it('is not read as text (no syntax error at 1:1), and --fix keeps it', () => {
    const ws = workspace({
      'default.nix': '\ufeff{ a = 1; }\n',
      'task-definition.json': '\ufeff{ "family": "a", "containerDefinitions": [] }\n',
      Dockerfile: '\ufeffFROM alpine:3.20\nRUN apk add curl\n',
    });
    const r = cli(['check', '--format', 'json', '.'], ws);
    const codes = JSON.parse(r.stdout).files.flatMap((f: { diagnostics: { code: string }[] }) =>
      f.diagnostics.map((d) => d.code),
    );
    assert.ok(!codes.includes('NX000') && !codes.includes('TD000'), codes.join(' '));
    cli(['check', '--fix', 'Dockerfile'], ws);
    assert.equal(read(ws, 'Dockerfile'), '\ufeffFROM alpine:3.20\nRUN apk add --no-cache curl\n');
  });
});

describe('formats', () => {
  it('--format github: workflow commands with escaped properties, paths from GITHUB_WORKSPACE', () => {
    const ws = workspace({
      'odd,name:x/Dockerfile': 'FRUM x\n',
      'ok/Dockerfile': 'FROM alpine:3.20\nRUN apk add curl\n',
    });
    const r = cli(['check', '--format', 'github', '.'], path.join(ws, 'ok'), { env: { GITHUB_WORKSPACE: ws } });
    assert.match(r.stdout, /^::notice file=ok\/Dockerfile,line=2,col=5,endLine=2,endColumn=\d+,title=DL3019 /m);
    const all = cli(['check', '--format', 'github', '.'], ws);
    const line = all.stdout.split('\n').find((l) => l.startsWith('::error'));
    assert.equal(
      line,
      '::error file=odd%2Cname%3Ax/Dockerfile,line=1,col=1,endLine=1,endColumn=4,' +
        'title=DF001 unknown-instruction::Unknown instruction: FRUM',
    );
    assert.match(all.stdout, /^shipshape: 1 error, 0 warnings, 2 info, 0 hints in 2 files checked$/m);
  });

  it('--format checkstyle: XML with escaped text', () => {
    const ws = workspace({ 'a&b/Dockerfile': 'FRUM x\n' });
    const r = cli(['check', '--format', 'checkstyle', '.'], ws);
    assert.match(r.stdout, /^<\?xml version="1.0" encoding="utf-8"\?>\n<checkstyle version="4.3">\n/);
    assert.match(r.stdout, /<file name="a&amp;b\/Dockerfile">/);
    assert.match(
      r.stdout,
      /<error line="1" column="1" severity="error" message="Unknown instruction: FRUM" source="shipshape.DF001"\/>/,
    );
  });

  it('--format sarif: the version of package.json, and files not checked as notifications', () => {
    const ws = workspace({ Dockerfile: 'FRUM x\n' });
    spawnSync('mkfifo', [path.join(ws, 'compose.yaml')]);
    const r = cli(['check', '--format', 'sarif', '.'], ws, { timeout: 30_000 });
    const sarif = JSON.parse(r.stdout);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(sarif.runs[0].tool.driver.version, pkg.version);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /compose\.yaml: not checked/);
    assert.equal(r.code, 2);
  });
});

describe('rules and explain', () => {
  const ws = workspace({});
  it('rules lists every rule with its kinds, default severity and fix', () => {
    const r = cli(['rules'], ws);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^CODE\s+NAME\s+KINDS\s+DEFAULT\s+FIX\s+DESCRIPTION$/m);
    assert.match(r.stdout, /^DL3007\s+no-latest-tag\s+dockerfile\s+info\s+suggestion\s+A FROM image/m);
    const json = JSON.parse(cli(['rules', '--format', 'json', '--kind', 'nix'], ws).stdout);
    assert.ok(json.length > 5 && json.every((x: { kinds: string[] }) => x.kinds.includes('nix')));
    const all = JSON.parse(cli(['rules', '--format', 'json'], ws).stdout);
    assert.equal(r.stdout.trim().split('\n').length, all.length + 2, 'a header, a line a rule, a count');
  });
  it('explain prints the rule’s page, by code or name', () => {
    const r = cli(['explain', 'dl3007'], ws);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# DL3007: no-latest-tag\n/);
    assert.match(r.stdout, /## Incorrect/);
    assert.equal(cli(['explain', 'no-latest-tag'], ws).stdout, r.stdout);
    const bad = cli(['explain', 'DL9999'], ws);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no rule "DL9999"/);
  });
  it('--version is package.json’s', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(cli(['--version'], ws).stdout.split('\n')[0], pkg.version);
  });
});

describe('shellcheck', () => {
  const installed = spawnSync('shellcheck', ['--version']).status === 0;
  it('the files wait for its answers once, then the rules that waited report (one thread and workers alike)', {
    skip: !installed && 'shellcheck is not installed',
  }, () => {
    const flow = (n: number) =>
      `on: push\njobs:\n  a${n}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo $1 ${n}\n`;
    const ws = workspace(Object.fromEntries([1, 2, 3].map((n) => [`.github/workflows/w${n}.yml`, flow(n)])));
    for (const jobs of ['1', '2']) {
      const r = cli(['check', '--format', 'json', '-j', jobs, '.'], ws);
      const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { code: string }[] }[];
      assert.equal(files.length, 3);
      // SC2086 (a style note: WF047) on every file's script, found after the wait
      for (const f of files)
        assert.ok(
          f.diagnostics.some((d) => d.code === 'WF047'),
          `${jobs}: ${f.path}`,
        );
    }
  });
});
