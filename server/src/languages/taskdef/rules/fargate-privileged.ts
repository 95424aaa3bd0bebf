import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, propNode, removalPieces } from '../json';
import { isFargate, containers } from '../ecs';

/** TD104: privileged containers are not available on Fargate. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD104',
    id: 'fargate-privileged',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'Fargate does not run privileged containers.',
    messages: { privileged: 'Fargate does not support "privileged": true (container "{{name}}").' },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS refuses to register a privileged container for Fargate.',
      rationale:
        'A privileged container gets root on the host; Fargate never grants ' +
        'that and rejects the task definition. Add only the Linux capabilities you need instead ' +
        '(Fargate allows adding SYS_PTRACE).',
      incorrect: fargateExample({}, { privileged: true }),
      correct: fargateExample(),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!isFargate(td)) return;
    for (const c of containers(td)) {
      if (get(c.node, 'privileged')?.value !== true) continue;
      const p = propNode(c.node, 'privileged')!;
      ctx.report({
        start: p.offset,
        end: p.offset + p.length,
        messageId: 'privileged',
        data: { name: c.name ?? '?' },
        fix: { title: 'Remove "privileged"', edits: [removalPieces(c.node, [p]).get(p)!], safe: false },
      });
    }
  },
});
