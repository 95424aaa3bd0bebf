/** The workflow schema generated from @actions/workflow-parser's `workflow-v1.0.json`, and what the walk takes from it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/context';
import { parseWorkflow } from '../../server/src/languages/workflow/parse';
import { availabilityOf, def, EVENTS, NO_CONTEXT, PERMISSION_SCOPES } from '../../server/src/languages/workflow/schema';

test('workflow-schema.json is what the generator makes from the installed @actions/workflow-parser', () => {
  try {
    execFileSync(process.execPath, [resolve(REPO_ROOT, 'scripts/gen-workflow-schema.mjs'), '--check'], {
      stdio: 'pipe',
    });
  } catch (e: any) {
    assert.fail(`${e.stderr}`);
  }
});

test('tables derived from the schema', () => {
  assert.deepEqual(EVENTS.workflow_run.types, ['requested', 'completed', 'in_progress']);
  assert.deepEqual(EVENTS.push.keys, ['branches', 'branches-ignore', 'tags', 'tags-ignore', 'paths', 'paths-ignore']);
  assert.equal(EVENTS.push.types, undefined);
  assert.deepEqual(PERMISSION_SCOPES['id-token'], ['write', 'none']);
  const stepIf = availabilityOf(NO_CONTEXT, def('step-if'));
  assert.ok(stepIf.contexts.includes('steps') && !stepIf.contexts.includes('secrets'));
  assert.deepEqual(stepIf.functions.get('failure'), { min: 0, max: 0 });
  assert.deepEqual(availabilityOf(NO_CONTEXT, def('job-if')).functions.get('failure'), { min: 0, max: Infinity });
});

function issues(text: string) {
  return parseWorkflow(text).schemaIssues.map((i) => `${i.kind} ${i.section}`);
}

test("GitHub's newer syntax is known: background steps, wait/cancel/parallel, service entrypoint", () => {
  const text =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:16\n' +
    '        entrypoint: /bin/sh\n        command: -c true\n    steps:\n      - id: srv\n        run: ./serve\n' +
    '        background: true\n      - wait: srv\n      - parallel:\n          - run: a\n          - run: b\n' +
    '      - cancel: srv\n      - wait-all:\n';
  assert.deepEqual(issues(text), []);
  const m = parseWorkflow(text);
  assert.deepEqual(
    m.jobs[0].steps.map((s) => s.run?.value ?? '-'),
    ['./serve', '-', 'a', 'b', '-', '-'],
  );
});

test('contexts come from the schema: none in a workflow-level shell, matrix in a job-level one', () => {
  const wf = parseWorkflow(
    'on: push\ndefaults:\n  run:\n    shell: ${{ github.x }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n' +
      '    steps: [{ run: x }]\n',
  );
  assert.deepEqual(
    wf.schemaIssues.map((i) => i.kind),
    ['expression-not-allowed'],
  );
  const job = parseWorkflow(
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy: { matrix: { sh: [bash] } }\n' +
      '    defaults:\n      run:\n        shell: ${{ matrix.sh }}\n    steps: [{ run: x }]\n',
  );
  assert.deepEqual(job.schemaIssues, []);
  assert.ok(job.expressions[0].av.contexts.includes('matrix'));
});

test('a step or job form is chosen by its keys; `uses` decides', () => {
  assert.deepEqual(
    issues('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: a/b@v1\n        run: x\n'),
    ['conflict jobs.a.steps[0]'],
  );
  assert.deepEqual(issues('on: push\njobs:\n  a:\n    uses: o/r/.github/workflows/w.yml@v1\n    runs-on: x\n'), [
    'conflict jobs.a',
  ]);
  assert.deepEqual(issues('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: x\n'), [
    'missing-key jobs.a.steps[0]',
  ]);
});

test('keys are compared case-insensitively, empty strings and bare mappings are refused', () => {
  assert.deepEqual(
    issues('on: push\nenv:\n  A: 1\n  a: 2\njobs:\n  b:\n    runs-on: ""\n    env:\n    steps: [{ run: x }]\n'),
    ['duplicate-key env', 'empty jobs.b.runs-on', 'type jobs.b.env'],
  );
});

test('a missing key is reported at the key that holds the mapping', () => {
  const text =
    'on: push\nconcurrency:\n  cancel-in-progress: true\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n';
  const [i] = parseWorkflow(text).schemaIssues;
  assert.equal(text.slice(i.start, i.end), 'concurrency');
});
