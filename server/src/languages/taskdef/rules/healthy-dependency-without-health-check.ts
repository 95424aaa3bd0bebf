import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, str } from '../json';
import { containers } from '../ecs';

/** TD206: a HEALTHY dependency needs the target container to define a health check. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD206',
    id: 'healthy-dependency-without-health-check',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'dependsOn waits for HEALTHY on a container that has no healthCheck.',
    messages: {
      noHealthCheck: 'Container "{{name}}" waits for "{{target}}" to be HEALTHY, but "{{target}}" has no healthCheck.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a HEALTHY dependency on a container without a health check.',
      rationale:
        "The HEALTHY condition is met when the target container's health check " +
        'passes; without a `healthCheck` it can never be met, and ECS rejects the task definition.',
      incorrect: fargateExample({}, { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }, [
        { name: 'db', image: 'postgres:16', essential: false },
      ]),
      correct: fargateExample({}, { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }, [
        { name: 'db', image: 'postgres:16', essential: false, healthCheck: { command: ['CMD', 'pg_isready'] } },
      ]),
    },
  },
  check(ctx) {
    const list = containers(ctx.model.taskDef);
    for (const c of list) {
      for (const d of items(get(c.node, 'dependsOn'))) {
        const cond = get(d, 'condition');
        if (str(cond) !== 'HEALTHY') continue;
        const target = str(get(d, 'containerName'));
        const t = list.find((x) => x.name === target);
        if (!t || get(t.node, 'healthCheck')) continue;
        ctx.report({
          start: cond!.offset,
          end: cond!.offset + cond!.length,
          messageId: 'noHealthCheck',
          data: { name: c.name ?? '?', target: target! },
        });
      }
    }
  },
});
