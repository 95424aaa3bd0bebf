import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, str, insertProp, replaceNode, isTemplated } from '../json';
import { isFargate } from '../ecs';

/** TD100: Fargate tasks need networkMode awsvpc. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD100',
    id: 'fargate-network-mode',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A Fargate task definition must use the awsvpc network mode.',
    messages: {
      wrongMode: 'Fargate requires "networkMode": "awsvpc", not "{{mode}}".',
      missingMode: 'Fargate requires "networkMode": "awsvpc" (the default is bridge).',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS refuses to register a Fargate task definition without awsvpc.',
      rationale:
        'Fargate gives every task its own elastic network interface; ' +
        'RegisterTaskDefinition rejects a task definition that requires FARGATE with any other ' +
        'network mode, including the default (`bridge`) when the field is left out.',
      incorrect: fargateExample({ networkMode: 'bridge' }),
      correct: fargateExample(),
      peers: ['cfn-lint E3047'],
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td || !isFargate(td)) return;
    const mode = get(td, 'networkMode');
    if (mode) {
      const value = str(mode);
      if (value === undefined || value === 'awsvpc' || isTemplated(value)) return;
      ctx.report({
        start: mode.offset,
        end: mode.offset + mode.length,
        messageId: 'wrongMode',
        data: { mode: value },
        fix: { title: 'Set networkMode to "awsvpc"', edits: [replaceNode(mode, '"awsvpc"')], safe: false },
      });
      return;
    }
    const fargate = items(get(td, 'requiresCompatibilities')).find((n) => n.value === 'FARGATE')!;
    ctx.report({
      start: fargate.offset,
      end: fargate.offset + fargate.length,
      messageId: 'missingMode',
      fix: {
        title: 'Add "networkMode": "awsvpc"',
        edits: [insertProp(ctx.text, td, 'networkMode', '"awsvpc"')],
        safe: false,
      },
    });
  },
});
