import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { containers, isFargate } from '../ecs';
import { ec2Example } from '../examples';
import { get, propNode } from '../json';
import { parsesCleanly } from '../rule-kit';

/** TD400: a privileged container on EC2 or external instances (Fargate rejects it: TD104). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD400',
    id: 'taskdef-privileged',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 8.8 },
    description: 'A container runs privileged: root on the container instance, not just in the container.',
    messages: {
      privileged:
        'Container "{{name}}" runs privileged: every capability and every device of the instance. Add the one ' +
        'capability it needs in linuxParameters instead.',
    },
    fixable: false,
    docs: {
      rationale:
        '`"privileged": true` gives the container every Linux capability and the devices of the EC2 instance, ' +
        'with no seccomp or AppArmor confinement: a process in it can mount the host disk and load kernel ' +
        'modules. Add only the capability it needs (`linuxParameters.capabilities.add`). Fargate refuses ' +
        'privileged containers (TD104).',
      attack:
        'Code execution in the container becomes root on the container instance: the other tasks on it, their ' +
        'secrets and task roles (through the instance metadata and agent), and the instance role.',
      incorrect: ec2Example({}, { privileged: true }),
      correct: ec2Example({}, { linuxParameters: { capabilities: { add: ['NET_BIND_SERVICE'] } } }),
      peers: ['checkov CKV_AWS_334 (Terraform/CloudFormation)', 'AWS Security Hub ECS.4'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (isFargate(td)) return;
    for (const c of containers(td)) {
      if (get(c.node, 'privileged')?.value !== true) continue;
      const p = propNode(c.node, 'privileged')!;
      ctx.report({ start: p.offset, end: p.offset + p.length, messageId: 'privileged', data: { name: c.name ?? '?' } });
    }
  },
});
