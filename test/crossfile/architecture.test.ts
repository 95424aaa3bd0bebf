/** Architecture: runner / buildx platforms / FROM --platform vs runtimePlatform.cpuArchitecture (XF040). */
import { testRule } from '../helpers/rule-tester';
import { language as taskdef } from '../../server/src/languages/taskdef';
import { rule as imageArchitecture } from '../../server/src/links/rules/image-architecture';

const TD = '/ws/ecs/task-definition.json';
const WF = '/ws/.github/workflows/deploy.yml';
const workflow = (runsOn: string, platforms?: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ${runsOn}\n    steps:\n      ` +
  `- uses: docker/build-push-action@v6\n        with:\n          tags: ` +
  `example/web:1\n${platforms ? `          platforms: ${platforms}\n` : ''}      - uses: ` +
  `aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ` +
  `task-definition: ecs/task-definition.json\n          container-name: web\n          ` +
  `image: example/web:1\n`;
const taskDef = (arch?: string) =>
  JSON.stringify(
    {
      family: 'web',
      ...(arch ? { runtimePlatform: { cpuArchitecture: arch, operatingSystemFamily: 'LINUX' } } : {}),
      containerDefinitions: [{ name: 'web', image: 'example/web:1' }],
    },
    null,
    2,
  ) + '\n';
const ws = (wf: string, df = 'FROM node:22-slim\nCMD ["node", "server.js"]\n') => ({ [WF]: wf, '/ws/Dockerfile': df });

testRule(taskdef, imageArchitecture, {
  valid: [
    { code: taskDef('ARM64'), path: TD, files: ws(workflow('ubuntu-24.04-arm')) },
    {
      code: taskDef('ARM64'),
      path: TD,
      files: ws(workflow('ubuntu-latest', 'linux/amd64,linux/arm64')),
      name: 'multi-platform',
    },
    { code: taskDef(), path: TD, files: ws(workflow('ubuntu-latest')), name: 'default X86_64 on an x86 runner' },
    { code: taskDef('ARM64'), path: TD, files: ws(workflow('self-hosted')), name: 'self-hosted: unknown' },
    {
      code: taskDef('ARM64'),
      path: TD,
      files: ws(workflow('ubuntu-latest', '${{ env.PLATFORMS }}')),
      name: 'platforms from an expression',
    },
    { code: taskDef('ARM64'), path: TD, files: { [WF]: workflow('ubuntu-latest') }, name: 'no Dockerfile: no link' },
  ],
  invalid: [
    {
      code: taskDef('ARM64'),
      path: TD,
      files: ws(workflow('ubuntu-latest')),
      errors: [{ messageId: 'mismatch', line: 4, data: { built: 'amd64' } }],
    },
    {
      code: taskDef(),
      path: TD,
      files: ws(workflow('ubuntu-latest', 'linux/arm64')),
      errors: [
        {
          messageId: 'mismatch',
          line: 5,
          data: { arch: 'X86_64 (the default)', built: 'arm64', why: 'platforms: linux/arm64' },
        },
      ],
    },
    {
      code: taskDef('X86_64'),
      path: TD,
      files: ws(workflow('ubuntu-latest'), 'FROM --platform=linux/arm64 node:22-slim\n'),
      errors: [{ messageId: 'mismatch', data: { why: 'FROM --platform=linux/arm64' } }],
    },
  ],
});
