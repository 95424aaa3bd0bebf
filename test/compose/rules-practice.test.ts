import { testRule as sharedTestRule, type RuleCases } from '../helpers/rule-tester';
import { language } from '../../server/src/languages/compose';
import type { Rule } from '../../server/src/engine/types';

const testRule = (rule: Rule, cases: RuleCases) => sharedTestRule(language, rule, cases);
import { rule as interpolation } from '../../server/src/languages/compose/rules/interpolation-syntax';
import { rule as unset } from '../../server/src/languages/compose/rules/unset-variable';
import { rule as healthcheckTest } from '../../server/src/languages/compose/rules/healthcheck-test';
import { rule as contextMissing } from '../../server/src/languages/compose/rules/build-context-missing';
import { rule as dockerfileMissing } from '../../server/src/languages/compose/rules/dockerfile-missing';
import { rule as buildTarget } from '../../server/src/links/rules/unknown-build-target';
import { rule as version } from '../../server/src/languages/compose/rules/obsolete-version';
import { rule as latest } from '../../server/src/languages/compose/rules/image-latest-tag';
import { rule as secrets } from '../../server/src/languages/compose/rules/secret-in-environment';
import { rule as replicas } from '../../server/src/languages/compose/rules/container-name-with-replicas';
import { rule as referencedFile } from '../../server/src/languages/compose/rules/referenced-file-missing';
import { rule as unquotedPort } from '../../server/src/languages/compose/rules/unquoted-port';

testRule(interpolation, {
  valid: [
    {
      code:
        'services:\n  web:\n    image: "nginx:${TAG:-1.27}"\n    command: sh ' +
        '-c "echo $$HOME $${USER}"\n    environment:\n      A: ${A:?A is required}\n      B: ' +
        '${B-x}\n      C: ${C:+on}\n      D: $D\n      E: ${E:-${F:-nested}}\n      G: price is ' +
        '5$$\n',
    },
  ],
  invalid: [
    { code: 'services:\n  web:\n    image: "nginx:${TAG:=1.27}"\n', errors: [{ messageId: 'invalid', line: 3 }] },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    environment:\n      A: ' +
        '"${UNCLOSED"\n      B: ${}\n      C: ${1ABC}\n',
      errors: [
        { messageId: 'invalid', line: 5 },
        { messageId: 'invalid', line: 6 },
        { messageId: 'invalid', line: 7 },
      ],
    },
  ],
});

testRule(unset, {
  valid: [
    {
      code:
        'services:\n  web:\n    image: "nginx:${TAG}"\n    environment:\n      ' +
        'A: ${A:-x}\n      B: ${B:?needed}\n      C: $$NOT_A_VAR\n',
      files: { '/ws/.env': '# versions\nTAG=1.27\n' },
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: "nginx:${TAG}"\n    environment:\n      PW: $PASSWORD\n',
      files: { '/ws/.env': 'OTHER=1\n' },
      errors: [
        { messageId: 'unset', line: 3 },
        { messageId: 'unset', line: 5 },
      ],
      output: 'services:\n  web:\n    image: "nginx:${TAG:-}"\n    environment:\n      PW: $PASSWORD\n',
    },
  ],
});

testRule(healthcheckTest, {
  valid: [
    {
      code:
        'services:\n  a:\n    image: a:1\n    healthcheck:\n      test: ' +
        '["CMD", "curl", "-f", "http://localhost"]\n  b:\n    image: b:1\n    healthcheck:\n      ' +
        'test: curl -f http://localhost || exit 1\n  c:\n    image: c:1\n    healthcheck:\n      ' +
        'test: ["NONE"]\n  d:\n    image: d:1\n    healthcheck:\n      test:\n        - ' +
        'CMD-SHELL\n        - pg_isready\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      ' +
        'test: ["pg_isready", "-U", "postgres"]\n',
      errors: [{ messageId: 'firstWord', line: 5 }],
      output:
        'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      ' +
        'test: ["CMD", "pg_isready", "-U", "postgres"]\n',
    },
    {
      code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test:\n        - pg_isready\n',
      errors: [{ messageId: 'firstWord', line: 6 }],
      output:
        'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      ' +
        'test:\n        - CMD\n        - pg_isready\n',
    },
    {
      code:
        'services:\n  a:\n    image: a:1\n    healthcheck:\n      test: CMD ' +
        'curl -f http://localhost\n  b:\n    image: b:1\n    healthcheck:\n      test: ["CMD"]\n  ' +
        'c:\n    image: c:1\n    healthcheck:\n      test: ["NONE", "x"]\n      disable: true\n',
      errors: [
        { messageId: 'cmdInString', line: 5 },
        { messageId: 'noCommand', line: 9 },
        { messageId: 'disableAndTest', line: 13 },
        { messageId: 'noneAlone', line: 13 },
      ],
    },
  ],
});

