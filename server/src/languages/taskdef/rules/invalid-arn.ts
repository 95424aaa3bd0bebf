import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import type { Node } from 'jsonc-parser';
import { get, items, str, isTemplated } from '../json';
import { containers, ROLE_ARN, ROLE_NAME, SECRETS_MANAGER_ARN, S3_OBJECT_ARN, GENERIC_ARN, isRegion } from '../ecs';

/** TD213: role, credential and S3 ARNs are well-formed. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD213',
    id: 'invalid-arn',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'An ARN field holds something that is not a well-formed ARN of the right kind.',
    messages: {
      invalid: '{{key}} "{{value}}" is not {{expected}}.',
      region: '{{key}} names region "{{region}}", which is not an AWS region code.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register an ARN field that holds no ARN of the right kind.',
      rationale:
        'Roles, registry credentials and environment files are referenced by ' +
        'ARN (`arn:aws:iam::123456789012:role/NAME`, `arn:aws:secretsmanager:...`, ' +
        '`arn:aws:s3:::bucket/key`). A malformed ARN is rejected or fails at task start. ' +
        'Placeholders such as `${ACCOUNT_ID}` or `<ACCOUNT_ID>` are fine.',
      incorrect: fargateExample({ executionRoleArn: 'arn:aws:iam:123456789012:ecsTaskExecutionRole' }),
      correct: fargateExample(),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const check = (n: Node | undefined, key: string, ok: (v: string) => boolean, expected: string) => {
      const v = str(n);
      if (!n || v === undefined || isTemplated(v)) return;
      if (!ok(v)) {
        ctx.report({
          start: n.offset,
          end: n.offset + n.length,
          messageId: 'invalid',
          data: { key, value: v, expected },
        });
        return;
      }
      const region = v.startsWith('arn:') ? v.split(':')[3] : '';
      // Only something shaped like a region code is checked; "region" or "REGION" are placeholders.
      if (/^[a-z]{2,}(-[a-z]+)+-\d+$/.test(region) && !isRegion(region))
        ctx.report({ start: n.offset, end: n.offset + n.length, messageId: 'region', data: { key, region } });
    };
    const role = (v: string) => ROLE_ARN.test(v) || (!v.startsWith('arn:') && ROLE_NAME.test(v));
    check(get(td, 'taskRoleArn'), 'taskRoleArn', role, 'an IAM role ARN or role name');
    check(get(td, 'executionRoleArn'), 'executionRoleArn', role, 'an IAM role ARN or role name');
    for (const c of containers(td)) {
      check(
        get(get(c.node, 'repositoryCredentials'), 'credentialsParameter'),
        'repositoryCredentials.credentialsParameter',
        (v) => SECRETS_MANAGER_ARN.test(v),
        'a Secrets Manager secret ARN',
      );
      for (const f of items(get(c.node, 'environmentFiles')))
        check(
          get(f, 'value'),
          'environmentFiles value',
          (v) => S3_OBJECT_ARN.test(v),
          'an S3 object ARN (arn:aws:s3:::bucket/key)',
        );
      for (const s of items(get(c.node, 'secrets'))) {
        const n = get(s, 'valueFrom');
        const v = str(n);
        if (v?.startsWith('arn:') && GENERIC_ARN.test(v)) check(n, 'valueFrom', () => true, '');
      }
    }
  },
});
