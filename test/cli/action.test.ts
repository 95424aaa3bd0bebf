/**
 * The GitHub Action (action.yml + `shipshape github-action`) under a fake GITHUB_* environment, and
 * the pre-commit hook (.pre-commit-hooks.yaml) run as pre-commit runs it, on a fixture.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/context';
import { CLI, cli } from './helpers';

const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'pre-commit');

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-action-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** GITHUB_OUTPUT's `name=value` and `name<<EOF` lines. */
function outputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].split('=')[1];
  }
  return out;
}

/** Runs the action's Check step as the runner would: its env with the inputs, in the checkout. */
function runAction(inputs: Record<string, string>) {
  const ws = copyFixture();
  const outFile = path.join(ws, '..', `${path.basename(ws)}.out`);
  const summary = path.join(ws, '..', `${path.basename(ws)}.md`);
  fs.writeFileSync(outFile, '');
  const step = action.runs.steps.find((s: { id?: string }) => s.id === 'check');
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.env as Record<string, string>)) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)![1];
    env[name] = inputs[input] ?? action.inputs[input].default ?? '';
  }
  const r = cli(['github-action'], ws, {
    env: {
      ...env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: outFile,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ACTION_PATH: REPO_ROOT,
    },
  });
  const text = fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '';
  return { ...r, ws, outputs: outputs(outFile), summary: text };
}

/** The action's last step: it ends the job with the check's exit code. */
function resultStep(exitCode: string | undefined): number | null {
  const step = action.runs.steps.at(-1);
  return spawnSync('bash', ['-c', step.run], { env: { ...process.env, EXIT_CODE: exitCode ?? '' } }).status;
}

describe('GitHub Action', () => {
  it('action.yml passes every input to the entry point, which runs the bundled CLI', () => {
    assert.equal(action.runs.using, 'composite');
    const step = action.runs.steps.find((s: { id?: string }) => s.id === 'check');
    assert.match(step.run, /node "\$GITHUB_ACTION_PATH\/dist\/cli\.js" github-action/);
    for (const name of Object.keys(action.inputs))
      assert.equal(step.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`, name);
    const upload = action.runs.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith('github/codeql-action/upload-sarif'),
    );
    assert.ok(upload, 'uploads SARIF with codeql-action');
    assert.equal(upload.with.sarif_file, '${{ steps.check.outputs.sarif-file }}');
  });

  it('annotates, writes SARIF, outputs and a job summary, and fails the job after the upload', () => {
    const r = runAction({ 'upload-sarif': 'true' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^::error file=Dockerfile,line=2,col=1,endLine=2,endColumn=4,title=DF001 /m);
    assert.match(r.stdout, /^::error file=ecs\/web\.json,line=4,/m);
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(r.outputs.errors, '2');
    assert.equal(r.outputs['sarif-file'], 'shipshape.sarif');
    const sarif = JSON.parse(fs.readFileSync(path.join(r.ws, 'shipshape.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'DF001'));
    assert.match(r.summary, /^## Shipshape failed\n/);
    assert.match(r.summary, /\| error \| `DF001` \| Dockerfile:2 \| Unknown instruction: FRUM \|/);
    assert.equal(resultStep(r.outputs['exit-code']), 1);
  });

  it('honours fail-level, paths and args; no SARIF unless asked', () => {
    const r = runAction({ 'fail-level': 'none', paths: 'deploy\n.github', args: '--no-ignore' });
    assert.equal(r.outputs['exit-code'], '0');
    assert.equal(r.outputs['sarif-file'], undefined);
    assert.ok(!fs.existsSync(path.join(r.ws, 'shipshape.sarif')));
    assert.doesNotMatch(r.stdout, /Dockerfile/);
    assert.match(r.stdout, /^::notice file=\.github\/workflows\/ci\.yml,/m);
    assert.equal(resultStep(r.outputs['exit-code']), 0);
    assert.equal(resultStep(undefined), 2, 'a check that never ran fails the job');
  });

  it('a usage mistake in the inputs fails the step itself', () => {
    const r = runAction({ format: 'xml' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format "xml"/);
  });
});

describe('pre-commit hook', () => {
  const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks.find((h: { id: string }) => h.id === 'shipshape');

  it('is a node hook whose entry is the package bin', () => {
    assert.equal(hook.language, 'node');
    assert.match(hook.entry, /^shipshape check\b/);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.bin.shipshape, './dist/cli.js');
  });

  it('runs on the staged infrastructure files of a fixture and fails on its error', () => {
    const ws = copyFixture();
    const all: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(path.join(ws, d), { withFileTypes: true }))
        if (e.isDirectory()) walk(path.posix.join(d, e.name));
        else all.push(path.posix.join(d, e.name));
    };
    walk('');
    // pre-commit matches `files` (a Python regex; ours is also valid in JavaScript) with re.search
    const files = all.filter((f) => new RegExp(hook.files).test(f)).sort();
    assert.deepEqual(files, [
      '.github/workflows/ci.yml',
      'Dockerfile',
      'deploy/compose.yaml',
      'ecs/web.json',
      'package.json',
    ]);
    const [, ...entryArgs] = hook.entry.split(' ');
    const r = spawnSync(process.execPath, [CLI, ...entryArgs, ...(hook.args ?? []), ...files], {
      cwd: ws,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^Dockerfile:2:1: error Unknown instruction: FRUM \[DF001\]$/m);
    assert.match(r.stdout, /in 3 files of 5 checked/);
    // fixed, it passes
    fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM alpine:3.20\n');
    fs.writeFileSync(
      path.join(ws, 'ecs/web.json'),
      '{ "family": "web", "memory": "512", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }] }\n',
    );
    const ok = spawnSync(process.execPath, [CLI, ...entryArgs, ...files], { cwd: ws, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout);
  });
});
