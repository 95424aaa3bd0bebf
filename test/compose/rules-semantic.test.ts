import { testRule as sharedTestRule, type RuleCases } from '../helpers/rule-tester';
import { language } from '../../server/src/languages/compose';
import type { Rule } from '../../server/src/engine/types';

const testRule = (rule: Rule, cases: RuleCases) => sharedTestRule(language, rule, cases);
import { rule as unknownService } from '../../server/src/languages/compose/rules/unknown-service';
import { rule as dependencyCycle } from '../../server/src/languages/compose/rules/dependency-cycle';
import { rule as healthy } from '../../server/src/links/rules/healthy-without-healthcheck';
import { rule as undeclared } from '../../server/src/languages/compose/rules/undeclared-resource';
import { rule as unused } from '../../server/src/languages/compose/rules/unused-resource';
import { rule as invalidPort } from '../../server/src/languages/compose/rules/invalid-port';
import { rule as duplicatePort } from '../../server/src/languages/compose/rules/duplicate-host-port';
import { rule as duration } from '../../server/src/languages/compose/rules/invalid-duration';
import { rule as byteSize } from '../../server/src/languages/compose/rules/invalid-byte-size';
import { rule as networkModeConflict } from '../../server/src/languages/compose/rules/network-mode-conflict';
import { rule as completedWithRestart } from '../../server/src/languages/compose/rules/completed-with-restart';
import { rule as restart } from '../../server/src/languages/compose/rules/invalid-restart';

const db = '  db:\n    image: postgres:16\n';

