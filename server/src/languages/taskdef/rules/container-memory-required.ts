import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { ec2Example } from '../examples';
import { get } from '../json';
import { containers } from '../ecs';

/** TD203: without task-level memory, every container needs memory or memoryReservation. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD203',
    id: 'container-memory-required',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A container has neither memory nor memoryReservation and the task has no task-level memory.',
    messages: {
      missing:
        'Container "{{name}}" needs "memory" or "memoryReservation" because the task sets no task-level "memory".',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a container without memory when the task sets none.',
      rationale:
        'ECS must know how much memory to reserve on the instance. When the ' +
        'task definition has no task-level `memory`, RegisterTaskDefinition rejects a container ' +
        'with neither `memory` (hard limit) nor `memoryReservation` (soft limit).',
      incorrect: ec2Example({}, { memory: undefined }),
      correct: ec2Example({}, { memory: undefined, memoryReservation: 256 }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td || get(td, 'memory')) return;
    for (const c of containers(td)) {
      if (get(c.node, 'memory') || get(c.node, 'memoryReservation')) continue;
      const at = c.nameNode ?? c.node;
      ctx.report({
        start: at.offset,
        end: c.nameNode ? at.offset + at.length : at.offset + 1,
        messageId: 'missing',
        data: { name: c.name ?? '?' },
      });
    }
  },
});
