import { fargateExample } from '../examples';
import { get } from '../json';
import { containers, isEssential } from '../ecs';
import type { TaskDefRule } from '../rule-kit';

/** TD200: at least one container must be essential. */
export const rule: TaskDefRule = {
  meta: {
    code: 'TD200', id: 'no-essential-container', kinds: ['taskdef'], defaultSeverity: 'error',
    description: 'Every container is marked "essential": false.',
    messages: { none: 'At least one container must be essential; every container here sets "essential": false.' },
    fixable: false,
    docs: {
      rationale: 'ECS stops a task when an essential container exits, and requires at least one: a task definition whose containers all say `"essential": false` is rejected. `essential` defaults to true.',
      incorrect: fargateExample({}, { essential: false }),
      correct: fargateExample({}, { essential: true }),
    },
  },
  check(ctx) {
    const list = containers(ctx.model.taskDef);
    if (!list.length || list.some((c) => isEssential(c.node))) return;
    const arr = get(ctx.model.taskDef, 'containerDefinitions')!;
    ctx.report({ start: arr.offset, end: arr.offset + 1, messageId: 'none' });
  },
};