testRule(unknownService, {
  valid: [
    {
      code:
        `services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    ` +
        `links: ["db:database"]\n    volumes_from: ["db:ro", "container:other"]\n${db}`,
    },
    {
      code:
        `services:\n  web:\n    image: nginx:1.27\n    network_mode: ` +
        `"service:db"\n    extends:\n      file: other.yaml\n      service: base\n${db}`,
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
      path: '/ws/compose.override.yaml',
      files: { '/ws/compose.yaml': `services:\n${db}` },
    },
    { code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: ["${DEP}"]\n' },
    {
      code: 'include:\n  - ./db/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
      files: { '/ws/db/compose.yaml': `services:\n${db}` },
    },
  ],
  invalid: [
    {
      code: `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - dbb\n${db}`,
      errors: [{ messageId: 'missingSuggest', line: 5 }],
      output: `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n${db}`,
    },
    {
      code:
        `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ` +
        `cache:\n        condition: service_started\n${db}`,
      errors: [{ messageId: 'missing', line: 5 }],
    },
    {
      code:
        `services:\n  web:\n    image: nginx:1.27\n    links: ` +
        `["dbs:database"]\n    network_mode: service:vpn\n    volumes_from: ["data:ro"]\n    ` +
        `extends: base\n${db}`,
      errors: [
        { messageId: 'missingSuggest', line: 4 },
        { messageId: 'missing', line: 5 },
        { messageId: 'missing', line: 6 },
        { messageId: 'missing', line: 7 },
      ],
      output:
        `services:\n  web:\n    image: nginx:1.27\n    links: ` +
        `["db:database"]\n    network_mode: service:vpn\n    volumes_from: ["data:ro"]\n    ` +
        `extends: base\n${db}`,
    },
    {
      name: 'the demo: depends_on redis, and the service cache runs the redis image',
      code:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - redis\n' +
        '  cache:\n    image: redis:7.4-alpine\n',
      errors: [{ messageId: 'missingImage', line: 5, data: { suggestion: 'cache' } }],
      output:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - cache\n' +
        '  cache:\n    image: redis:7.4-alpine\n',
    },
    {
      name: 'by image only when one service runs it',
      code:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on: [redis]\n' +
        '  a:\n    image: redis:7\n  b:\n    image: docker.io/library/redis:7\n',
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'a renamed service: postgres for postgres-db, the map form',
      code:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      postgres:\n        condition: service_healthy\n' +
        '  postgres-db:\n    image: postgres:16\n',
      errors: [{ messageId: 'missingSuggest', line: 5, data: { suggestion: 'postgres-db' } }],
      output:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      postgres-db:\n        condition: service_healthy\n' +
        '  postgres-db:\n    image: postgres:16\n',
    },
    {
      name: 'never the service itself',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [wbe]\n',
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'a service of the override file beside it',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [cahce]\n',
      path: '/ws/compose.override.yaml',
      files: { '/ws/compose.yaml': 'services:\n  cache:\n    image: redis:7\n' },
      errors: [{ messageId: 'missingSuggest', line: 4, data: { suggestion: 'cache' } }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [cache]\n',
    },
  ],
});

testRule(dependencyCycle, {
  valid: [
    {
      code:
        'services:\n  a:\n    image: a:1\n    depends_on: [b]\n  b:\n    ' +
        'image: b:1\n    depends_on: [c]\n  c:\n    image: c:1\n',
    },
    { code: 'services:\n  a:\n    image: a:1\n    extends: b\n  b:\n    image: b:1\n    depends_on: [a]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: a:1\n    depends_on: [b]\n  b:\n    image: b:1\n    depends_on: [a]\n',
      errors: [{ messageId: 'cycle', line: 7 }],
    },
    {
      code:
        'services:\n  a:\n    image: a:1\n    depends_on: [b]\n  b:\n    ' +
        'image: b:1\n    network_mode: service:c\n  c:\n    image: c:1\n    links: [a]\n',
      errors: [{ messageId: 'cycle', line: 10 }],
    },
    { code: 'services:\n  a:\n    image: a:1\n    depends_on: [a]\n', errors: [{ messageId: 'cycle', line: 4 }] },
  ],
});

const waitFor = (target: string) =>
  `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ${target}:\n        condition: service_healthy\n`;
testRule(healthy, {
  valid: [
    {
      code:
        waitFor('db') + '  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n',
    },
    {
      code: waitFor('api') + '  api:\n    build: ./api\n',
      files: { '/ws/api/Dockerfile': 'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_started\n' +
        db,
    },
  ],
  invalid: [
    {
      code: waitFor('db') + db,
      errors: [{ messageId: 'none', line: 5 }],
      output:
        waitFor('db') +
        '  db:\n    image: postgres:16\n    healthcheck:\n      test: ' +
        '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]\n      interval: 10s\n      ' +
        'timeout: 5s\n      retries: 5\n      start_period: 10s\n',
    },
    {
      code: waitFor('cache') + '  cache:\n    image: redis:7\n',
      errors: [{ messageId: 'none', line: 5 }],
      output:
        waitFor('cache') +
        '  cache:\n    image: redis:7\n    healthcheck:\n      test: ["CMD", ' +
        '"redis-cli", "ping"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n      ' +
        'start_period: 10s\n',
    },
    {
      code: waitFor('api') + '  api:\n    build: ./api\n    ports: ["8080:3000"]\n',
      files: { '/ws/api/Dockerfile': 'FROM node:22\nCMD ["node", "server.js"]\n' },
      errors: [{ messageId: 'none', line: 5 }],
      output:
        waitFor('api') +
        '  api:\n    build: ./api\n    ports: ["8080:3000"]\n    ' +
        'healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/"]\n      ' +
        'interval: 10s\n      timeout: 5s\n      retries: 5\n      start_period: 10s\n',
    },
    {
      code: waitFor('db') + '  db:\n    image: mysql:8\n    healthcheck:\n      disable: true\n',
      errors: [{ messageId: 'disabled', line: 5 }],
    },
  ],
});

testRule(undeclared, {
  valid: [
    {
      code:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ' +
        'data:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\n      - ' +
        '/tmp:/tmp\n      - type: volume\n        source: data\n        target: /x\n    networks: ' +
        '[default, back]\n    secrets: [pw]\nvolumes:\n  data:\nnetworks:\n  back:\nsecrets:\n  ' +
        'pw:\n    file: ./pw.txt\n',
    },
    { code: 'services:\n  db:\n    image: postgres:16\n    volumes: ["/var/lib/postgresql/data"]\n' },
    {
      code:
        'include:\n  - path: [./infra.yaml]\nservices:\n  db:\n    image: ' +
        'postgres:16\n    volumes: ["pgdata:/d"]\n',
      files: { '/ws/infra.yaml': 'volumes:\n  pgdata:\n' },
    },
  ],
  invalid: [
    {
      code:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ' +
        'dbdata:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
      errors: [{ messageId: 'undeclaredSuggest', line: 5 }],
      output:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ' +
        'db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    networks:\n      ' +
        'front:\n        aliases: [www]\n    secrets:\n      - source: cert\n        target: ' +
        'server.crt\n    configs: [nginx_conf]\n',
      errors: [
        { messageId: 'undeclared', line: 5 },
        { messageId: 'undeclared', line: 8 },
        { messageId: 'undeclared', line: 10 },
      ],
    },
  ],
});

testRule(unused, {
  valid: [
    {
      code:
        'services:\n  db:\n    image: postgres:16\n    volumes: ' +
        '["data:/d"]\nvolumes:\n  data:\nnetworks:\n  default:\n    name: shared\n',
    },
    {
      code: 'services:\n  db:\n    image: postgres:16\nvolumes:\n  data:\n',
      path: '/ws/compose.yaml',
      files: { '/ws/compose.override.yaml': 'services:\n  db:\n    volumes: ["data:/d"]\n' },
    },
  ],
  invalid: [
    {
      code:
        'services:\n  db:\n    image: postgres:16\nvolumes:\n  ' +
        'data:\nnetworks:\n  back:\nsecrets:\n  pw:\n    file: pw.txt\nconfigs:\n  conf:\n    ' +
        'file: c.conf\n',
      errors: [
        { messageId: 'unused', line: 5 },
        { messageId: 'unused', line: 7 },
        { messageId: 'unused', line: 9 },
        { messageId: 'unused', line: 12 },
      ],
    },
  ],
});

testRule(invalidPort, {
  valid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80\n    ' +
        '  - "8080:80"\n      - "127.0.0.1:8443:443/tcp"\n      - "[::1]:9000:9000"\n      - ' +
        '"9000-9010:9000-9010"\n      - "7000-7005:7000"\n      - "127.0.0.1::5000"\n      - ' +
        '"${PORT}:80"\n      - target: 53\n        published: "5353"\n        protocol: udp\n      ' +
        '  mode: host\n    expose: ["3000", 3001, "4000-4010/udp"]\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - ' +
        '"8080:80800"\n      - "9000-9002:9000-9001"\n      - "80:80/http"\n      - "abc:80"\n     ' +
        ' - 70000\n',
      errors: [
        { messageId: 'port', line: 5 },
        { messageId: 'port', line: 6 },
        { messageId: 'port', line: 7 },
        { messageId: 'port', line: 8 },
        { messageId: 'port', line: 9 },
      ],
    },
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: ' +
        '0\n        protocol: http\n        mode: swarm\n    expose: ["99999"]\n',
      errors: [
        { messageId: 'port', line: 5 },
        { messageId: 'port', line: 6 },
        { messageId: 'port', line: 7 },
        { messageId: 'port', line: 8 },
      ],
    },
  ],
});

