import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { READ_ONLY } from '../walk';
import { props, keyOf, removalPieces } from '../json';

/** TD006: fields that describe-task-definition prints but register-task-definition rejects. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD006',
    id: 'read-only-field',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A read-only field copied from describe-task-definition output.',
    messages: { readOnly: '"{{key}}" is set by ECS and is rejected by register-task-definition.' },
    fixable: 'safe',
    docs: {
      severity: 'ECS (and the AWS CLI) refuse to register a read-only field.',
      rationale:
        'Output of `aws ecs describe-task-definition` carries fields that ECS ' +
        'sets itself (`taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, ' +
        '`compatibilities`, `registeredAt`, `registeredBy`, ...). Registering the file as it is ' +
        'fails with "Unknown parameter in input". Each finding\'s fix removes its field; fix-all ' +
        'strips them all at once.',
      incorrect: fargateExample({
        revision: 7,
        status: 'ACTIVE',
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
      }),
      correct: fargateExample(),
      peers: ['aws-actions/amazon-ecs-deploy-task-definition (strips them silently)'],
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td) return;
    const found = props(td).filter((p) => READ_ONLY.has(keyOf(p)));
    if (!found.length) return;
    // Each finding removes its own field; fix-all applies them together, which strips them all.
    const pieces = removalPieces(td, found);
    for (const p of found) {
      const k = p.children![0];
      ctx.report({
        start: k.offset,
        end: k.offset + k.length,
        messageId: 'readOnly',
        data: { key: keyOf(p) },
        fix: { title: `Remove read-only "${keyOf(p)}"`, edits: [pieces.get(p)!], safe: true },
      });
    }
  },
});
