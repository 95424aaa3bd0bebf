import { test } from 'node:test';
import assert from 'node:assert/strict';
import { language } from '../../server/src/languages/workflow';
import { LineIndex } from '../../server/src/text/lines';
import { memoryWorkspace } from './lint';
import type { WorkspaceIndex } from '../../server/src/engine/types';
import { createOnce } from '../../server/src/engine/once';

/** Builds a feature context; `|` in the text marks the cursor. */
function at(textWithCursor: string, workspace: WorkspaceIndex = memoryWorkspace()) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const ctx = {
    path: '/repo/.github/workflows/ci.yml',
    kind: 'workflow' as const,
    text,
    lines: new LineIndex(text),
    model: language.parse(text, '/repo/.github/workflows/ci.yml'),
    workspace,
    settings: { rules: {}, workflow: { selfHostedRunnerLabels: ['gpu-box'] } },
    once: createOnce(),
  };
  return { ctx, offset };
}
const labels = (src: string, ws?: WorkspaceIndex) => {
  const { ctx, offset } = at(src, ws);
  return language.complete!(ctx, offset).map((c) => c.label);
};
const hoverText = (src: string) => {
  const { ctx, offset } = at(src);
  const h = language.hover!(ctx, offset);
  return h?.markdown;
};

test('completes top-level, job and step keys without the ones already there', () => {
  const top = labels('on: push\n|\njobs: {}\n');
  assert.ok(top.includes('permissions') && top.includes('env'));
  assert.ok(!top.includes('on') && !top.includes('jobs'));
  const jobKeys = labels('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    |\n');
  assert.ok(jobKeys.includes('steps') && jobKeys.includes('needs') && !jobKeys.includes('runs-on'));
  const stepKeys = labels(
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v7\n        |\n',
  );
  assert.ok(stepKeys.includes('with') && stepKeys.includes('if') && !stepKeys.includes('uses'));
});

test('completes events, runner labels, needs and action references', () => {
  assert.ok(labels('on:\n  pu|\n').includes('pull_request'));
  const runners = labels('on: push\njobs:\n  a:\n    runs-on: ubu|\n');
  assert.ok(runners.includes('ubuntu-latest') && runners.includes('gpu-box'));
  assert.deepEqual(
    labels('on: push\njobs:\n  a:\n    runs-on: x\n    steps: []\n  b:\n    needs: |\n    runs-on: x\n'),
    ['a'],
  );
  assert.ok(labels('on: push\njobs:\n  a:\n    steps:\n      - uses: act|\n').includes('actions/checkout@v7'));
});

test('completes with: inputs of the action, required first, catalog and local', () => {
  const { ctx, offset } = at(
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ' +
      'aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          |\n',
  );
  const items = language.complete!(ctx, offset).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.equal(items[0].label, 'task-definition');
  const ws = memoryWorkspace({
    '/repo/act/action.yml':
      'inputs:\n  who: { required: true }\n  greeting: { default: hi }\nruns: { using: composite, steps: [] }\n',
  });
  assert.deepEqual(
    labels(
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./act\n        with:\n          |\n',
      ws,
    ).sort(),
    ['greeting', 'who'],
  );
});

test('completes the inputs of a called local workflow, required first', () => {
  const ws = memoryWorkspace({
    '/repo/.github/workflows/deploy.yml':
      'on:\n  workflow_call:\n    inputs:\n      region: { type: string }\n  ' +
      '    env: { type: string, required: true }\njobs: {}\n',
  });
  const { ctx, offset } = at(
    'on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      |\n',
    ws,
  );
  const items = language.complete!(ctx, offset).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.deepEqual(
    items.map((i) => i.label),
    ['env', 'region'],
  );
});

