/**
 * The security checks across files (XF050-XF052): table tests with the other files of the workspace, and the
 * `security:` group of `.shipshape.yaml` turning them off.
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { testRule } from '../helpers/rule-tester';
import { maskVariables, sameImage } from '../../server/src/text/image-ref';
import { maskExpressions } from '../../server/src/text/script-map';
import { memoryService } from '../helpers/context';
import { language as dockerfile } from '../../server/src/languages/dockerfile';
import { language as compose } from '../../server/src/languages/compose';
import { language as taskdef } from '../../server/src/languages/taskdef';
import { language as workflow } from '../../server/src/languages/workflow';
import { rule as moreThanCompose } from '../../server/src/links/rules/more-privileged-than-compose';
import { rule as moreThanEcs } from '../../server/src/links/rules/more-privileged-than-ecs';
import { rule as contextCredentials } from '../../server/src/links/rules/context-credentials-copied';
import { rule as pushedCredentials } from '../../server/src/links/rules/pushed-image-credentials';

const DF = '/ws/Dockerfile';
const ENV = 'DATABASE_URL=postgres://app:s3cret@db/app\n';
const copyAll = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

testRule(dockerfile, contextCredentials, {
  valid: [
    { code: copyAll, path: DF, name: 'no credential file in the context' },
    { code: copyAll, path: DF, files: { '/ws/.env': ENV, '/ws/.dockerignore': '.env\n' }, name: '.env excluded' },
    {
      code: copyAll,
      path: DF,
      files: { '/ws/.env': ENV, '/ws/.dockerignore': '**/.env*\n' },
      name: 'excluded by a wider pattern',
    },
    {
      code: copyAll,
      path: DF,
      files: { '/ws/.env': ENV, '/ws/.dockerignore': '*\n!server.js\n!package.json\n' },
      name: 'an allow-list ignore file',
    },
    {
      code: copyAll,
      path: DF,
      files: { '/ws/.env': ENV, '/ws/Dockerfile.dockerignore': '.env\n', '/ws/.dockerignore': '.git\n' },
      name: 'the Dockerfile.dockerignore is in force and excludes it',
    },
    { code: copyAll, path: DF, files: { '/ws/.env.example': 'DATABASE_URL=\n' }, name: 'an example env file' },
    {
      code: copyAll,
      path: DF,
      files: { '/ws/.npmrc': 'registry=https://registry.npmjs.org/\n' },
      name: 'an .npmrc without a token',
    },
    {
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json server.js ./\n',
      path: DF,
      files: { '/ws/.env': ENV },
      name: 'named files only',
    },
    {
      code: 'FROM node:22-slim\nCOPY src/ /app/src/\n',
      path: DF,
      files: { '/ws/.env': ENV },
      name: 'a folder without the credential file',
    },
    {
      code: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      path: DF,
      files: { '/ws/.env': ENV },
      name: 'a build stage that is not in the image',
    },
    {
      code: copyAll,
      path: '/ws/services/api/Dockerfile',
      files: {
        '/ws/services/api/.env': ENV,
        '/ws/compose.yaml':
          'services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n',
      },
      name: 'compose builds it from the root, where there is no .env',
    },
    {
      code: 'FROM alpine:3.20\nCOPY .env /app/.env\n',
      path: DF,
      files: { '/ws/.env': ENV },
      name: 'a COPY that names the file: DF307 reports it',
    },
  ],
  invalid: [
    {
      code: copyAll,
      path: DF,
      files: { '/ws/.env': ENV },
      name: 'no .dockerignore, an .env beside the Dockerfile',
      errors: [{ messageId: 'letIn', line: 3, column: 6, endColumn: 7 }],
      otherOutput: { '/ws/.dockerignore': '.env\n' },
    },
    {
      code: copyAll,
      path: DF,
      files: { '/ws/.env': ENV, '/ws/id_rsa': 'KEY', '/ws/.dockerignore': 'node_modules\n.git' },
      name: 'an ignore file that forgets them',
      errors: [{ messageId: 'letIn', line: 3 }],
      otherOutput: { '/ws/.dockerignore': 'node_modules\n.git\n.env\nid_rsa\n' },
    },
    {
      code: copyAll,
      path: DF,
      files: { '/ws/.env': ENV, '/ws/.dockerignore': '.env\n!.env\n' },
      name: 're-included',
      errors: [{ messageId: 'letIn', line: 3 }],
      otherOutput: { '/ws/.dockerignore': '.env\n!.env\n.env\n' },
    },
    {
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY ./app ./app\n',
      path: DF,
      files: { '/ws/app/.npmrc': '//registry.npmjs.org/:_authToken=npm_abc\n', '/ws/.dockerignore': '*.pyc\n' },
      name: 'a folder with a token file in it',
      errors: [{ messageId: 'letIn', line: 3 }],
      otherOutput: { '/ws/.dockerignore': '*.pyc\napp/.npmrc\n' },
    },
    {
      code: 'FROM node:22 AS base\nWORKDIR /app\nCOPY . .\n\nFROM base\nCMD ["node", "server.js"]\n',
      path: DF,
      files: { '/ws/.aws/credentials': '[default]\naws_secret_access_key=x\n' },
      name: 'a stage the final one builds on',
      errors: [{ messageId: 'letIn', line: 3 }],
      otherOutput: { '/ws/.dockerignore': '.aws/credentials\n' },
    },
    {
      code: copyAll,
      path: '/ws/services/api/Dockerfile',
      files: {
        '/ws/.env': ENV,
        '/ws/compose.yaml':
          'services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n',
      },
      name: 'compose builds it from the root, where the .env is',
      errors: [{ messageId: 'letIn', line: 3 }],
      otherOutput: { '/ws/.dockerignore': '.env\n' },
    },
  ],
});

