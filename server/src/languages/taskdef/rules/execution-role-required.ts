import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import type { Node } from 'jsonc-parser';
import { get, items, str, insertProp, propNode } from '../json';
import { containers, isFargate, isPrivateEcr } from '../ecs';
import { fillFix, hole, knownOf } from '../fill';

/** TD212: secrets, private registries, environment files and (on Fargate) awslogs or ECR need an execution role. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD212',
    id: 'execution-role-required',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A feature that the ECS agent performs on your behalf is used without executionRoleArn.',
    messages: { needed: '{{what}}: the task needs "executionRoleArn", the role the ECS agent uses to {{action}}.' },
    fixable: 'suggestion',
    docs: {
      severity:
        'ECS refuses to register (or the task fails to start) when the agent has no execution role for these ' +
        'features.',
      rationale:
        'The task execution role is what the ECS agent (or Fargate) uses to ' +
        'pull private images, fetch `secrets` and `environmentFiles`, and, on Fargate, to pull ' +
        'from ECR and write awslogs. Without it ECS rejects the task definition (Fargate with ' +
        'awslogs) or the task fails to start. The fix adds a placeholder role ARN to fill in.',
      incorrect: fargateExample(
        { executionRoleArn: undefined },
        { secrets: [{ name: 'DB_PASSWORD', valueFrom: 'db-password' }] },
      ),
      correct: fargateExample({}, { secrets: [{ name: 'DB_PASSWORD', valueFrom: 'db-password' }] }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td || get(td, 'executionRoleArn')) return;
    const fargate = isFargate(td);
    let reason: { node: Node; what: string; action: string } | undefined;
    for (const c of containers(td)) {
      const secrets = propNode(c.node, 'secrets');
      if (secrets && items(secrets.children?.[1]).length) {
        reason = { node: secrets.children![0], what: `Secrets in container "${c.name ?? '?'}"`, action: 'read them' };
        break;
      }
      const logSecrets = items(get(get(c.node, 'logConfiguration'), 'secretOptions'));
      if (logSecrets.length) {
        reason = { node: logSecrets[0], what: 'Log driver secretOptions', action: 'read them' };
        break;
      }
      const creds = propNode(c.node, 'repositoryCredentials');
      if (creds) {
        reason = {
          node: creds.children![0],
          what: 'A private registry (repositoryCredentials)',
          action: 'read its credentials',
        };
        break;
      }
      const envFiles = propNode(c.node, 'environmentFiles');
      if (envFiles && items(envFiles.children?.[1]).length) {
        reason = { node: envFiles.children![0], what: 'environmentFiles', action: 'fetch them from S3' };
        break;
      }
      if (fargate) {
        const driver = get(get(c.node, 'logConfiguration'), 'logDriver');
        if (str(driver) === 'awslogs') {
          reason = { node: driver!, what: 'The awslogs log driver on Fargate', action: 'write to CloudWatch Logs' };
          break;
        }
        const image = get(c.node, 'image');
        if (isPrivateEcr(str(image) ?? '')) {
          reason = { node: image!, what: 'An ECR image on Fargate', action: 'pull it' };
          break;
        }
      }
    }
    if (!reason) return;
    ctx.report({
      start: reason.node.offset,
      end: reason.node.offset + reason.node.length,
      messageId: 'needed',
      data: { what: reason.what, action: reason.action },
      // the account the file names (an ECR image's host, a role's ARN), else a snippet whose tab stop is the account
      fix: fillFix(
        'Add executionRoleArn (the ecsTaskExecutionRole role)',
        [insertProp(ctx.text, td, 'executionRoleArn', `"arn:aws:iam::${hole(0)}:role/ecsTaskExecutionRole"`)],
        [{ value: knownOf(td).account, stop: { kind: 'empty' } }],
      ),
    });
  },
});
