/** Workflow → Dockerfile (XF010–XF013): build-push-action inputs and `docker build` in `run:`. */
import { testRule } from '../helpers/rule-tester';
import { language as workflow } from '../../server/src/languages/workflow';
import { language as dockerfile } from '../../server/src/languages/dockerfile';
import { rule as buildFiles } from '../../server/src/links/rules/docker-build-files';
import { rule as buildTarget } from '../../server/src/links/rules/docker-build-target';
import { rule as buildArgs } from '../../server/src/links/rules/docker-build-args';
import { rule as stageTargeted } from '../../server/src/links/rules/stage-targeted-elsewhere';
import { rule as composeBuildArg } from '../../server/src/links/rules/build-arg-undeclared';
import { language as compose } from '../../server/src/languages/compose';

const WF = '/ws/.github/workflows/release.yml';
const DOCKERFILE =
  'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION} AS build\nARG ' +
  'BUILD_ID\nRUN npm ci\nFROM node:${NODE_VERSION}-slim AS production\nEXPOSE 8080\n';
const action = (inputs: string) =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ` +
  `   - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        ` +
  `with:\n${inputs}`;
const run = (script: string) =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ` +
  `   - uses: actions/checkout@v4\n      - run: ${script}\n`;
const ws = (extra: Record<string, string> = {}) => ({
  '/ws/app/Dockerfile': DOCKERFILE,
  '/ws/Dockerfile': DOCKERFILE,
  ...extra,
});

testRule(workflow, buildFiles, {
  valid: [
    { code: action('          context: app\n          file: app/Dockerfile\n'), path: WF, files: ws() },
    { code: action('          context: app\n'), path: WF, files: ws(), name: 'the default Dockerfile of the context' },
    { code: action('          push: true\n'), path: WF, files: ws(), name: 'the Git context' },
    { code: action('          context: ${{ matrix.dir }}\n'), path: WF, files: ws(), name: 'an expression' },
    { code: run('docker build -f app/Dockerfile --target production app'), path: WF, files: ws() },
    { code: run('docker build -t x:1 - < Dockerfile'), path: WF, files: ws(), name: 'context from stdin' },
    {
      code: action('          context: app\n          file: app/Dockerfile.missing\n'),
      path: '/elsewhere/release.yml',
      name: 'not in a repository',
    },
    {
      code: action('          context: .\n'),
      path: WF,
      files: { '/ws/README.md': 'x' },
      name: 'the default Dockerfile is not named: silent',
    },
    {
      code: run('docker build -t ${{ env.IMAGE }}:latest .'),
      path: WF,
      files: ws(),
      name: 'an expression with spaces in a tag',
    },
  ],
  invalid: [
    {
      code: action('          context: app\n          file: Dockerfile.prod\n'),
      path: WF,
      files: ws(),
      errors: [{ messageId: 'noDockerfile', line: 10, data: { path: 'Dockerfile.prod', hint: '' } }],
    },
    {
      code: action('          context: services/api\n'),
      path: WF,
      files: ws(),
      errors: [{ messageId: 'noContext', line: 9 }],
    },
    {
      code: action('          context: app\n          file: ./Dockerfile.dev\n'),
      path: WF,
      files: ws({ '/ws/app/Dockerfile.dev': 'FROM alpine:3.20\n' }),
      name: 'file relative to the context',
      errors: [
        {
          messageId: 'noDockerfile',
          line: 10,
          data: {
            hint: ' (the path is relative to the working directory, not to the context: write app/Dockerfile.dev)',
          },
        },
      ],
    },
    {
      code: run('docker build -f docker/Dockerfile .'),
      path: WF,
      files: ws(),
      errors: [{ messageId: 'noDockerfile', line: 7 }],
    },
    {
      code: run('docker build . --file Dockerfile.ci --tag my-image:$(date +%s)'),
      path: WF,
      files: ws(),
      name: 'a $( ) word is one word',
      errors: [{ messageId: 'noDockerfile', line: 7, column: 36 }],
    },
  ],
});