const stages = {
  '/ws/api/Dockerfile':
    'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim AS production\nCOPY --from=build /app /app\n',
  '/ws/api/Dockerfile.dev': 'FROM node:22 AS dev\n',
};
testRule(contextMissing, {
  valid: [
    {
      code:
        'services:\n  api:\n    build: ./api\n  web:\n    build:\n      ' +
        'context: https://github.com/docker/awesome-compose.git#master:flask/app\n  w2:\n    ' +
        'build: ${CTX}\n',
      files: stages,
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    build: ./apj\n  web:\n    build:\n      context: ../missing\n',
      files: stages,
      errors: [
        { messageId: 'missing', line: 3 },
        { messageId: 'missing', line: 6 },
      ],
    },
  ],
});

testRule(dockerfileMissing, {
  valid: [
    {
      code:
        'services:\n  api:\n    build:\n      context: ./api\n      ' +
        'dockerfile: Dockerfile.dev\n  inline:\n    build:\n      context: ./api\n      ' +
        'dockerfile_inline: "FROM alpine:3.20"\n  gone:\n    build: ./gone\n',
      files: stages,
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: ./api/Dockerfile.dev\n',
      files: stages,
      errors: [{ messageId: 'missing', line: 5 }],
    },
    { code: 'services:\n  web:\n    build: .\n', files: stages, errors: [{ messageId: 'missing', line: 3 }] },
  ],
});

testRule(buildTarget, {
  valid: [
    {
      code:
        'services:\n  api:\n    build:\n      context: ./api\n      target: ' +
        'production\n  dev:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.dev\n  ' +
        '    target: dev\n  unknown:\n    build:\n      context: ./nowhere\n      target: x\n',
      files: stages,
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    build:\n      context: ./api\n      target: prodution\n',
      files: stages,
      errors: [{ messageId: 'unknownSuggest', line: 5 }],
      output: 'services:\n  api:\n    build:\n      context: ./api\n      target: production\n',
    },
    {
      code: 'services:\n  api:\n    build:\n      context: ./api\n      target: test\n',
      files: stages,
      errors: [{ messageId: 'unknown', line: 5 }],
    },
  ],
});

testRule(version, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { code: 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "3"\n' },
  ],
  invalid: [
    {
      code: 'version: "3.8"\n\nservices:\n  web:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'obsolete', line: 1 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      code: "name: app\nversion: '2.4' # old\nservices:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: 'obsolete', line: 2 }],
      output: 'name: app\nservices:\n  web:\n    image: nginx:1.27\n',
    },
  ],
});

testRule(latest, {
  valid: [
    {
      code:
        'services:\n  a:\n    image: redis:7.4-alpine\n  b:\n    image: ' +
        'ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n ' +
        ' c:\n    image: myapp\n    build: .\n  d:\n    image: registry:5000/team/app:1.2\n  e:\n  ' +
        '  image: ${IMAGE}\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: redis\n  b:\n    image: nginx:latest\n  c:\n    image: localhost:5000/app\n',
      errors: [
        { messageId: 'untagged', line: 3 },
        { messageId: 'latest', line: 5 },
        { messageId: 'untagged', line: 7 },
      ],
    },
  ],
});

