/**
 * ECS task definition families (XF006–XF008) and XF001's files written by an earlier step: table tests with the other
 * files in the workspace.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRule } from '../helpers/rule-tester';
import { language as workflow } from '../../server/src/languages/workflow';
import { language as taskdef } from '../../server/src/languages/taskdef';
import { rule as taskDefFile } from '../../server/src/links/rules/ecs-task-definition-file';
import { rule as taskDefFamily } from '../../server/src/links/rules/ecs-task-definition-family';
import { rule as twoFamilies } from '../../server/src/links/rules/ecs-service-two-families';
import { rule as familyNamedElsewhere } from '../../server/src/links/rules/family-named-elsewhere';
import { familyOf } from '../../server/src/languages/workflow/families';
import { nearFamily } from '../../server/src/links/families';
import { filesWritten } from '../../server/src/languages/workflow/script';

const WF = '/ws/.github/workflows/deploy.yml';
const WF2 = '/ws/.github/workflows/worker.yml';
const TD = '/ws/ecs/task-definition.json';
const TD2 = '/ws/ecs/worker.json';
const taskDef = (family: string, container = 'web') =>
  JSON.stringify({ family, containerDefinitions: [{ name: container, image: 'example/web:1' }] }, null, 2) + '\n';
const steps = (body: string) => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;
const run = (script: string) => steps(`      - run: ${script}\n`);
const renderFamily = (input: string) =>
  steps(
    `      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n      ` +
      `  with:\n          ${input}\n          container-name: web\n          image: ` +
      `example/web:2\n`,
  );
const deployJob = (job: string, file: string, service: string, extra = '') =>
  `  ${job}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - ` +
  `uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ` +
  `task-definition: ${file}\n          service: ${service}\n          cluster: prod\n`;

describe('families named in workflows', () => {
  it('reads a family from a name, a revision or an ARN', () => {
    assert.equal(familyOf('web'), 'web');
    assert.equal(familyOf('web:12'), 'web');
    assert.equal(familyOf('arn:aws:ecs:eu-west-1:123456789012:task-definition/web-app:3'), 'web-app');
    assert.equal(familyOf('$FAMILY'), undefined);
    assert.equal(familyOf('${{ env.FAMILY }}'), undefined);
    assert.equal(familyOf('file://td.json'), undefined);
  });
  it('suggests only near, unambiguous families', () => {
    assert.equal(nearFamily('web-ap', ['web-app', 'worker']), 'web-app');
    assert.equal(nearFamily('Web-App', ['web-app']), 'web-app');
    assert.equal(nearFamily('web-app', ['web-app']), undefined);
    assert.equal(nearFamily('api-v2', ['api-v1']), undefined, 'digits make distinct families');
    assert.equal(nearFamily('billing', ['web-app']), undefined);
    assert.equal(nearFamily('webb', ['web1', 'web2']), undefined, 'two equally near');
  });
  it('finds the files a script writes', () => {
    const s =
      'aws ecs describe-task-definition --task-definition web --output json ' +
      '> td.json\ncurl -o a.json x | tee -a b.json\ncp c.json d.json; jq . e >f.json 2>&1';
    assert.deepEqual(
      filesWritten(s, 0, s.length).map((w) => w.value),
      ['td.json', 'a.json', 'b.json', 'd.json', 'f.json'],
    );
  });
});

testRule(workflow, taskDefFamily, {
  valid: [
    {
      code: run('aws ecs describe-task-definition --task-definition web --query taskDefinition > task-definition.json'),
      path: WF,
      files: { [TD]: taskDef('web') },
      name: 'the family of a file',
    },
    {
      code: run('aws ecs update-service --cluster prod --service web --task-definition billing:4'),
      path: WF,
      files: { [TD]: taskDef('web') },
      name: 'a family unlike every file (registered elsewhere)',
    },
    {
      code: run('aws ecs update-service --service web --task-definition "$FAMILY"'),
      path: WF,
      files: { [TD]: taskDef('web') },
      name: 'a variable',
    },
    {
      code: run('aws ecs update-service --service web --task-definition ${{ env.FAMILY }}'),
      path: WF,
      files: { [TD]: taskDef('web') },
      name: 'an expression',
    },
    {
      code: run('aws ecs list-task-definitions --family-prefix wbe'),
      path: WF,
      files: { [TD]: taskDef('web') },
      name: 'a prefix is no family',
    },
    {
      code: run('aws ecs describe-task-definition --task-definition wbe'),
      path: WF,
      name: 'no task definition file in the workspace',
    },
    {
      code: renderFamily('task-definition-family: web-app'),
      path: WF,
      files: { [TD]: taskDef('web-app') },
      name: 'render by family',
    },
    {
      code: run('aws ecs run-task --task-definition api-v2'),
      path: WF,
      files: { [TD]: taskDef('api-v1') },
      name: 'another version of a family',
    },
  ],
  invalid: [
    {
      code: run(
        'aws ecs describe-task-definition --task-definition wbe-app --query taskDefinition > task-definition.json',
      ),
      path: WF,
      files: { [TD]: taskDef('web-app') },
      errors: [
        {
          messageId: 'near',
          line: 6,
          column: 65,
          data: {
            name: 'wbe-app',
            suggestion: 'web-app',
            path: 'ecs/task-definition.json',
            via: 'aws ecs describe-task-definition --task-definition',
          },
        },
      ],
      output: run(
        'aws ecs describe-task-definition --task-definition web-app --query taskDefinition > task-definition.json',
      ),
    },
    {
      code: run('aws --region eu-west-1 ecs update-service --cluster prod --service web --task-definition=Web-App:7'),
      path: WF,
      files: { [TD]: taskDef('web-app') },
      errors: [{ messageId: 'near', line: 6, data: { name: 'Web-App' } }],
      output: run('aws --region eu-west-1 ecs update-service --cluster prod --service web --task-definition=web-app:7'),
    },
    {
      code: renderFamily('task-definition-family: "web-ap"'),
      path: WF,
      files: { [TD]: taskDef('web-app') },
      errors: [{ messageId: 'near', line: 8, column: 36, data: { via: 'task-definition-family' } }],
      output: renderFamily('task-definition-family: "web-app"'),
    },
    {
      code: renderFamily('task-definition-arn: arn:aws:ecs:eu-west-1:123456789012:task-definition/web-ap:3'),
      path: WF,
      files: { [TD]: taskDef('web-app') },
      errors: [{ messageId: 'near', line: 8, data: { name: 'web-ap' } }],
      output: renderFamily('task-definition-arn: arn:aws:ecs:eu-west-1:123456789012:task-definition/web-app:3'),
    },
    {
      code: run(
        '|\n          aws ecs register-task-definition \\\n            ' +
          '--family wbe-app --cli-input-json file://td.json',
      ),
      path: WF,
      files: { [TD]: taskDef('web-app') },
      errors: [{ messageId: 'near', line: 8, data: { via: 'aws ecs register-task-definition --family' } }],
      output: run(
        '|\n          aws ecs register-task-definition \\\n            ' +
          '--family web-app --cli-input-json file://td.json',
      ),
    },
  ],
});

testRule(taskdef, familyNamedElsewhere, {
  valid: [
    {
      code: taskDef('web-app'),
      path: TD,
      files: { [WF]: renderFamily('task-definition-family: web-app') },
      name: 'the workflow names this family',
    },
    {
      code: taskDef('web-app'),
      path: TD,
      files: {
        [WF]: renderFamily('task-definition-family: web-ap'),
        '/ws/ecs/task-definition.old.json': taskDef('web-ap'),
      },
      name: 'another file declares the named family',
    },
    {
      code: taskDef('web-app'),
      path: TD,
      files: { [WF]: run('aws ecs run-task --task-definition billing') },
      name: 'a family unlike this one',
    },
    { code: taskDef('web-app'), path: TD, name: 'no workflow' },
  ],
  invalid: [
    {
      code: taskDef('web-app'),
      path: TD,
      files: { [WF]: run('aws ecs describe-task-definition --task-definition wbe-app > td.json') },
      errors: [
        {
          messageId: 'near',
          line: 2,
          column: 14,
          data: { workflow: '.github/workflows/deploy.yml', name: 'wbe-app', family: 'web-app' },
        },
      ],
    },
  ],
});

testRule(workflow, twoFamilies, {
  valid: [
    {
      code:
        `on: ` +
        `push\njobs:\n${deployJob('web', 'ecs/task-definition.json', 'web')}${deployJob('worker', 'ecs/worker.json', 'worker')}`,
      path: WF,
      files: { [TD]: taskDef('web'), [TD2]: taskDef('worker') },
      name: 'two services',
    },
    {
      code: `on: push\njobs:\n${deployJob('web', 'ecs/task-definition.json', 'web')}`,
      path: WF,
      files: {
        [TD]: taskDef('web'),
        [WF2]: `on: push\njobs:\n${deployJob('again', 'ecs/task-definition.json', 'web')}`,
      },
      name: 'the same family twice',
    },
    {
      code:
        `on: ` +
        `push\njobs:\n${deployJob('staging', 'ecs/task-definition.json', 'web', '    environment: staging\n')}${deployJob('prod', 'ecs/worker.json', 'web', '    environment: production\n')}`,
      path: WF,
      files: { [TD]: taskDef('web'), [TD2]: taskDef('worker') },
      name: 'different environments (accounts)',
    },
    {
      code:
        `on: ` +
        `push\njobs:\n${deployJob('web', 'ecs/task-definition.json', '${{ vars.SERVICE }}')}${deployJob('worker', 'ecs/worker.json', '${{ vars.SERVICE }}')}`,
      path: WF,
      files: { [TD]: taskDef('web'), [TD2]: taskDef('worker') },
      name: 'an expression',
    },
  ],
  invalid: [
    {
      code:
        `on: ` +
        `push\njobs:\n${deployJob('web', 'ecs/task-definition.json', 'web')}${deployJob('worker', 'ecs/worker.json', 'web')}`,
      path: WF,
      files: { [TD]: taskDef('web'), [TD2]: taskDef('worker') },
      errors: [
        {
          messageId: 'twoFamilies',
          line: 9,
          column: 20,
          data: { service: 'web', cluster: 'prod', family: 'web', other: 'job "worker"', otherFamily: 'worker' },
        },
        { messageId: 'twoFamilies', line: 17, data: { family: 'worker', other: 'job "web"', otherFamily: 'web' } },
      ],
    },
    {
      name: 'through the render step, against another workflow',
      code: steps(
        '      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n      ' +
          '  id: render\n        with:\n          task-definition: ecs/task-definition.json\n        ' +
          '  container-name: web\n          image: example/web:2\n      - uses: ' +
          'aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
          'task-definition: ${{ steps.render.outputs.task-definition }}\n          service: web\n',
      ),
      path: WF,
      files: {
        [TD]: taskDef('web'),
        [TD2]: taskDef('worker'),
        [WF2]:
          `on: ` +
          `push\njobs:\n${deployJob('w', 'ecs/worker.json', 'web').replace('          cluster: prod\n', '          cluster: default\n')}`,
      },
      errors: [
        {
          messageId: 'twoFamilies',
          line: 15,
          data: { cluster: 'default', other: '.github/workflows/worker.yml', otherFamily: 'worker' },
        },
      ],
    },
  ],
});

testRule(workflow, taskDefFile, {
  valid: [
    {
      code: steps(
        '      - run: aws ecs describe-task-definition --task-definition web ' +
          '--query taskDefinition > task-definition.json\n      - uses: ' +
          'aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
          'task-definition: task-definition.json\n          container-name: web\n          image: ' +
          'example/web:2\n',
      ),
      path: WF,
      name: 'written by an earlier step',
    },
    {
      code: steps(
        '      - run: |\n          aws ecs describe-task-definition ' +
          '--task-definition web \\\n            --query taskDefinition | tee ecs/td.json\n        ' +
          'working-directory: .\n      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n    ' +
          '    with:\n          task-definition: ./ecs/td.json\n          container-name: web\n      ' +
          '    image: example/web:2\n',
      ),
      path: WF,
      name: 'tee, a ./ path',
    },
  ],
  invalid: [
    {
      name: 'written by a later step',
      code: steps(
        '      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n      ' +
          '  with:\n          task-definition: task-definition.json\n          container-name: web\n ' +
          '         image: example/web:2\n      - run: aws ecs describe-task-definition ' +
          '--task-definition web > task-definition.json\n',
      ),
      path: WF,
      errors: [{ messageId: 'missing', line: 8 }],
    },
    {
      name: 'another file written',
      code: steps(
        '      - run: aws ecs describe-task-definition --task-definition web > ' +
          'td.json\n      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n  ' +
          '        task-definition: task-definition.json\n          container-name: web\n          ' +
          'image: example/web:2\n',
      ),
      path: WF,
      errors: [{ messageId: 'missing', line: 9 }],
    },
  ],
});
