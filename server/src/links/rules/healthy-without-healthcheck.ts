import { defineRule } from '../../engine/define';
import type { WorkspaceIndex } from '../../engine/types';
import type { ComposeFacts, ServiceFacts } from '../../languages/compose/facts';
import { composeDockerfile } from '../builds';
import { own } from '../facts';

export const rule = defineRule<unknown>({
  meta: {
    code: 'CP022',
    id: 'healthy-without-healthcheck',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: '`condition: service_healthy` waits for a service that has no healthcheck.',
    messages: {
      none: '"{{name}}" is awaited with service_healthy but defines no healthcheck{{where}}.',
      disabled: '"{{name}}" is awaited with service_healthy but its healthcheck is disabled.',
    },
    docs: {
      severity:
        'A likely bug: `up` fails unless the image itself defines a HEALTHCHECK, which Compose cannot see here.',
      rationale:
        'A dependency with `condition: service_healthy` can only become ' +
        'healthy when it has a healthcheck, in the compose file or in its image. Without one, ' +
        '`docker compose up` fails ("has no healthcheck configured"). For services built here, the ' +
        "Dockerfile's `HEALTHCHECK` counts; for pulled images it cannot be seen, hence a warning. " +
        'The fix adds a healthcheck that fits the image (pg_isready, redis-cli ping, mysqladmin ' +
        'ping, or curl).',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    ' +
        'healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 10s\n',
      peers: ['docker compose up'],
    },
  },
  check(ctx) {
    const services = own<ComposeFacts>(ctx)?.services ?? [];
    const byName = new Map(services.map((s) => [s.name, s]));
    const done = new Set<string>();
    for (const svc of services) {
      for (const wait of svc.waitsHealthy) {
        const target = byName.get(wait.name);
        if (!target || target.healthcheckState === 'set') continue;
        const disabled = target.healthcheckState === 'disabled';
        if (!disabled && builtWithHealthcheck(ctx.workspace, target)) continue;
        const fix = disabled ? undefined : target.addHealthcheck;
        ctx.report({
          start: wait.start,
          end: wait.end,
          messageId: disabled ? 'disabled' : 'none',
          data: { name: wait.name, where: target.build ? ' (here or in its Dockerfile)' : '' },
          fix: fix && !done.has(target.name) ? fix : undefined,
          related: [{ path: ctx.path, ...target.key, message: `"${target.name}" is defined here` }],
        });
        done.add(target.name);
      }
    }
  },
});

/** A service built here whose Dockerfile sets a HEALTHCHECK (an unknown Dockerfile may: then say nothing). */
function builtWithHealthcheck(ws: WorkspaceIndex, svc: ServiceFacts): boolean {
  if (!svc.build || svc.build.remote) return false;
  const df = composeDockerfile(ws, svc.build);
  return !df || df.hasHealthcheck;
}
