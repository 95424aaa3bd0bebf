import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str, insertProp } from '../json';
import { containers } from '../ecs';
import { parsesCleanly } from '../rule-kit';
import { fillFix, hole, knownOf, REGION_STOP } from '../fill';

/** TD302: a container without logConfiguration. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD302',
    id: 'missing-log-configuration',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: 'A container has no logConfiguration, so its output goes nowhere you can read.',
    messages: {
      missing:
        'Container "{{name}}" has no logConfiguration; on Fargate its output is lost, on EC2 it stays on the instance.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'A likely bug: the container runs, but when it fails there is no output to read.',
      rationale:
        "Without a log driver the container's stdout and stderr are not " +
        "shipped anywhere: on Fargate they are gone, on EC2 they stay in the instance's Docker " +
        'logs until the container is removed. The fix adds an awslogs configuration with ' +
        'placeholders.',
      incorrect: fargateExample(),
      correct: fargateExample(
        {},
        {
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
          },
        },
      ),
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    const family = str(get(td, 'family')) ?? 'app';
    const known = knownOf(td);
    for (const c of containers(td)) {
      if (get(c.node, 'logConfiguration')) continue;
      const at = c.nameNode ?? c.node;
      const value =
        `{ "logDriver": "awslogs", "options": { "awslogs-group": ` +
        `${JSON.stringify(`/ecs/${family}`)}, "awslogs-region": "${hole(0)}", ` +
        `"awslogs-stream-prefix": "ecs" } }`;
      ctx.report({
        start: at.offset,
        end: c.nameNode ? at.offset + at.length : at.offset + 1,
        messageId: 'missing',
        data: { name: c.name ?? '?' },
        // the region the file names, else a snippet with a choice of regions
        fix: fillFix(
          'Add an awslogs logConfiguration',
          [insertProp(ctx.text, c.node, 'logConfiguration', value)],
          [{ value: known.region, stop: REGION_STOP }],
        ),
      });
    }
  },
});