testRule(workflow, buildTarget, {
  valid: [
    { code: action('          context: app\n          target: production\n'), path: WF, files: ws() },
    { code: action('          target: Build\n'), path: WF, files: ws(), name: 'stage names are case-insensitive' },
    { code: action('          target: prod\n'), path: WF, name: 'no Dockerfile in the workspace: silent' },
    { code: run('docker buildx build --target=production -f app/Dockerfile app'), path: WF, files: ws() },
  ],
  invalid: [
    {
      code: action('          context: app\n          target: prod\n'),
      path: WF,
      files: ws(),
      errors: [{ messageId: 'unknownSuggest', line: 10, column: 19, data: { suggestion: 'production' } }],
      output: action('          context: app\n          target: production\n'),
    },
    {
      code: run('docker build -f app/Dockerfile --target test app'),
      path: WF,
      files: ws(),
      errors: [{ messageId: 'unknown', line: 7, data: { stages: 'stages: build, production' } }],
    },
    {
      code: run('|\n          docker build \\\n            --target=runtime \\\n            .'),
      path: WF,
      files: ws(),
      errors: [{ messageId: 'unknown', line: 9 }],
    },
    {
      name: 'the demo: target runtime, the final stage has no name: name it so in the Dockerfile',
      code: action('          context: .\n          target: runtime\n'),
      path: WF,
      files: { '/ws/Dockerfile': 'FROM node:22 AS build\nFROM node:22-slim\nCMD ["node", "a.js"]\n' },
      errors: [{ messageId: 'unknown', line: 10, data: { stages: 'stages: build' } }],
      otherOutput: { '/ws/Dockerfile': 'FROM node:22 AS build\nFROM node:22-slim AS runtime\nCMD ["node", "a.js"]\n' },
    },
  ],
});

testRule(workflow, buildArgs, {
  valid: [
    {
      code: action('          build-args: |\n            NODE_VERSION=22\n            BUILD_ID=${{ github.run_id }}\n'),
      path: WF,
      files: ws(),
    },
    {
      code: action('          build-args: HTTP_PROXY=http://proxy:3128\n'),
      path: WF,
      files: ws(),
      name: 'a predefined argument',
    },
    { code: run('docker build --build-arg BUILD_ID=1 .'), path: WF, files: ws() },
  ],
  invalid: [
    {
      code: action('          build-args: |\n            NODE_VERSON=22\n            COMMIT=abc\n'),
      path: WF,
      files: ws(),
      errors: [
        { messageId: 'undeclaredSuggest', line: 10, column: 13, data: { suggestion: 'NODE_VERSION' } },
        { messageId: 'undeclared', line: 11 },
      ],
      output: action('          build-args: |\n            NODE_VERSION=22\n            COMMIT=abc\n'),
    },
    {
      code: run('docker build --build-arg COMMIT=1 .'),
      path: WF,
      files: ws(),
      errors: [{ messageId: 'undeclared', line: 7, column: 39 }],
    },
  ],
});

