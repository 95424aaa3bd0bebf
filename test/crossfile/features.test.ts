/** Cross-file editor features for workflows (crossfile/features.ts), through the service's parse and workspace. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryService } from '../helpers/context';
import { crossFileCompletions, crossFileDefinition } from '../../server/src/languages/crossfile/features';
import { LineIndex } from '../../server/src/text/lines';
import { parseWorkflow } from '../../server/src/languages/workflow/parse';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { createOnce } from '../../server/src/engine/once';

const WF = '/ws/.github/workflows/deploy.yml';
const TD = '/ws/ecs/task-definition.json';
const workflow =
  'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
  '    - uses: docker/build-push-action@v6\n        with:\n          target: production\n    ' +
  '      build-args: |\n            NODE_VERSION=22\n      - uses: ' +
  'aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
  'task-definition: ecs/task-definition.json\n          container-name: web\n          ' +
  'image: example/web:1\n';
const files = {
  [WF]: workflow,
  [TD]:
    '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": ' +
    '"web", "image": "x" },\n    { "name": "sidecar", "image": "y" }\n  ]\n}\n',
  '/ws/Dockerfile':
    'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION} AS build\nFROM node:${NODE_VERSION}-slim AS production\n',
};

function ctx() {
  const service = memoryService(files);
  return {
    path: WF,
    kind: 'workflow' as const,
    text: workflow,
    lines: new LineIndex(workflow),
    model: parseWorkflow(workflow),
    workspace: service.workspace,
    settings: DEFAULT_SETTINGS,
    once: createOnce(),
  };
}
const at = (needle: string, delta = 1) => workflow.indexOf(needle) + delta;

test(
  'go to definition: container-name → the container, target → the stage, ' + 'build arg → the ARG, path → the file',
  () => {
    const c = ctx();
    const toContainer = crossFileDefinition(c, at('container-name: web', 17));
    const pos = (s: { path: string; start: number }) => c.workspace.get(s.path)!.lines.position(s.start);
    assert.equal(toContainer[0].path, TD);
    assert.equal(pos(toContainer[0]).line, 3);
    const toStage = crossFileDefinition(c, at('production'));
    assert.deepEqual([toStage[0].path, pos(toStage[0]).line], ['/ws/Dockerfile', 2]);
    const toArg = crossFileDefinition(c, at('NODE_VERSION=22'));
    assert.deepEqual([pos(toArg[0]).line, pos(toArg[0]).character], [0, 4]);
    assert.equal(crossFileDefinition(c, at('ecs/task-definition.json'))[0].path, TD);
    assert.deepEqual(crossFileDefinition(c, at('runs-on')), []);
  },
);

test('completions: container names, stage names, build args from the other file', () => {
  const c = ctx();
  assert.deepEqual(
    crossFileCompletions(c, at('container-name: web', 17)).map((i) => i.label),
    ['web', 'sidecar'],
  );
  assert.deepEqual(
    crossFileCompletions(c, at('production')).map((i) => i.label),
    ['build', 'production'],
  );
  assert.deepEqual(
    crossFileCompletions(c, at('NODE_VERSION=22')).map((i) => i.label),
    ['NODE_VERSION'],
  );
  assert.deepEqual(crossFileCompletions(c, at('image: example')), []);
});
