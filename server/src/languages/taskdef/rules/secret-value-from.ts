import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, str, isTemplated } from '../json';
import { containers, SECRETS_MANAGER_ARN, SSM_PARAMETER_ARN, SSM_PARAMETER_NAME } from '../ecs';

/** TD211: secrets[].valueFrom is a Secrets Manager ARN, an SSM parameter ARN or a parameter name. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD211',
    id: 'secret-value-from',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: "A secret's valueFrom is not a Secrets Manager ARN, an SSM parameter ARN or a parameter name.",
    messages: {
      invalid:
        'secrets valueFrom "{{value}}" is not a Secrets Manager secret ARN, an SSM parameter ARN or a parameter name.',
    },
    fixable: false,
    docs: {
      severity: 'The task fails to start: ECS cannot fetch a secret from that reference.',
      rationale:
        'ECS fetches each secret at task start from Secrets Manager ' +
        '(`arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME`, optionally ' +
        '`:json-key:version-stage:version-id`) or from SSM Parameter Store ' +
        '(`arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`, or the parameter name in the same region). ' +
        'Anything else fails when the task starts.',
      incorrect: fargateExample({}, { secrets: [{ name: 'DB_PASSWORD', valueFrom: 'secretsmanager:db-password' }] }),
      correct: fargateExample(
        {},
        {
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password' },
          ],
        },
      ),
    },
  },
  check(ctx) {
    for (const c of containers(ctx.model.taskDef)) {
      for (const s of items(get(c.node, 'secrets'))) {
        const n = get(s, 'valueFrom');
        const v = str(n);
        if (v === undefined || isTemplated(v)) continue;
        if (
          SECRETS_MANAGER_ARN.test(v) ||
          SSM_PARAMETER_ARN.test(v) ||
          (!v.startsWith('arn:') && SSM_PARAMETER_NAME.test(v))
        )
          continue;
        ctx.report({ start: n!.offset, end: n!.offset + n!.length, messageId: 'invalid', data: { value: v } });
      }
      for (const s of items(get(get(c.node, 'logConfiguration'), 'secretOptions'))) {
        const n = get(s, 'valueFrom');
        const v = str(n);
        if (v === undefined || isTemplated(v)) continue;
        if (
          SECRETS_MANAGER_ARN.test(v) ||
          SSM_PARAMETER_ARN.test(v) ||
          (!v.startsWith('arn:') && SSM_PARAMETER_NAME.test(v))
        )
          continue;
        ctx.report({ start: n!.offset, end: n!.offset + n!.length, messageId: 'invalid', data: { value: v } });
      }
    }
  },
});
