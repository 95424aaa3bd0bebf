import { READ_ONLY } from '../walk';
import { props, keyOf, removeProps } from '../json';
import type { Fix } from '../../../engine/types';
import type { TaskDefRule } from '../rule-kit';

/** TD006: fields that describe-task-definition prints but register-task-definition rejects. */
export const rule: TaskDefRule = {
  meta: {
    code: 'TD006', id: 'read-only-field', kinds: ['taskdef'], defaultSeverity: 'error',
    description: 'A read-only field copied from describe-task-definition output.',
    messages: { readOnly: '"{{key}}" is set by ECS and is rejected by register-task-definition.' },
    fixable: 'safe',
    docs: {
      rationale: 'Output of `aws ecs describe-task-definition` carries fields that ECS sets itself (`taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, `compatibilities`, `registeredAt`, `registeredBy`, ...). Registering the file as it is fails with "Unknown parameter in input". The fix strips them all at once.',
      incorrect: '{ "family": "web", "revision": 7, "status": "ACTIVE", "containerDefinitions": [] }',
      correct: '{ "family": "web", "containerDefinitions": [] }',
      peers: ['aws-actions/amazon-ecs-deploy-task-definition (strips them silently)'],
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td) return;
    const found = props(td).filter((p) => READ_ONLY.has(keyOf(p)));
    if (!found.length) return;
    const stripAll: Fix = { title: 'Remove every read-only field', edits: removeProps(ctx.text, td, found), safe: true };
    found.forEach((p, i) => {
      const k = p.children![0];
      const r = { start: k.offset, end: k.offset + k.length, messageId: 'readOnly', data: { key: keyOf(p) } };
      ctx.report(i === 0 ? { ...r, fix: stripAll } : { ...r, suggestions: [stripAll] });
    });
  },
};
