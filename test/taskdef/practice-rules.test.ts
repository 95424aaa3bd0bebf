import { testRule } from '../helpers/rule-tester';
import { language, rule, F, E, J } from './util';
import { linked, memoryService } from '../helpers/context';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule as td300 } from '../../server/src/links/rules/taskdef-image-latest-tag';

const WF = '/ws/.github/workflows/deploy.yml';
/** A deploy job whose render step names /ws/ecs/task-definition.json, the tester's task definition. */
const render = (container: string, image: string, id = 'render') =>
  'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
  `      - id: ${id}\n        uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n` +
  `          task-definition: ecs/task-definition.json\n          container-name: ${container}\n` +
  `          image: ${image}\n`;
const twoContainers = (a: string, b: string) =>
  J({
    family: 'web',
    containerDefinitions: [
      { name: 'web', image: a, essential: true, memory: 512 },
      { name: 'sidecar', image: b, essential: false, memory: 128 },
    ],
  }) + '\n';

testRule(linked('taskdef'), td300, {
  valid: [
    F(),
    F({}, { image: 'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }),
    F({}, { image: '${ECR_REGISTRY}/myapp:${IMAGE_TAG}' }),
    F({}, { image: '${IMAGE}' }),
    F({}, { image: 'localhost:5000/app:2.1' }),
    {
      name: 'a workflow renders this task definition with the image it built for this container',
      code: F({}, { image: 'nginx:latest' }),
      files: { [WF]: render('app', '${{ steps.build.outputs.image }}') },
    },
    {
      name: "a second render takes the first one's output (the usual way for several containers)",
      code: twoContainers('app:latest', 'sidecar:latest'),
      files: {
        [WF]:
          render('web', 'example/web:${{ github.sha }}', 'render-web') +
          '      - id: render-sidecar\n        uses: aws-actions/amazon-ecs-render-task-definition@v1\n' +
          '        with:\n          task-definition: ${{ steps.render-web.outputs.task-definition }}\n' +
          '          container-name: sidecar\n          image: example/sidecar:${{ github.sha }}\n',
      },
    },
    {
      name: 'container-name by an expression, and the task has one container',
      code: F({}, { image: 'nginx:latest' }),
      files: { [WF]: render('${{ env.CONTAINER }}', 'example/web:${{ github.sha }}') },
    },
  ],
  invalid: [
    { code: F({}, { image: 'nginx:latest' }), errors: [{ messageId: 'latest' }] },
    { code: F({}, { image: 'nginx' }), errors: [{ messageId: 'untagged' }] },
    {
      name: 'a registry port is not a tag',
      code: F({}, { image: 'localhost:5000/app' }),
      errors: [{ messageId: 'untagged' }],
    },
    {
      name: 'the workflow renders another container',
      code: twoContainers('app:latest', 'sidecar:1.2'),
      files: { [WF]: render('sidecar', 'example/sidecar:${{ github.sha }}') },
      errors: [{ messageId: 'latest', data: { image: 'app:latest' } }],
    },
    {
      name: 'the render writes latest itself',
      code: F({}, { image: 'nginx:latest' }),
      files: { [WF]: render('app', 'example/web:latest') },
      errors: [{ messageId: 'latest' }],
    },
    {
      name: 'the workflow renders another task definition',
      code: F({}, { image: 'nginx:latest' }),
      files: { [WF]: render('app', '${{ steps.build.outputs.image }}').replace('task-definition.json', 'other.json') },
      errors: [{ messageId: 'latest' }],
    },
  ],
});

const envFix = (env: object[], secrets: string) =>
  F({}, { environment: env }).replace(/("environment": \[[\s\S]*?\n {6}\])/, `$1,\n      "secrets": ${secrets}`);
testRule(language, rule('TD301'), {
  valid: [
    F(
      {},
      {
        environment: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'DB_PASSWORD_FILE', value: '/run/secrets/db' },
          { name: 'TOKEN_TTL', value: '3600' },
          { name: 'ENABLE_AUTH_TOKEN', value: 'true' },
          { name: 'DATABASE_URL', value: 'postgres://db.internal:5432/app' },
        ],
      },
    ),
  ],
  invalid: [
    {
      code: F(
        {},
        {
          environment: [
            { name: 'NODE_ENV', value: 'production' },
            { name: 'DB_PASSWORD', value: 'hunter2' },
          ],
        },
      ),
      errors: [{ messageId: 'secret', data: { name: 'DB_PASSWORD' } }],
      acceptSnippets: true,
      output: envFix(
        [{ name: 'NODE_ENV', value: 'production' }],
        '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:" }]',
      ),
    },
    {
      name: 'a URL with a password',
      code: F(
        {},
        {
          environment: [{ name: 'DATABASE_URL', value: 'postgres://app:s3cret@db.internal:5432/app' }],
          secrets: [{ name: 'X', valueFrom: 'x' }],
        },
      ),
      errors: [{ messageId: 'secret', data: { reason: 'its value looks like a URL with a password' } }],
      acceptSnippets: true,
      output: F({}, { environment: [], secrets: [{ name: 'X', valueFrom: 'x' }] }).replace(
        /("valueFrom": "x"\n {8}\})/,
        '$1, { "name": "DATABASE_URL", "valueFrom": ' + '"arn:aws:secretsmanager:us-east-1:123456789012:secret:" }',
      ),
    },
    {
      name: 'an AWS key by its value',
      code: F({}, { environment: [{ name: 'KEY', value: 'AKIAIOSFODNN7EXAMPLE' }], secrets: [] }),
      errors: [{ messageId: 'secret', data: { reason: 'its value looks like an AWS access key id' } }],
      acceptSnippets: true,
      output: F({}, { environment: [], secrets: [] }).replace(
        '"secrets": []',
        '"secrets": [{ "name": "KEY", "valueFrom": ' + '"arn:aws:secretsmanager:us-east-1:123456789012:secret:" }]',
      ),
    },
  ],
});