describe('security: off turns the checks across files off', () => {
  const files = { '/ws/.env': ENV, [DF]: copyAll };
  const codes = (extra: Record<string, string>, path: string, kind: 'dockerfile') => {
    const service = memoryService({ ...files, ...extra });
    const text = { ...files, ...extra }[path]!;
    return service
      .validate({ path, text, kind }, service.settingsFor(path), { trusted: true })
      .findings.map((f) => f.code);
  };
  it('XF050', () => {
    assert.ok(codes({}, DF, 'dockerfile').includes('XF050'));
    assert.ok(!codes({ '/ws/.shipshape.yaml': 'security: off\n' }, DF, 'dockerfile').includes('XF050'));
  });
});

const WF = '/ws/.github/workflows/image.yml';
const job = (steps: string) =>
  'on:\n  push:\n    branches: [main]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n' +
  `      - uses: actions/checkout@v4\n${steps}`;
const action = (inputs: string) => `      - uses: docker/build-push-action@v6\n        with:\n${inputs}`;
const KEYED =
  'FROM node:22-slim\nWORKDIR /app\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:acme/x.git\n';
const CLEAN = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n';

testRule(workflow, pushedCredentials, {
  valid: [
    {
      code: job(action('          push: true\n          tags: ghcr.io/acme/web:1\n')),
      path: WF,
      files: { [DF]: CLEAN },
    },
    {
      code: job(action('          push: false\n          load: true\n          tags: acme/web:test\n')),
      path: WF,
      files: { [DF]: KEYED },
      name: 'built for tests, not pushed',
    },
    {
      code: job('      - run: docker build -t acme/web:test .\n      - run: docker run --rm acme/web:test npm test\n'),
      path: WF,
      files: { [DF]: KEYED },
      name: 'docker build without a push',
    },
    {
      code: job('      - run: docker build -t acme/web:1 .\n      - run: docker push acme/api:1\n'),
      path: WF,
      files: { [DF]: KEYED },
      name: 'another image is pushed',
    },
    {
      code: job(action('          push: true\n          target: runtime\n          tags: ghcr.io/acme/web:1\n')),
      path: WF,
      files: {
        [DF]: 'FROM node:22 AS build\nCOPY .npmrc ./\nRUN npm ci\n\nFROM node:22-slim AS runtime\nCOPY --from=build /app /app\n',
      },
      name: 'the credential is in a stage the pushed one does not build on',
    },
    {
      code: job(action('          push: true\n          tags: ghcr.io/acme/web:1\n')),
      path: WF,
      files: { [DF]: 'FROM node:22\nCOPY .npmrc ./\nRUN npm ci\n', '/ws/.npmrc': 'registry=https://npm.acme.dev/\n' },
      name: 'an .npmrc without a token',
    },
  ],
  invalid: [
    {
      code: job(action('          push: true\n          tags: ghcr.io/acme/web:1\n')),
      path: WF,
      files: { [DF]: KEYED },
      name: 'build-push-action pushes, no file input: reported at uses',
      errors: [{ messageId: 'pushed', line: 9, data: { dockerfile: 'Dockerfile', line: 3, src: 'id_rsa' } }],
    },
    {
      code: job(
        action(
          "          file: docker/web.Dockerfile\n          push: ${{ github.event_name != 'pull_request' }}\n" +
            '          tags: ghcr.io/acme/web:1\n',
        ),
      ),
      path: WF,
      files: { '/ws/docker/web.Dockerfile': 'FROM alpine:3.20\nCOPY .env /app/\nCOPY certs/server.key /etc/ssl/\n' },
      name: 'pushed on some events, two copies',
      errors: [{ messageId: 'pushed', line: 11, data: { dockerfile: 'docker/web.Dockerfile', src: '.env' } }],
    },
    {
      code: job('      - run: |\n          docker build -t acme/web:1 .\n          docker push acme/web:1\n'),
      path: WF,
      files: { [DF]: KEYED },
      name: 'docker build then docker push of its tag',
      errors: [{ messageId: 'pushed', line: 10 }],
    },
    {
      code: job('      - run: docker buildx build --push -t "$IMAGE" -f Dockerfile .\n'),
      path: WF,
      files: { [DF]: KEYED },
      name: 'buildx --push',
      errors: [{ messageId: 'pushed', line: 9 }],
    },
    {
      code: job('      - run: docker build -t "$REGISTRY/web:$TAG" .\n      - run: docker push "$REGISTRY/web:$TAG"\n'),
      path: WF,
      files: { [DF]: KEYED },
      name: 'tags given by variables',
      errors: [{ messageId: 'pushed', line: 9 }],
    },
    {
      code: job(action('          outputs: type=registry\n          tags: ghcr.io/acme/web:1\n')),
      path: WF,
      files: { [DF]: 'FROM node:22\nCOPY .npmrc ./\nRUN npm ci\n', '/ws/.npmrc': '//npm.acme.dev/:_authToken=abc\n' },
      name: 'outputs type=registry, an .npmrc with a token',
      errors: [{ messageId: 'pushed', line: 9 }],
    },
  ],
});

