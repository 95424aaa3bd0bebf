import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str } from '../json';
import { containers } from '../ecs';
import { cite } from '../limits';

/** TD123: the awsfirelens log driver needs a log router container (firelensConfiguration) in the task. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD123',
    id: 'firelens-without-router',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A container logs with awsfirelens, but no container of the task is a FireLens log router.',
    messages: {
      noRouter:
        '"{{name}}" logs with awsfirelens, but no container of this task has a firelensConfiguration ' +
        '(the Fluent Bit or Fluentd log router).',
    },
    fixable: false,
    docs: {
      severity:
        'ECS refuses the registration (RegisterTaskDefinition fails), so the deploy fails; the limit is in the data file `taskdef/data/limits.json` with its source.',
      rationale:
        'The awsfirelens driver hands the logs to a log router running in the same task: a Fluent Bit or ' +
        'Fluentd container marked with `firelensConfiguration`. Without one, ECS refuses the registration. ' +
        cite('firelens-router'),
      incorrect: fargateExample(
        {},
        { logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } },
      ),
      correct: fargateExample({}, { logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } }, [
        {
          name: 'log_router',
          image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
          essential: true,
          firelensConfiguration: { type: 'fluentbit' },
        },
      ]),
    },
  },
  check(ctx) {
    const list = containers(ctx.model.taskDef);
    if (list.some((c) => get(c.node, 'firelensConfiguration')?.type === 'object')) return;
    for (const c of list) {
      const d = get(get(c.node, 'logConfiguration'), 'logDriver');
      if (str(d) !== 'awsfirelens') continue;
      ctx.report({
        start: d!.offset,
        end: d!.offset + d!.length,
        messageId: 'noRouter',
        data: { name: c.name ?? '?' },
      });
    }
  },
});
