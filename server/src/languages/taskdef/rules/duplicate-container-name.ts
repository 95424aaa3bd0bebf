import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { containers } from '../ecs';

/** TD201: container names are unique within a task definition. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD201',
    id: 'duplicate-container-name',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'Two containers have the same name.',
    messages: { duplicate: 'Container name "{{name}}" is used more than once.' },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register two containers of the same name.',
      rationale:
        'Names identify containers in `dependsOn`, `links`, load balancer settings and logs; ECS rejects duplicates.',
      incorrect: fargateExample({}, {}, [{ name: 'app', image: 'busybox:1.36', essential: false }]),
      correct: fargateExample({}, {}, [{ name: 'sidecar', image: 'busybox:1.36', essential: false }]),
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const c of containers(ctx.model.taskDef)) {
      if (c.name === undefined || !c.nameNode) continue;
      if (seen.has(c.name))
        ctx.report({
          start: c.nameNode.offset,
          end: c.nameNode.offset + c.nameNode.length,
          messageId: 'duplicate',
          data: { name: c.name },
        });
      seen.add(c.name);
    }
  },
});
