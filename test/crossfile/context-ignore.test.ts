/**
 * The .dockerignore of a build context chosen by compose or a workflow (XF014, XF015, XF025, XF026): table tests with
 * the other files in the workspace.
 */
import { testRule } from '../helpers/rule-tester';
import { language as compose } from '../../server/src/languages/compose';
import { language as workflow } from '../../server/src/languages/workflow';
import { language as dockerfile } from '../../server/src/languages/dockerfile';
import { rule as contextIgnoresCopySource } from '../../server/src/links/rules/context-ignores-copy-source';
import { rule as contextIgnoresDockerfile } from '../../server/src/links/rules/context-ignores-dockerfile';
import { rule as buildContextIgnores } from '../../server/src/links/rules/build-context-ignores-copy-source';
import { rule as copyIgnoredFile } from '../../server/src/links/rules/copy-ignored-file';
import { rule as copyIgnoredByBuildContext } from '../../server/src/links/rules/copy-ignored-by-build-context';

const C = '/ws/compose.yaml';
const WF = '/ws/.github/workflows/ci.yml';
const DF = '/ws/services/api/Dockerfile';
const dockerfileText =
  'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nCOPY ' +
  'services/api/config/app.yaml ./config/\nCOPY --from=builder /out/config ./out\nCOPY ' +
  'services/api/*.js ./\nCOPY services/api/ .\n';
const rootIgnore = { '/ws/.dockerignore': '.git\nservices/*/config\n', [DF]: dockerfileText };
const svc = (build: string) => `services:\n  api:\n${build}`;
const fromRoot = svc('    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n');

testRule(compose, contextIgnoresCopySource, {
  valid: [
    { code: fromRoot, path: C, files: { [DF]: dockerfileText }, name: 'no ignore file' },
    {
      code: fromRoot,
      path: C,
      files: { ...rootIgnore, '/ws/.dockerignore': '.git\nservices/*/config\n!services/api/config/app.yaml\n' },
      name: 're-included',
    },
    {
      code: fromRoot,
      path: C,
      files: { ...rootIgnore, [DF + '.dockerignore']: '.git\n' },
      name: 'a Dockerfile.dockerignore is in force',
    },
    {
      code: svc('    build: services/api\n'),
      path: C,
      files: { ...rootIgnore, '/ws/services/api/.dockerignore': 'config\n' },
      name: "the Dockerfile's folder is the context: DF015's business",
    },
    {
      code: fromRoot,
      path: C,
      files: { ...rootIgnore, '/ws/services/api/.dockerignore': 'services\n' },
      name: 'DF015 already reports it through the ignore file it reads',
    },
    {
      code: svc(
        '    build:\n      context: https://github.com/example/api.git\n      dockerfile: services/api/Dockerfile\n',
      ),
      path: C,
      files: rootIgnore,
      name: 'a remote context',
    },
    { code: svc('    build:\n      context: ${API_DIR}\n'), path: C, files: rootIgnore, name: 'a variable' },
  ],
  invalid: [
    {
      code: fromRoot,
      path: C,
      files: rootIgnore,
      errors: [
        {
          messageId: 'ignored',
          line: 4,
          column: 16,
          data: {
            ignore: '.dockerignore',
            src: 'services/api/config/app.yaml',
            pattern: 'services/*/config',
            dockerfile: 'services/api/Dockerfile',
            line: 4,
            keyword: 'COPY',
          },
        },
      ],
    },
    {
      name: 'the context defaults to the compose folder',
      code: svc('    build:\n      dockerfile: services/api/Dockerfile\n'),
      path: C,
      files: rootIgnore,
      errors: [{ messageId: 'ignored', line: 4, column: 19 }],
    },
    {
      name: 'a context above the Dockerfile, ignore file there',
      code: svc('    build:\n      context: ..\n      dockerfile: ws/services/api/Dockerfile\n'),
      path: C,
      files: {
        '/.dockerignore': 'ws/package.json\n',
        '/ws/services/api/Dockerfile': 'FROM alpine\nCOPY ws/package.json /app/\n',
      },
      errors: [
        { messageId: 'ignored', line: 4, data: { ignore: '../.dockerignore', src: 'ws/package.json', line: 2 } },
      ],
    },
  ],
});

testRule(compose, contextIgnoresDockerfile, {
  valid: [
    {
      code: svc('    build: .\n'),
      path: C,
      files: { '/ws/.dockerignore': '.git\n', '/ws/Dockerfile': 'FROM alpine\n' },
      name: 'not excluded',
    },
    {
      code: svc('    build: .\n'),
      path: C,
      files: { '/ws/.dockerignore': 'Dockerfile\n!Dockerfile\n' },
      name: 're-included',
    },
    {
      code: svc('    build:\n      context: app\n      dockerfile: ../Dockerfile\n'),
      path: C,
      files: { '/ws/app/.dockerignore': '*\n' },
      name: 'the Dockerfile is outside the context',
    },
    {
      code: svc('    build:\n      context: .\n      dockerfile_inline: FROM alpine\n'),
      path: C,
      files: { '/ws/.dockerignore': '*\n' },
      name: 'an inline Dockerfile',
    },
  ],
  invalid: [
    {
      code: svc('    build: .\n'),
      path: C,
      files: { '/ws/.dockerignore': '.git\nDockerfile*\n' },
      errors: [
        {
          messageId: 'excluded',
          line: 3,
          column: 12,
          data: { ignore: '.dockerignore', dockerfile: 'Dockerfile', pattern: 'Dockerfile*' },
        },
      ],
    },
    {
      name: 'in a subfolder of the context, by a pattern that excludes everything',
      code: fromRoot,
      path: C,
      files: { '/ws/.dockerignore': '*\n!src\n' },
      errors: [
        { messageId: 'excluded', line: 5, column: 19, data: { dockerfile: 'services/api/Dockerfile', pattern: '*' } },
      ],
    },
  ],
});

