import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { ec2Example } from '../examples';
import { get, num } from '../json';
import { containers } from '../ecs';
import { cite, fact } from '../limits';

/** TD223: Docker reserves 6 MiB per container: a smaller memory or memoryReservation does not start. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD223',
    id: 'container-memory-minimum',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: 'A container memory or memoryReservation below the 6 MiB Docker needs.',
    messages: {
      tooSmall: '{{key}} {{value}} MiB is below the {{min}} MiB Docker reserves for a container; it will not start.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'ECS registers the task definition, but the task fails to start or the setting is ignored when it runs: a likely bug, not a refusal of the file; the limit is in `taskdef/data/limits.json` with its source.',
      rationale:
        "Docker 20.10 and later keeps at least 6 MiB for a container's own bookkeeping, and refuses a memory " +
        'limit or reservation below it when the container is created. ECS registers the task definition; the ' +
        'task then fails to start, hence a warning. A value this small is usually GiB written as MiB. ' +
        cite('container-memory-minimum'),
      incorrect: ec2Example({}, { memory: 4 }),
      correct: ec2Example({}, { memory: 512 }),
    },
  },
  check(ctx) {
    const min = fact('container-memory-minimum').min!;
    for (const c of containers(ctx.model.taskDef))
      for (const key of ['memory', 'memoryReservation']) {
        const n = get(c.node, key);
        const value = num(n);
        if (n && value !== undefined && value < min)
          ctx.report({
            start: n.offset,
            end: n.offset + n.length,
            messageId: 'tooSmall',
            data: { key, value, min },
            suggestions:
              value > 0
                ? [
                    {
                      title: `Use ${value * 1024} (${value} GiB)`,
                      edits: [{ start: n.offset, end: n.offset + n.length, newText: String(value * 1024) }],
                      safe: false,
                    },
                  ]
                : undefined,
          });
      }
  },
});