testRule(secrets, {
  valid: [
    {
      code:
        'services:\n  db:\n    image: postgres:16\n    environment:\n      ' +
        'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/pw\n  ' +
        '    POSTGRES_HOST_AUTH_METHOD: trust\n      MYSQL_RANDOM_ROOT_PASSWORD: "yes"\n      ' +
        'DATABASE_URL: postgres://app:${DB_PW}@db/app\n      TOKEN_TTL: 3600\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n',
      errors: [{ messageId: 'name', line: 5 }],
      output:
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}"\n',
    },
    {
      code:
        'services:\n  app:\n    image: app:1\n    environment:\n      - ' +
        '"API_KEY=abc123"\n      - DATABASE_URL=postgresql://postgres:password@db:5432/myapp\n',
      files: { '/ws/.env': 'API_KEY=abc123' },
      errors: [
        { messageId: 'name', line: 5 },
        { messageId: 'url', line: 6 },
      ],
      output:
        'services:\n  app:\n    image: app:1\n    environment:\n      - ' +
        '"API_KEY=${API_KEY}"\n      - DATABASE_URL=${DATABASE_URL}\n',
    },
    // keys are text, not patterns: `[` made the rule throw and drop the finding, `(a+)+` hung it
    {
      code: 'services:\n  app:\n    image: app:1\n    environment:\n      "[_PASSWORD": hunter2\n',
      files: { '/ws/.env': 'X=1\n' },
      errors: [{ messageId: 'name', line: 5 }],
      output: 'services:\n  app:\n    image: app:1\n    environment:\n      "[_PASSWORD": "${[_PASSWORD}"\n',
    },
    {
      code: 'services:\n  app:\n    image: app:1\n    environment:\n      "(a+)+_PASSWORD": hunter2\n',
      files: { '/ws/.env': 'a'.repeat(40) + '!\n' },
      errors: [{ messageId: 'name', line: 5 }],
      output: 'services:\n  app:\n    image: app:1\n    environment:\n      "(a+)+_PASSWORD": "${(a+)+_PASSWORD}"\n',
    },
  ],
});

testRule(replicas, {
  valid: [
    {
      code:
        'services:\n  w:\n    image: w:1\n    container_name: worker\n    ' +
        'deploy:\n      replicas: 1\n  v:\n    image: v:1\n    deploy:\n      replicas: 3\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  w:\n    image: w:1\n    container_name: worker\n    ' +
        'deploy:\n      replicas: 3\n  v:\n    image: v:1\n    container_name: vv\n    scale: 2\n',
      errors: [
        { messageId: 'conflict', line: 4 },
        { messageId: 'conflict', line: 9 },
      ],
    },
  ],
});

testRule(unquotedPort, {
  valid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - ' +
        '"22:22"\n      - 8080:80\n      - 80\n      - 127.0.0.1:53:53\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 22:22\n      - 3000:30\n',
      errors: [
        { messageId: 'unquoted', line: 5 },
        { messageId: 'unquoted', line: 6 },
      ],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "22:22"\n      - "3000:30"\n',
    },
  ],
});

testRule(referencedFile, {
  valid: [
    {
      code:
        'include:\n  - ./db/compose.yaml\n  - path: [./a.yaml]\nservices:\n  ' +
        'web:\n    image: nginx:1.27\n    env_file: [./web.env, {path: ./local.env, required: ' +
        'false}, "${ENV_FILE}"]\n    secrets: [pw]\nsecrets:\n  pw:\n    file: ./pw.txt\n  ' +
        'token:\n    environment: TOKEN\n',
      files: {
        '/ws/db/compose.yaml': 'services: {}\n',
        '/ws/a.yaml': 'services: {}\n',
        '/ws/web.env': 'A=1\n',
        '/ws/pw.txt': 'x',
      },
    },
  ],
  invalid: [
    {
      code:
        'include:\n  - ./db/compose.yaml\nservices:\n  web:\n    image: ' +
        'nginx:1.27\n    env_file: ./web.env\n    configs: [conf]\nconfigs:\n  conf:\n    file: ' +
        './nginx.conf\n',
      errors: [
        { messageId: 'missing', line: 2 },
        { messageId: 'missing', line: 6 },
        { messageId: 'missing', line: 10 },
      ],
    },
    {
      name: "a secret's file that is not there",
      code: 'services:\n  db:\n    image: postgres:16\n    secrets: [pw]\nsecrets:\n  pw:\n    file: ./secrets/pw.txt\n',
      errors: [{ messageId: 'missing', line: 7 }],
    },
  ],
});