testRule(duplicatePort, {
  valid: [
    {
      code:
        'services:\n  a:\n    image: a:1\n    ports: ["8080:80", ' +
        '"8080:80/udp", "127.0.0.1:9000:9000"]\n  b:\n    image: b:1\n    ports: ["8081:80", ' +
        '"127.0.0.2:9000:9000", "80"]\n',
    },
    {
      code:
        'services:\n  a:\n    image: a:1\n    profiles: [dev]\n    ports: ' +
        '["8080:80"]\n  b:\n    image: b:1\n    profiles: [prod]\n    ports: ["8080:80"]\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  a:\n    image: a:1\n    ports: ["8080:80"]\n  b:\n    ' +
        'image: b:1\n    ports:\n      - "8080:8080"\n',
      errors: [{ messageId: 'duplicate', line: 8 }],
    },
    {
      code:
        'services:\n  a:\n    image: a:1\n    ports: ["9000-9010:9000-9010"]\n ' +
        ' b:\n    image: b:1\n    ports:\n      - target: 80\n        published: 9005\n      - ' +
        '"127.0.0.1:9001:80"\n',
      errors: [
        { messageId: 'duplicate', line: 8 },
        { messageId: 'duplicate', line: 10 },
      ],
    },
  ],
});

testRule(duration, {
  valid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: ' +
        '1m30s\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 500ms\n      ' +
        'timeout: 1.5s\n      start_period: ${START:-10s}\n    deploy:\n      restart_policy:\n    ' +
        '    delay: 5s\n        window: 2m\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: ' +
        '"30"\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 10 sec\n      ' +
        'timeout: 1d\n',
      errors: [
        { messageId: 'duration', line: 4 },
        { messageId: 'duration', line: 7 },
        { messageId: 'duration', line: 8 },
      ],
      output:
        'services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: ' +
        '30s\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 10 sec\n      ' +
        'timeout: 1d\n',
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      update_config:\n        delay: soon\n',
      errors: [{ messageId: 'duration', line: 6 }],
    },
  ],
});

