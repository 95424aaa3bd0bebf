/** Workflow → task definition (XF001–XF005): table tests with the other files in the workspace. */
import { testRule } from '../helpers/rule-tester';
import { language as workflow } from '../../server/src/languages/workflow';
import { language as taskdef } from '../../server/src/languages/taskdef';
import { rule as taskDefFile } from '../../server/src/links/rules/ecs-task-definition-file';
import { rule as unknownContainer } from '../../server/src/links/rules/ecs-unknown-container';
import { rule as serviceCluster } from '../../server/src/languages/workflow/rules/ecs-service-cluster';
import { rule as waitForStability } from '../../server/src/languages/workflow/rules/ecs-wait-for-stability';
import { rule as workflowContainerName } from '../../server/src/links/rules/workflow-container-name';

const WF = '/ws/.github/workflows/deploy.yml';
const TD = '/ws/ecs/task-definition.json';
const taskDef = (...names: string[]) =>
  JSON.stringify(
    { family: 'web', containerDefinitions: names.map((name) => ({ name, image: 'example/web:1' })) },
    null,
    2,
  ) + '\n';
const render = (taskDefinition: string, container = 'web') =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ` +
  `    - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        id: render\n        ` +
  `with:\n          task-definition: ${taskDefinition}\n          container-name: ` +
  `${container}\n          image: example/web:2\n`;
const deploy = (inputs: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ` +
  `    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ` +
  `task-definition: \${{ steps.render.outputs.task-definition }}\n${inputs}`;

testRule(workflow, taskDefFile, {
  valid: [
    { code: render('ecs/task-definition.json'), path: WF, files: { [TD]: taskDef('web') }, name: 'the file exists' },
    { code: render('./ecs/task-definition.json'), path: WF, files: { [TD]: taskDef('web') }, name: 'a ./ path' },
    { code: render('"ecs/${{ inputs.env }}.json"'), path: WF, name: 'an expression is not checked' },
    {
      code: render('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: '{ "family": "web", "containerDefinitions": [' },
      name: 'a task definition being typed',
    },
    { code: deploy('          service: web\n          cluster: prod\n'), path: WF, name: 'the render output' },
    {
      code: render('ecs/missing.json'),
      path: '/ws/ci/deploy.yml',
      name: 'not under .github/workflows: no repository root',
    },
  ],
  invalid: [
    {
      code: render('ecs/taskdef.json'),
      path: WF,
      files: { [TD]: taskDef('web') },
      errors: [{ messageId: 'missing', line: 9, data: { path: 'ecs/taskdef.json' } }],
    },
    {
      code: render('ecs/settings.json'),
      path: WF,
      files: { '/ws/ecs/settings.json': '{ "debug": true }' },
      errors: [{ messageId: 'notTaskDef', line: 9 }],
    },
    {
      code: render('compose.yaml'),
      path: WF,
      files: { '/ws/compose.yaml': 'services: {}\n' },
      errors: [{ messageId: 'notTaskDef', line: 9 }],
    },
  ],
});

testRule(workflow, unknownContainer, {
  valid: [
    {
      code: render('ecs/task-definition.json', 'web'),
      path: WF,
      files: { [TD]: taskDef('web', 'sidecar') },
      name: 'a container of it',
    },
    {
      code: render('ecs/task-definition.json', 'sidecar'),
      path: WF,
      files: { [TD]: taskDef('web', 'sidecar') },
      name: 'the second container',
    },
    {
      code: render('ecs/task-definition.json', '${{ env.CONTAINER }}'),
      path: WF,
      files: { [TD]: taskDef('web') },
      name: 'an expression',
    },
    { code: render('ecs/task-definition.json', 'api'), path: WF, name: 'the task definition is absent: silent' },
    {
      code: render('ecs/task-definition.json', 'api'),
      path: WF,
      files: { [TD]: taskDef('${CONTAINER_NAME}') },
      name: 'a templated container name',
    },
  ],
  invalid: [
    {
      code: render('ecs/task-definition.json', 'wbe'),
      path: WF,
      files: { [TD]: taskDef('web', 'sidecar') },
      errors: [{ messageId: 'unknownSuggest', line: 10, column: 27, data: { suggestion: 'web' } }],
      output: render('ecs/task-definition.json', 'web'),
    },
    {
      code: render('ecs/task-definition.json', '"frontend"'),
      path: WF,
      files: { [TD]: taskDef('web') },
      errors: [{ messageId: 'unknown', line: 10, data: { names: '"web"' } }],
    },
  ],
});

testRule(workflow, serviceCluster, {
  valid: [
    { code: deploy('          service: web\n          cluster: prod\n'), path: WF },
    { code: deploy(''), path: WF, name: 'register only' },
  ],
  invalid: [
    { code: deploy('          service: web\n'), path: WF, errors: [{ messageId: 'noCluster', line: 9 }] },
    { code: deploy('          cluster: prod\n'), path: WF, errors: [{ messageId: 'noService', line: 9 }] },
  ],
});

testRule(workflow, waitForStability, {
  valid: [
    {
      code: deploy('          service: web\n          cluster: prod\n          wait-for-service-stability: true\n'),
      path: WF,
    },
    { code: deploy('          cluster: prod\n'), path: WF, name: 'nothing deployed' },
  ],
  invalid: [
    {
      code: deploy('          service: web\n          cluster: prod\n'),
      path: WF,
      errors: [{ messageId: 'noWait', line: 9 }],
      output: deploy('          service: web\n          wait-for-service-stability: true\n          cluster: prod\n'),
    },
  ],
});

testRule(taskdef, workflowContainerName, {
  valid: [
    {
      code: taskDef('web'),
      path: TD,
      files: { [WF]: render('ecs/task-definition.json', 'web') },
      name: 'the workflow names a container',
    },
    {
      code: taskDef('web'),
      path: TD,
      files: { [WF]: render('ecs/other.json', 'api') },
      name: 'the workflow renders another file',
    },
    { code: taskDef('web'), path: TD, name: 'no workflow' },
  ],
  invalid: [
    {
      code: taskDef('web-app', 'sidecar'),
      path: TD,
      files: { [WF]: render('ecs/task-definition.json', 'web') },
      errors: [
        {
          messageId: 'renamed',
          line: 5,
          data: { workflow: '.github/workflows/deploy.yml', name: 'web', suggestion: 'web-app' },
        },
      ],
    },
    {
      code: taskDef('api'),
      path: TD,
      files: { [WF]: render('./ecs/task-definition.json', 'frontend') },
      errors: [{ messageId: 'missing', line: 5 }],
    },
  ],
});