const logs = {
  logDriver: 'awslogs',
  options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
};
testRule(language, rule('TD302'), {
  valid: [F({}, { logConfiguration: logs })],
  invalid: [
    {
      code: F(),
      errors: [{ messageId: 'missing', data: { name: 'app' } }],
      acceptSnippets: true,
      output: F().replace(
        /("containerPort": 80\n {8}\}\n {6}\])/,
        `$1,\n      "logConfiguration": { "logDriver": "awslogs", "options": { ` +
          `"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" ` +
          `} }`,
      ),
    },
  ],
});

testRule(language, rule('TD303'), {
  valid: [
    F({}, { healthCheck: { command: ['CMD', 'true'] } }),
    F({}, { healthCheck: { command: ['CMD', 'true'] } }, [
      { name: 'sidecar', image: 'busybox:1.36', essential: false },
    ]),
  ],
  invalid: [{ code: F(), errors: [{ messageId: 'missing' }] }],
});

testRule(language, rule('TD304'), {
  valid: [
    F({}, { readonlyRootFilesystem: true }),
    F({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } }),
  ],
  invalid: [
    {
      code: F(),
      errors: [{ messageId: 'notSet' }],
      output: F().replace(/("containerPort": 80\n {8}\}\n {6}\])/, '$1,\n      "readonlyRootFilesystem": true'),
    },
    {
      code: F({}, { readonlyRootFilesystem: false }),
      errors: [{ messageId: 'notSet' }],
      output: F({}, { readonlyRootFilesystem: true }),
    },
  ],
});