testRule(byteSize, {
  valid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 512m\n    ' +
        'shm_size: 1gb\n    memswap_limit: -1\n    mem_reservation: 268435456\n    deploy:\n      ' +
        'resources:\n        limits:\n          memory: 2GiB\n    volumes:\n      - type: tmpfs\n  ' +
        '      target: /cache\n        tmpfs:\n          size: 100m\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1,5g\n    ' +
        'shm_size: lots\n    deploy:\n      resources:\n        limits:\n          memory: 512 MB ' +
        'RAM\n',
      errors: [
        { messageId: 'bytes', line: 4 },
        { messageId: 'bytes', line: 5 },
        { messageId: 'bytes', line: 9 },
      ],
    },
  ],
});

testRule(restart, {
  valid: [
    {
      code:
        'services:\n  a:\n    image: a:1\n    restart: "no"\n  b:\n    image: ' +
        'b:1\n    restart: on-failure:5\n  c:\n    image: c:1\n    restart: unless-stopped\n    ' +
        'deploy:\n      restart_policy:\n        condition: on-failure\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: a:1\n    restart: unless_stopped\n',
      errors: [{ messageId: 'restart', line: 4 }],
      output: 'services:\n  a:\n    image: a:1\n    restart: unless-stopped\n',
    },
    {
      code:
        'services:\n  a:\n    image: a:1\n    restart: on-failure:three\n    ' +
        'deploy:\n      restart_policy:\n        condition: always\n',
      errors: [
        { messageId: 'restart', line: 4 },
        { messageId: 'condition', line: 7 },
      ],
      output:
        'services:\n  a:\n    image: a:1\n    restart: on-failure:three\n    ' +
        'deploy:\n      restart_policy:\n        condition: any\n',
    },
  ],
});

testRule(networkModeConflict, {
  valid: [
    {
      code: 'services:\n  a:\n    image: a:1\n    network_mode: host\n  b:\n    image: b:1\n    networks: [default]\n',
    },
  ],
  invalid: [
    {
      code:
        'services:\n  a:\n    image: a:1\n    network_mode: "service:b"\n    ' +
        'networks:\n      default:\n  b:\n    image: b:1\n',
      errors: [{ messageId: 'conflict', line: 4 }],
    },
  ],
});

const waitDone =
  'services:\n  app:\n    image: app:1\n    depends_on:\n      ' +
  'migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: ' +
  'app:1\n';
testRule(completedWithRestart, {
  valid: [
    { code: waitDone + '    restart: on-failure\n' },
    { code: waitDone },
    {
      code:
        'services:\n  app:\n    image: app:1\n    depends_on: [migrate]\n  ' +
        'migrate:\n    image: app:1\n    restart: always\n',
    },
  ],
  invalid: [
    {
      code: waitDone + '    restart: unless-stopped\n',
      errors: [{ messageId: 'restarts', line: 9 }],
      output: waitDone + '    restart: on-failure\n',
    },
  ],
});
