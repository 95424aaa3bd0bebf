/** Dockerfile ↔ task definition ↔ compose: ports and health checks (XF020, XF021, XF023, XF024). */
import { testRule } from '../helpers/rule-tester';
import { language as taskdef } from '../../server/src/languages/taskdef';
import { language as compose } from '../../server/src/languages/compose';
import { rule as portNotExposedTd } from '../../server/src/links/rules/container-port-not-exposed';
import { rule as healthCheckTarget } from '../../server/src/links/rules/health-check-target';
import { rule as portNotExposed } from '../../server/src/links/rules/port-not-exposed';
import { rule as healthcheckTarget } from '../../server/src/links/rules/healthcheck-target';

const TD = '/ws/ecs/task-definition.json';
const WF = '/ws/.github/workflows/deploy.yml';
const workflow = (build = '          context: .\n', container = 'web') =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ` +
  `   - uses: docker/build-push-action@v6\n        with:\n${build}          tags: ` +
  `example/web:1\n  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      ` +
  `- uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ` +
  `task-definition: ecs/task-definition.json\n          container-name: ${container}\n       ` +
  `   image: example/web:1\n`;
const taskDef = (port: number, health?: string[]) =>
  JSON.stringify(
    {
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'example/web:1',
          portMappings: [{ containerPort: port }],
          ...(health ? { healthCheck: { command: health } } : {}),
        },
      ],
    },
    null,
    2,
  ) + '\n';
const dockerfile = (base: string, extra = '') =>
  `FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM ` +
  `${base}\n${extra}COPY --from=build /app /app\nEXPOSE 8080\nCMD ["/app"]\n`;
const ws = (df: string, wf = workflow()) => ({ [WF]: wf, '/ws/Dockerfile': df });

testRule(taskdef, portNotExposedTd, {
  valid: [
    { code: taskDef(8080), path: TD, files: ws(dockerfile('alpine:3.20')) },
    {
      code: taskDef(3000),
      path: TD,
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: 'no workflow links them',
    },
    {
      code: taskDef(3000),
      path: TD,
      files: ws('FROM alpine:3.20\nCMD ["/app"]\n'),
      name: 'the Dockerfile EXPOSEs nothing',
    },
    {
      code: taskDef(3000),
      path: TD,
      files: ws('FROM alpine:3.20\nARG PORT=3000\nEXPOSE ${PORT}\n'),
      name: 'a variable port',
    },
    {
      code: taskDef(3000),
      path: TD,
      files: ws(dockerfile('alpine:3.20'), workflow('          context: .\n', 'api')),
      name: 'the workflow renders another container',
    },
  ],
  invalid: [
    {
      code: taskDef(3000),
      path: TD,
      files: ws(dockerfile('alpine:3.20')),
      errors: [{ messageId: 'notExposed', line: 9, data: { port: 3000, dockerfile: 'Dockerfile', exposed: '8080' } }],
    },
    {
      code: taskDef(8080),
      path: TD,
      name: 'the target stage decides',
      files: ws(
        'FROM alpine:3.20 AS debug\nEXPOSE 9229\nFROM alpine:3.20 AS production\nEXPOSE 80\n',
        workflow('          context: .\n          target: debug\n'),
      ),
      errors: [{ messageId: 'notExposed', data: { exposed: '9229' } }],
    },
  ],
});

testRule(taskdef, healthCheckTarget, {
  valid: [
    {
      code: taskDef(8080, ['CMD-SHELL', 'wget -qO- http://localhost:8080/health || exit 1']),
      path: TD,
      files: ws(dockerfile('alpine:3.20')),
    },
    {
      code: taskDef(8080, ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1']),
      path: TD,
      files: ws(dockerfile('alpine:3.20', 'RUN apk add --no-cache curl\n')),
      name: 'curl installed',
    },
    {
      code: taskDef(8080, ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1']),
      path: TD,
      files: ws(dockerfile('node:22')),
      name: 'an image not on the list',
    },
    {
      code: taskDef(8080, ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1']),
      path: TD,
      name: 'no Dockerfile known',
    },
    {
      code: taskDef(8080, ['CMD', '/app', 'healthcheck']),
      path: TD,
      files: ws(dockerfile('gcr.io/distroless/static-debian12')),
      name: 'exec form on distroless',
    },
    {
      code: taskDef(8080, ['CMD-SHELL', 'wget -qO- http://localhost:9000/ || exit 1']),
      path: TD,
      name: 'an unmapped port, without the image: an admin port is fine',
    },
  ],
  invalid: [
    {
      code: taskDef(8080, ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1']),
      path: TD,
      files: ws(dockerfile('alpine:3.20')),
      errors: [
        {
          messageId: 'tool',
          line: 13,
          data: { tool: 'curl', family: 'Alpine/BusyBox', alternative: ' It has `wget`.' },
        },
      ],
    },
    {
      code: taskDef(8080, ['CMD', 'wget', '-qO-', 'http://127.0.0.1:8080/']),
      path: TD,
      files: ws(dockerfile('node:22-slim')),
      errors: [{ messageId: 'tool', data: { tool: 'wget', alternative: '' } }],
    },
    {
      code: taskDef(8080, ['CMD-SHELL', '/app healthcheck']),
      path: TD,
      files: ws(dockerfile('gcr.io/distroless/static-debian12:nonroot')),
      errors: [{ messageId: 'noShell' }],
    },
    {
      code: taskDef(3000, ['CMD-SHELL', 'wget -qO- http://localhost:9000/ || exit 1']),
      path: TD,
      files: ws(dockerfile('alpine:3.20')),
      name: 'a port neither mapped nor EXPOSEd',
      errors: [{ messageId: 'port', data: { port: 9000, ports: '3000, 8080' } }],
    },
  ],
});

const svc = (body: string) => `services:\n  web:\n    build: .\n${body}`;

testRule(compose, portNotExposed, {
  valid: [
    { code: svc('    ports:\n      - "8080:8080"\n'), files: { '/ws/Dockerfile': dockerfile('alpine:3.20') } },
    {
      code: svc('    ports:\n      - target: 8080\n        published: 80\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: 'long syntax',
    },
    { code: svc('    ports:\n      - "8080:3000"\n'), name: 'no Dockerfile' },
    {
      code: svc('    ports:\n      - "5353:53/udp"\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: 'udp is not EXPOSEd as tcp',
    },
    {
      code: svc('    ports:\n      - "8000:8000"\n    command: gunicorn -w 3 -b 0.0.0.0:8000 app:app\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: "the service's command listens there",
    },
    {
      code: svc('    ports:\n      - "8000:8000"\n    command: ["uvicorn", "app:app", "--port", "8000"]\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: 'a command list',
    },
    {
      code: svc(
        '    ports:\n      - "3000:3000"\n      - "9229:9229"\n    command: nodemon --inspect=0.0.0.0:9229 server.js\n',
      ),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: 'the command overrides what runs: it decides what listens (3000 is the app, 9229 the inspector)',
    },
    {
      code: svc('    ports:\n      - "3000:3000"\n    entrypoint: ["/app", "--listen", ":3000"]\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: 'an entrypoint too',
    },
  ],
  invalid: [
    {
      code: svc('    ports:\n      - "8080:3000"\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      errors: [{ messageId: 'notExposed', line: 5, data: { port: 3000, dockerfile: 'Dockerfile' } }],
    },
    {
      code: svc('    ports:\n      - target: 3000\n        published: 80\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      errors: [{ messageId: 'notExposed', line: 5 }],
    },
    {
      code: svc('    ports:\n      - "3000:3000"\n    command: null\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      errors: [{ messageId: 'notExposed', line: 5 }],
      name: 'command: null keeps the image command',
    },
  ],
});

testRule(compose, healthcheckTarget, {
  valid: [
    {
      code: svc('    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/"]\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
    },
    {
      code: svc('    healthcheck:\n      test: curl -f http://localhost:8080/\n'),
      files: {
        '/ws/Dockerfile': dockerfile(
          'debian:12',
          'RUN apt-get update && apt-get install -y --no-install-recommends \\\n    ca-certificates curl\n',
        ),
      },
      name: 'installed on a continuation line',
    },
    {
      code: svc('    healthcheck:\n      test: curl -f http://localhost:3000/\n      disable: true\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      name: 'disabled',
    },
    {
      code: svc(
        '    ports:\n      - "80:8080"\n    healthcheck:\n      test: wget -qO- http://localhost:9000/\n',
      ).replace('build: .', 'image: example/web:1'),
      name: 'no Dockerfile: ports not judged',
    },
    {
      code: svc('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/"]\n'),
      files: { '/ws/Dockerfile': dockerfile('nginx:1.19.7-alpine') },
      name: "nginx's alpine images install curl",
    },
    {
      code: svc('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/"]\n'),
      files: { '/ws/Dockerfile': dockerfile('php:8.4-fpm-alpine') },
      name: "so do php's",
    },
  ],
  invalid: [
    {
      code: svc('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/"]\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      errors: [{ messageId: 'tool', line: 5 }],
    },
    {
      code: svc('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/"]\n'),
      files: { '/ws/Dockerfile': dockerfile('nginx:1.27-alpine-slim') },
      errors: [{ messageId: 'tool', line: 5 }],
      name: 'nginx alpine-slim does not',
    },
    {
      code: svc('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/"]\n'),
      files: { '/ws/Dockerfile': dockerfile('nginx:1.27-alpine3.21-slim') },
      errors: [{ messageId: 'tool', line: 5 }],
      name: 'nor with an Alpine version',
    },
    {
      code: svc('    ports:\n      - "80:8080"\n    healthcheck:\n      test: wget -qO- http://localhost:80/\n'),
      files: { '/ws/Dockerfile': dockerfile('alpine:3.20') },
      errors: [{ messageId: 'port', line: 7, data: { port: 80, ports: '8080' } }],
    },
  ],
});
