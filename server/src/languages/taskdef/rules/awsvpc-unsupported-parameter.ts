import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { ec2Example } from '../examples';
import { get, propNode, removeProps } from '../json';
import { containers, isFargate, networkMode } from '../ecs';
import { cite, fact } from '../limits';

/** TD224: hostname and extraHosts do nothing in the awsvpc network mode (the task's ENI has its own DNS). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD224',
    id: 'awsvpc-unsupported-parameter',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: 'A container sets hostname or extraHosts in a task with the awsvpc network mode.',
    messages: {
      unsupported: '"{{key}}" is not supported with the awsvpc network mode.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'ECS registers the task definition, but the task fails to start or the setting is ignored when it runs: a likely bug, not a refusal of the file; the limit is in `taskdef/data/limits.json` with its source.',
      rationale:
        'In the awsvpc network mode the task gets its own network interface, and its host name and ' +
        '`/etc/hosts` come from the VPC: ECS documents `hostname` and `extraHosts` as not supported there. ' +
        'Depending on the platform they are refused or ignored, hence a warning; on Fargate, TD107 reports ' +
        '`extraHosts` as an error. The suggestion removes the setting. ' +
        cite('awsvpc-unsupported'),
      incorrect: ec2Example({ networkMode: 'awsvpc' }, { hostname: 'web' }),
      correct: ec2Example({ networkMode: 'awsvpc' }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const fargate = isFargate(td);
    if ((networkMode(td) ?? (fargate ? 'awsvpc' : undefined)) !== 'awsvpc') return;
    for (const c of containers(td))
      for (const key of fact('awsvpc-unsupported').container ?? []) {
        // Fargate refuses extraHosts outright: TD107's error says so.
        if (fargate && key === 'extraHosts') continue;
        const p = propNode(c.node, key);
        if (!p || get(c.node, key) === undefined) continue;
        const k = p.children![0];
        ctx.report({
          start: k.offset,
          end: k.offset + k.length,
          messageId: 'unsupported',
          data: { key },
          suggestions: [{ title: `Remove "${key}"`, edits: removeProps(c.node, [p]), safe: false }],
        });
      }
  },
});