test('completes expression contexts, properties and functions', () => {
  const top = labels('on: push\njobs:\n  a:\n    runs-on: x\n    if: ${{ |\n');
  assert.ok(top.includes('needs') && top.includes('always') && !top.includes('steps'));
  const steps = labels(
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - id: ' +
      'build\n        run: make\n      - run: echo ${{ steps.| }}\n',
  );
  assert.deepEqual(steps, ['build']);
  const outputs = labels(
    'on: push\njobs:\n  a:\n    runs-on: x\n    outputs:\n      v: x\n     ' +
      ' w: y\n    steps: []\n  b:\n    needs: a\n    runs-on: x\n    steps:\n      - run: echo ' +
      '${{ needs.a.outputs.| }}\n',
  );
  assert.deepEqual(outputs.sort(), ['v', 'w']);
  assert.ok(
    labels('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.| }}\n').includes('sha'),
  );
  const matrix = labels(
    'on: push\njobs:\n  a:\n    runs-on: x\n    strategy:\n      matrix:\n ' +
      '       os: [a]\n        node: [1]\n    steps:\n      - run: echo ${{ matrix.| }}\n',
  );
  assert.deepEqual(matrix.sort(), ['node', 'os']);
});

test('hovers: keys, actions, inputs, contexts, functions, cron', () => {
  assert.match(hoverText('on: push\njobs:\n  a:\n    runs-o|n: x\n') ?? '', /runner/);
  assert.match(
    hoverText('on: push\njobs:\n  a:\n    steps:\n      - uses: actions/check|out@v4\n') ?? '',
    /recommended version `v7`/,
  );
  assert.match(
    hoverText(
      'on: push\njobs:\n  a:\n    steps:\n      - uses: ' +
        'actions/setup-node@v4\n        with:\n          node-ver|sion: 20\n',
    ) ?? '',
    /optional/,
  );
  assert.match(
    hoverText('on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ git|hub.sha }}\n') ?? '',
    /github\*\* context/,
  );
  assert.match(
    hoverText("on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ format|('{0}', 1) }}\n") ?? '',
    /format\(string/,
  );
  assert.equal(
    hoverText("on:\n  schedule:\n    - cron: '30 4 * * 1|-5'\n"),
    'Runs at 04:30 UTC on Monday, Tuesday, Wednesday, Thursday, Friday.',
  );
});

test('symbols list jobs with their steps; definition goes from needs to the job and to local actions', () => {
  const { ctx } = at(
    'on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - name: ' +
      'Compile\n        run: make\n  deploy:\n    needs: build\n    runs-on: x\n    steps:\n     ' +
      ' - uses: ./act\n|',
  );
  const syms = language.symbols!(ctx);
  const jobs = syms.filter((s) => s.kind === 'class');
  assert.deepEqual(
    jobs.map((s) => s.name),
    ['build', 'deploy'],
  );
  assert.deepEqual(
    jobs[0].children?.map((c) => c.name),
    ['Compile'],
  );
  const needsAt = ctx.text.indexOf('needs: build') + 8;
  const def = language.definition!(ctx, needsAt);
  assert.equal(ctx.lines.position(def[0].start).line, 2);
  const ws = memoryWorkspace({ '/repo/act/action.yml': 'runs: { using: composite, steps: [] }\n' });
  const ctx2 = { ...ctx, workspace: ws };
  const local = language.definition!(ctx2, ctx.text.indexOf('./act') + 2);
  assert.equal(local[0].path, '/repo/act/action.yml');
});

test('hovers: event names under on:, in each of its forms', () => {
  assert.match(
    hoverText('on: pu|sh\njobs: {}\n') ?? '',
    /\*\*push\*\* event — A commit or tag is pushed[\s\S]*`tags-ignore`/,
  );
  assert.match(hoverText('on: [push, pull_request_tar|get]\njobs: {}\n') ?? '', /base branch, with secrets/);
  const issues = hoverText('on:\n  iss|ues:\n    types: [opened]\njobs: {}\n') ?? '';
  assert.match(issues, /An issue is opened or changed/);
  assert.match(issues, /Activity types \(`types:`\): `opened`, `edited`/);
  // An unknown event gets no hover (the events rule reports it).
  assert.equal(hoverText('on: pussh|\njobs: {}\n'), undefined);
});
