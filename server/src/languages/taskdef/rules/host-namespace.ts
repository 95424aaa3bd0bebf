import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { isFargate } from '../ecs';
import { ec2Example } from '../examples';
import { get, propNode, str } from '../json';
import { parsesCleanly } from '../rule-kit';

const WHAT: Record<string, string> = {
  pidMode: 'every process of the instance (their command lines and environment), and can signal them',
  ipcMode: "the instance's shared memory and semaphores",
};

/** TD401: pidMode or ipcMode host (Fargate rejects both: TD107). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD401',
    id: 'taskdef-host-namespace',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 7.3 },
    description: 'The task shares the process or IPC namespace of the container instance (`pidMode`/`ipcMode: host`).',
    messages: { host: '"{{key}}": "host" lets the containers of this task see {{what}}.' },
    fixable: false,
    docs: {
      rationale:
        "`pidMode: host` puts the task's containers in the instance's process namespace: they see every process " +
        "of the instance, other tasks' included, with their arguments and environment (where secrets often are), " +
        'and can signal them. `ipcMode: host` shares shared memory the same way. Use `task` to share between the ' +
        'containers of one task, or leave them unset.',
      attack:
        'A compromised container reads secrets from the environment of other tasks on the same instance, and ' +
        'kills or traces their processes.',
      incorrect: ec2Example({ pidMode: 'host' }),
      correct: ec2Example({ pidMode: 'task' }),
      peers: ['checkov CKV_AWS_335 (pidMode, Terraform/CloudFormation)', 'AWS Security Hub ECS.3'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (isFargate(td)) return;
    for (const key of ['pidMode', 'ipcMode']) {
      if (str(get(td, key)) !== 'host') continue;
      const p = propNode(td, key)!;
      ctx.report({ start: p.offset, end: p.offset + p.length, messageId: 'host', data: { key, what: WHAT[key] } });
    }
  },
});