describe('security: off turns XF051 off', () => {
  it('XF051', () => {
    const code = job(action('          push: true\n          tags: ghcr.io/acme/web:1\n'));
    const run = (extra: Record<string, string>) => {
      const service = memoryService({ [DF]: KEYED, [WF]: code, ...extra });
      return service
        .validate({ path: WF, text: code, kind: 'workflow' }, service.settingsFor(WF), { trusted: true })
        .findings.map((f) => f.code);
    };
    assert.ok(run({}).includes('XF051'));
    assert.ok(!run({ '/ws/.shipshape.yaml': 'security: off\n' }).includes('XF051'));
  });
});

const C = '/ws/compose.yaml';
const TD = '/ws/ecs/task-definition.json';
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const web = (extra = '', image = '${REGISTRY}/web:${TAG}') => `services:\n  web:\n    image: ${image}\n${extra}`;
const taskDef = (container: Record<string, unknown>, task: Record<string, unknown> = {}) =>
  `${JSON.stringify(
    { family: 'web', ...task, containerDefinitions: [{ name: 'web', image: `${ECR}/web:latest`, ...container }] },
    null,
    2,
  )}\n`;

testRule(compose, moreThanEcs, {
  valid: [
    { code: web('    user: "1000"\n'), path: C, files: { [TD]: taskDef({ user: '1000' }) }, name: 'the same' },
    { code: web('    user: root\n'), path: C, files: { [TD]: taskDef({}) }, name: 'the task sets no user' },
    {
      code: web('    privileged: true\n', 'ghcr.io/acme/web:1'),
      path: C,
      files: { [TD]: taskDef({}) },
      name: 'two literal registries: two images',
    },
    {
      code: web('    privileged: true\n', 'acme/${APP}:1'),
      path: C,
      files: { [TD]: taskDef({}) },
      name: 'a variable repository',
    },
    {
      code: web('    privileged: true\n', 'api:1'),
      path: C,
      files: { [TD]: taskDef({}) },
      name: 'another repository',
    },
    {
      code: web('    cap_add: [SYS_ADMIN]\n'),
      path: C,
      files: { [TD]: taskDef({ privileged: true }) },
      name: 'the other side is privileged',
    },
    {
      code: web('    cap_add: [NET_BIND_SERVICE]\n'),
      path: C,
      files: { [TD]: taskDef({}) },
      name: "a capability in Docker's defaults",
    },
    {
      code: web('    privileged: true\n'),
      path: C,
      files: { '/ws/compose.prod.yaml': web() },
      name: 'two compose files may differ on purpose',
    },
    {
      code: web(),
      path: C,
      files: { [TD]: taskDef({ privileged: true, user: '0' }, { networkMode: 'host' }) },
      name: 'the task definition is the more privileged: reported there',
    },
  ],
  invalid: [
    {
      code: web('    user: root\n'),
      path: C,
      files: { [TD]: taskDef({ user: '1000' }) },
      name: 'root here, a user there (variable registry against ECR)',
      errors: [
        { messageId: 'more', line: 4, data: { other: 'container "web" of ecs/task-definition.json', repo: 'web' } },
      ],
    },
    {
      code: web(
        '    privileged: true\n    network_mode: host\n    pid: host\n    cap_add:\n      - SYS_PTRACE\n',
        'web:dev',
      ),
      path: C,
      files: { [TD]: taskDef({}) },
      name: 'a local name: privileged, host network and PID, a capability',
      errors: [
        { messageId: 'more', line: 4 },
        { messageId: 'more', line: 5 },
        { messageId: 'more', line: 6 },
        { messageId: 'more', line: 8 },
      ],
    },
    {
      code: web(),
      path: C,
      files: { [TD]: taskDef({ readonlyRootFilesystem: true }) },
      name: 'writable here, read-only there: at the image',
      errors: [{ messageId: 'more', line: 3 }],
    },
  ],
});