testRule(language, rule('TD305'), {
  valid: [
    F({}, { user: '1000' }),
    F({}, { user: 'node' }),
    F({}, { user: '${APP_UID}' }),
    // an explicit root is TD405's (security group), not reported twice
    F({}, { user: 'root' }),
    F({}, { user: '0:0' }),
    E({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' } }),
  ],
  invalid: [{ code: F(), errors: [{ messageId: 'unset' }] }],
});

testRule(language, rule('TD306'), {
  valid: [
    F({ tags: [{ key: 'team', value: 'a' }] }),
    {
      name: 'tags beside the describe wrapper',
      code: J({ taskDefinition: JSON.parse(F()), tags: [{ key: 'team', value: 'a' }] }),
    },
  ],
  invalid: [
    {
      code: F(),
      errors: [{ messageId: 'missing', line: 2 }],
      acceptSnippets: true,
      output: F().replace(/\n\}$/, ',\n  "tags": [{ "key": "team", "value": "" }]\n}'),
    },
    {
      code: F({ tags: [] }),
      errors: [{ messageId: 'missing' }],
      acceptSnippets: true,
      output: F({ tags: [] }).replace('"tags": []', '"tags": [{ "key": "team", "value": "" }]'),
    },
  ],
});

test('TD303–TD306 are hints: a plain task definition gets no info findings from the practices it lacks', () => {
  const svc = memoryService({ '/ws/ecs/task-definition.json': F() });
  const path = '/ws/ecs/task-definition.json';
  const found = svc
    .validate({ path, text: F(), kind: 'taskdef' }, svc.settingsFor(path, {}), { trusted: true })
    .findings.filter((f) => /^TD30[3-6]$/.test(f.code));
  assert.deepEqual(
    found.map((f) => `${f.code} ${f.severity}`),
    ['TD306 hint', 'TD303 hint', 'TD304 hint', 'TD305 hint'],
  );
});

test('a fix never writes a placeholder word: what the file does not know is a snippet tab stop, with no fallback', () => {
  const text = J({
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:1.27',
        environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
      },
      { name: 'sidecar', image: 'busybox:1.37', essential: false },
    ],
  });
  const path = '/ws/ecs/task-definition.json';
  const svc = memoryService({ [path]: text });
  const rules = { TD210: 'warning', TD212: 'warning', TD301: 'warning', TD302: 'warning', TD306: 'warning' } as const;
  const found = svc.validate({ path, text, kind: 'taskdef' }, svc.settingsFor(path, { rules }), {
    trusted: true,
  }).findings;
  const fixed = found.filter((f) => f.code in rules && f.fix);
  assert.deepEqual([...new Set(fixed.map((f) => f.code))].sort(), Object.keys(rules));
  for (const f of fixed) {
    const fix = f.fix!;
    assert.equal(fix.snippet, true, `${f.code}: the file names no region or account, so a snippet`);
    assert.equal(fix.fallback, undefined, `${f.code}: no plain text without a placeholder`);
    assert.match(fix.edits[0].newText, /\$\{?1/, `${f.code}: the first edit holds the tab stops`);
    for (const e of fix.edits) assert.doesNotMatch(e.newText, /<[A-Z_]+>/, `${f.code}: ${e.newText}`);
  }
  // With the region and account in the file (an ECR image), the region and role fixes are plain text.
  const ecr = text.replace('"nginx:1.27"', '"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1"');
  const plain = svc
    .validate({ path, text: ecr, kind: 'taskdef' }, svc.settingsFor(path, { rules }), { trusted: true })
    .findings.filter((f) => ['TD210', 'TD212', 'TD302'].includes(f.code));
  assert.deepEqual(
    plain.map((f) => `${f.code} ${f.fix?.snippet ?? false}`),
    ['TD210 false', 'TD212 false', 'TD302 false'],
  );
  const texts = plain.map((f) => f.fix!.edits.map((e) => e.newText).join());
  assert.match(texts[0], /"awslogs-region": "eu-west-1"/);
  assert.match(texts[1], /"arn:aws:iam::123456789012:role\/ecsTaskExecutionRole"/);
  assert.match(texts[2], /"awslogs-region": "eu-west-1"/);
});
