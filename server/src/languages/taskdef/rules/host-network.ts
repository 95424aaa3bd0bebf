import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { containers, isFargate, networkMode } from '../ecs';
import { ec2Example } from '../examples';
import { get, items, propNode } from '../json';
import { parsesCleanly } from '../rule-kit';

/** TD402: networkMode host for a task that serves ports. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD402',
    id: 'taskdef-host-network',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 6.5 },
    description: 'A task that serves ports uses the host network mode instead of awsvpc or bridge.',
    messages: {
      host:
        '"networkMode": "host" puts {{names}} on the network stack of the instance: its ports open on the ' +
        "instance's interfaces and it reaches what the instance reaches on localhost. Use awsvpc.",
    },
    fixable: false,
    docs: {
      rationale:
        'With `host` networking a container has no network namespace of its own: it binds directly on the ' +
        "instance's interfaces (outside the task's security group in awsvpc mode), reaches services the " +
        'instance binds to 127.0.0.1, and two tasks on one instance fight over ports. For a web service, `awsvpc` ' +
        'gives each task its own interface and security group; `bridge` maps ports. Agents that must see the ' +
        'host network (monitoring daemons) without `portMappings` are not reported.',
      attack:
        'A compromised web container listens or connects as the instance: it reaches local-only services of the ' +
        'instance and of other tasks, and is reachable on every port the instance exposes, bypassing per-task ' +
        'security groups.',
      incorrect: ec2Example({ networkMode: 'host' }, { portMappings: [{ containerPort: 8080, hostPort: 8080 }] }),
      correct: ec2Example({ networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 8080 }] }),
      peers: [
        'KICS "ECS Task Definition Network Mode Not Recommended" (Terraform/CloudFormation)',
        'AWS Security Hub ECS.1',
      ],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (isFargate(td) || networkMode(td) !== 'host') return;
    const serving = containers(td).filter((c) => items(get(c.node, 'portMappings')).length > 0);
    if (!serving.length) return;
    const p = propNode(td, 'networkMode')!;
    const names = serving.map((c) => `"${c.name ?? '?'}"`).join(', ');
    ctx.report({ start: p.offset, end: p.offset + p.length, messageId: 'host', data: { names } });
  },
});