testRule(taskdef, moreThanCompose, {
  valid: [
    { code: taskDef({ user: '1000' }), path: TD, files: { [C]: web('    user: "1000"\n') }, name: 'the same' },
    {
      code: taskDef({}),
      path: TD,
      files: { [C]: web('    privileged: true\n') },
      name: 'compose is the more privileged',
    },
    {
      code: taskDef({ privileged: true }),
      path: TD,
      files: { '/ws/ecs/other.json': taskDef({}) },
      name: 'two task definitions',
    },
  ],
  invalid: [
    {
      code: taskDef(
        { privileged: true, user: '0', linuxParameters: { capabilities: { add: ['SYS_ADMIN'] } } },
        { pidMode: 'host' },
      ),
      path: TD,
      files: { [C]: web('    user: app\n    read_only: true\n') },
      name: 'privileged, root, a capability, host PID, writable',
      errors: [
        { messageId: 'more', line: 3, data: { other: 'service "web" of ../compose.yaml' } },
        { messageId: 'more', line: 7 },
        { messageId: 'more', line: 8 },
        { messageId: 'more', line: 9 },
        { messageId: 'more', line: 13 },
      ],
    },
  ],
});

describe('security: off turns XF052 off', () => {
  it('XF052', () => {
    const code = web('    privileged: true\n');
    const run = (extra: Record<string, string>) => {
      const service = memoryService({ [TD]: taskDef({}), [C]: code, ...extra });
      return service
        .validate({ path: C, text: code, kind: 'compose' }, service.settingsFor(C), { trusted: true })
        .findings.map((f) => f.code);
    };
    assert.ok(run({}).includes('XF052'));
    assert.ok(!run({ '/ws/.shipshape.yaml': 'security: off\n' }).includes('XF052'));
  });
});

describe('sameImage: what "the same image" means across files', () => {
  const same: [string, string][] = [
    ['${REGISTRY}/web:${TAG}', `${ECR}/web:latest`],
    ['web:dev', `${ECR}/web:1.4`],
    ['nginx', 'docker.io/library/nginx:1.27'],
    ['ghcr.io/acme/web:1', 'GHCR.io/acme/web@sha256:abc'],
    ['${{ vars.REGISTRY }}/acme/web', 'ghcr.io/acme/web:2'],
    ['localhost:5000/web', 'web'],
  ];
  const different: [string, string][] = [
    ['ghcr.io/acme/web:1', 'quay.io/acme/web:1'],
    ['${REGISTRY}/web', `${ECR}/team/web:1`],
    ['acme/${APP}:1', 'acme/web:1'],
    ['<IMAGE>', 'web'],
    ['web', 'api'],
  ];
  for (const [a, b] of same) it(`${a} = ${b}`, () => assert.ok(sameImage(a, b) && sameImage(b, a)));
  for (const [a, b] of different) it(`${a} ≠ ${b}`, () => assert.ok(!sameImage(a, b) && !sameImage(b, a)));
});

test('maskVariables keeps offsets and masks ${{ }} and ${ }, also after an unclosed one', () => {
  assert.equal(maskVariables('a${{ x }}b${Y}c', '$'), 'a$$$$$$$$b$$$$c');
  assert.equal(maskVariables('${{ a ${B}', '.'), '..........');
  assert.equal(maskVariables('${{ a }} ${b', '.'), '........ ${b');
  assert.equal(maskVariables('$x ${', '.'), '$x ${');
});

test('maskExpressions hides each ${{ }} (line breaks kept) and leaves an unclosed one as it is', () => {
  assert.equal(maskExpressions('echo ${{ a }} x'), 'echo ________ x');
  assert.equal(maskExpressions('a ${{ b\n }}c ${{ d'), 'a _____\n___c ${{ d');
  assert.equal(maskExpressions('${{a}}${{b}}'), '____________');
  assert.equal(maskExpressions('no expression'), 'no expression');
});