const action = (inputs: string) =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ` +
  `   - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        ` +
  `with:\n${inputs}`;
const runBuild = (cmd: string) =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ` +
  `   - uses: actions/checkout@v4\n      - run: ${cmd}\n`;
const ws = { '/ws/.dockerignore': '.git\nservices/*/config\n', [DF]: dockerfileText };

testRule(workflow, buildContextIgnores, {
  valid: [
    { code: action('          context: services/api\n'), path: WF, files: ws, name: "the Dockerfile's folder" },
    {
      code: runBuild('docker build -f services/api/Dockerfile .'),
      path: WF,
      files: { [DF]: dockerfileText },
      name: 'no ignore file',
    },
    {
      code: runBuild('docker build -f services/api/Dockerfile "$CTX"'),
      path: WF,
      files: ws,
      name: 'a variable context',
    },
    {
      code: action('          context: .\n          file: services/api/Dockerfile\n'),
      path: WF,
      files: { ...ws, [DF + '.dockerignore']: '' },
      name: 'an empty Dockerfile.dockerignore is in force',
    },
  ],
  invalid: [
    {
      code: action('          context: .\n          file: services/api/Dockerfile\n'),
      path: WF,
      files: ws,
      errors: [
        {
          messageId: 'ignored',
          line: 9,
          column: 20,
          data: {
            ignore: '.dockerignore',
            src: 'services/api/config/app.yaml',
            dockerfile: 'services/api/Dockerfile',
            line: 4,
          },
        },
      ],
    },
    {
      name: 'the implicit context of the action: reported on uses',
      code: action('          file: services/api/Dockerfile\n          push: false\n'),
      path: WF,
      files: ws,
      errors: [{ messageId: 'ignored', line: 7, column: 15 }],
    },
    {
      code: runBuild('docker buildx build --file services/api/Dockerfile -t api:1 .'),
      path: WF,
      files: ws,
      errors: [{ messageId: 'ignored', line: 7, column: 74 }],
    },
  ],
});

// DF015 keeps its behaviour: it reads the ignore file beside the Dockerfile only.
testRule(dockerfile, copyIgnoredFile, {
  valid: [
    {
      code: dockerfileText,
      path: DF,
      files: { '/ws/.dockerignore': 'services/*/config\n' },
      name: "the root ignore file is not DF015's",
    },
    {
      code: dockerfileText,
      path: DF,
      files: { '/ws/services/api/.dockerignore': 'package.json\n', [C]: fromRoot },
      name: 'every known build uses another context: the ignore file beside it is not in force',
    },
  ],
  invalid: [
    {
      code: dockerfileText,
      path: DF,
      files: { '/ws/services/api/.dockerignore': 'package.json\n' },
      errors: [{ messageId: 'ignored', line: 3 }],
    },
    {
      code: dockerfileText,
      path: DF,
      files: {
        '/ws/services/api/.dockerignore': 'package.json\n',
        [C]: fromRoot + '  api-dev:\n    build: services/api\n',
      },
      errors: [{ messageId: 'ignored', line: 3 }],
      name: 'one build uses its folder',
    },
  ],
});

testRule(dockerfile, copyIgnoredByBuildContext, {
  valid: [
    {
      code: dockerfileText,
      path: DF,
      files: { '/ws/.dockerignore': rootIgnore['/ws/.dockerignore'] },
      name: 'no build names this Dockerfile',
    },
    {
      code: dockerfileText,
      path: DF,
      files: { ...rootIgnore, [C]: svc('    build: services/api\n') },
      name: "built from its own folder: DF015's business",
    },
    {
      code: dockerfileText,
      path: DF,
      files: { ...rootIgnore, [C]: fromRoot, [DF + '.dockerignore']: '.git\n' },
      name: 'a Dockerfile.dockerignore is in force',
    },
    {
      code: dockerfileText,
      path: DF,
      files: { '/ws/.dockerignore': '.git\n', [C]: fromRoot },
      name: 'nothing excluded',
    },
  ],
  invalid: [
    {
      name: 'a compose service builds it from the repository root',
      code: dockerfileText,
      path: DF,
      files: { ...rootIgnore, [C]: fromRoot },
      errors: [
        {
          messageId: 'ignored',
          line: 4,
          column: 6,
          endColumn: 34,
          data: {
            src: 'services/api/config/app.yaml',
            pattern: 'services/*/config',
            ignore: '../../.dockerignore',
            where: '../../compose.yaml (service api)',
          },
        },
      ],
    },
    {
      name: 'a workflow and a compose service build it from the root: one report',
      code: dockerfileText,
      path: DF,
      files: {
        ...rootIgnore,
        [C]: fromRoot,
        [WF]:
          'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
          '   - uses: docker/build-push-action@v6\n        with:\n          file: ' +
          'services/api/Dockerfile\n',
      },
      errors: [{ messageId: 'ignored', line: 4 }],
    },
    {
      name: 'a workflow builds it with docker build -f',
      code: dockerfileText,
      path: DF,
      files: {
        ...rootIgnore,
        [WF]:
          'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
          '   - run: docker build -f services/api/Dockerfile .\n',
      },
      errors: [{ messageId: 'ignored', line: 4, data: { where: '.github/workflows/ci.yml' } }],
    },
  ],
});