testRule(dockerfile, stageTargeted, {
  valid: [
    { code: DOCKERFILE, path: '/ws/Dockerfile', files: { [WF]: action('          target: production\n') } },
    {
      code: DOCKERFILE,
      path: '/ws/Dockerfile',
      files: { [WF]: action('          context: app\n          target: prod\n') },
      name: 'the workflow builds another Dockerfile',
    },
    { code: DOCKERFILE, path: '/ws/Dockerfile', name: 'no workflow' },
    {
      code: DOCKERFILE,
      path: '/ws/Dockerfile',
      files: { '/ws/compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: PRODUCTION\n' },
      name: 'a compose target, stage names ignore case',
    },
  ],
  invalid: [
    {
      code: DOCKERFILE.replace('AS production', 'AS prod'),
      path: '/ws/Dockerfile',
      files: { [WF]: action('          target: production\n') },
      errors: [
        {
          messageId: 'renamed',
          line: 5,
          column: 35,
          data: { where: '.github/workflows/release.yml', suggestion: 'prod' },
        },
      ],
      otherOutput: { [WF]: action('          target: prod\n') },
    },
    {
      code: DOCKERFILE,
      path: '/ws/app/Dockerfile',
      files: { [WF]: run('docker build --target test app') },
      errors: [{ messageId: 'missing', line: 5 }],
    },
    {
      name: 'the final stage has no name: name it so',
      code: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim  \nCMD ["node", "a.js"]\n',
      path: '/ws/Dockerfile',
      files: { [WF]: action('          target: runtime\n') },
      errors: [{ messageId: 'missing', line: 3 }],
      output: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim AS runtime  \nCMD ["node", "a.js"]\n',
    },
    {
      name: 'a run: script target, lowercase from: a renamed stage, or the final stage named so',
      code: 'from node:22 as builder\nfrom node:22-slim\n',
      path: '/ws/Dockerfile',
      files: { [WF]: run('docker build --target build .') },
      apply: 1,
      errors: [{ messageId: 'renamed', line: 1, data: { suggestion: 'builder' } }],
      output: 'from node:22 as builder\nfrom node:22-slim as build\n',
    },
    {
      name: 'the first suggestion changes the script',
      code: 'from node:22 as builder\nfrom node:22-slim\n',
      path: '/ws/Dockerfile',
      files: { [WF]: run('docker build --target=build .') },
      errors: [{ messageId: 'renamed', line: 1, data: { suggestion: 'builder' } }],
      otherOutput: { [WF]: run('docker build --target=builder .') },
    },
    {
      code: DOCKERFILE.replace('AS production', 'AS prod'),
      path: '/ws/Dockerfile',
      name: 'a compose service targets the old name',
      files: {
        '/ws/compose.yaml':
          'services:\n  web:\n    build:\n      context: .\n      target: ' +
          'production\n  api:\n    build:\n      context: ./api\n      target: production\n',
      },
      errors: [
        {
          messageId: 'renamed',
          line: 5,
          column: 35,
          data: { where: 'compose.yaml (service web)', target: 'production', suggestion: 'prod' },
        },
      ],
      otherOutput: {
        '/ws/compose.yaml':
          'services:\n  web:\n    build:\n      context: .\n      target: ' +
          'prod\n  api:\n    build:\n      context: ./api\n      target: production\n',
      },
    },
  ],
});

testRule(compose, composeBuildArg, {
  valid: [
    {
      code:
        'services:\n  app:\n    build:\n      context: .\n      args:\n        ' +
        'NODE_VERSION: "22"\n        HTTP_PROXY: http://proxy:3128\n',
      path: '/ws/compose.yaml',
      files: ws(),
      name: 'declared, and a predefined one',
    },
    {
      code:
        'services:\n  app:\n    build:\n      context: .\n      args:\n        ' +
        '- NODE_VERSION=22\n        - BUILD_ID\n',
      path: '/ws/compose.yaml',
      files: ws(),
      name: 'the list form',
    },
    {
      code: 'services:\n  app:\n    build:\n      context: ./missing\n      args:\n        NOPE: "1"\n',
      path: '/ws/compose.yaml',
      files: ws(),
      name: 'no Dockerfile there',
    },
    {
      code:
        'services:\n  app:\n    build:\n      context: .\n      ' +
        'dockerfile_inline: FROM alpine\n      args:\n        NOPE: "1"\n',
      path: '/ws/compose.yaml',
      files: ws(),
      name: 'an inline Dockerfile',
    },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NODE_VERSON: "22"\n',
      path: '/ws/compose.yaml',
      files: ws(),
      errors: [
        {
          messageId: 'undeclaredSuggest',
          line: 6,
          column: 9,
          endColumn: 20,
          data: { name: 'NODE_VERSON', path: 'Dockerfile', suggestion: 'NODE_VERSION' },
        },
      ],
      output: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NODE_VERSION: "22"\n',
    },
    {
      code: 'services:\n  app:\n    build:\n      context: app\n      args:\n        - "COMMIT=abc"\n',
      path: '/ws/compose.yaml',
      files: ws(),
      errors: [
        {
          messageId: 'undeclared',
          line: 6,
          column: 12,
          endColumn: 18,
          data: { name: 'COMMIT', path: 'app/Dockerfile' },
        },
      ],
    },
  ],
});
