import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items } from '../json';
import { isFargate } from '../ecs';

/** TD102: Fargate does not support placement constraints. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD102',
    id: 'fargate-placement-constraints',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'Fargate task definitions cannot have placement constraints.',
    messages: { unsupported: 'Fargate does not support placementConstraints; AWS places Fargate tasks itself.' },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register placement constraints for Fargate.',
      rationale:
        'Placement constraints choose among your EC2 container instances; ' +
        'Fargate has none, and a task definition that requires FARGATE with constraints is ' +
        'rejected. An empty list is fine.',
      incorrect: fargateExample({
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
      }),
      correct: fargateExample({ placementConstraints: [] }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!isFargate(td)) return;
    for (const c of items(get(td, 'placementConstraints')))
      ctx.report({ start: c.offset, end: c.offset + c.length, messageId: 'unsupported' });
  },
});
