import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get } from '../json';
import { containers, isEssential } from '../ecs';

/** TD200: at least one container must be essential. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD200',
    id: 'no-essential-container',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'The task definition has no container, or every container is marked "essential": false.',
    messages: {
      none: 'At least one container must be essential; every container here sets "essential": false.',
      empty: 'A task definition needs at least one container.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a task definition without an essential container.',
      rationale:
        'ECS rejects a task definition without containers. It stops a task ' +
        'when an essential container exits, and requires at least one: a task definition whose ' +
        'containers all say `"essential": false` is rejected. `essential` defaults to true.',
      incorrect: fargateExample({}, { essential: false }),
      correct: fargateExample({}, { essential: true }),
    },
  },
  check(ctx) {
    const arr = get(ctx.model.taskDef, 'containerDefinitions');
    // An empty list while the JSON is still broken is usually mid-edit: say it once the file parses.
    if (arr?.type === 'array' && !arr.children?.length && ctx.model.problems.length === 0) {
      ctx.report({ start: arr.offset, end: arr.offset + arr.length, messageId: 'empty' });
      return;
    }
    const list = containers(ctx.model.taskDef);
    if (!list.length || list.some((c) => isEssential(c.node))) return;
    ctx.report({ start: arr!.offset, end: arr!.offset + 1, messageId: 'none' });
  },
});
