import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { ec2Example } from '../examples';
import { get, num } from '../json';
import { containers } from '../ecs';

/** TD204: the soft limit cannot exceed the hard limit. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD204',
    id: 'memory-reservation-exceeds-memory',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: "A container's memoryReservation is greater than its memory.",
    messages: {
      exceeds: 'memoryReservation {{reservation}} is greater than memory {{memory}} in container "{{name}}".',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a memoryReservation above memory.',
      rationale:
        '`memoryReservation` is the soft limit ECS reserves, `memory` the hard ' +
        'limit at which the container is killed; ECS rejects a reservation above the limit.',
      incorrect: ec2Example({}, { memory: 256, memoryReservation: 512 }),
      correct: ec2Example({}, { memory: 512, memoryReservation: 256 }),
    },
  },
  check(ctx) {
    for (const c of containers(ctx.model.taskDef)) {
      const m = num(get(c.node, 'memory'));
      const rNode = get(c.node, 'memoryReservation');
      const r = num(rNode);
      if (m === undefined || r === undefined || r <= m) continue;
      ctx.report({
        start: rNode!.offset,
        end: rNode!.offset + rNode!.length,
        messageId: 'exceeds',
        data: { reservation: r, memory: m, name: c.name ?? '?' },
      });
    }
  },
});
