import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str, isTemplated } from '../json';
import { isFargate, containers, FARGATE_LOG_DRIVERS } from '../ecs';
import { cite } from '../limits';

/** TD103: Fargate supports only the awslogs, splunk and awsfirelens log drivers. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD103',
    id: 'fargate-log-driver',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'Fargate supports only the awslogs, splunk and awsfirelens log drivers.',
    messages: {
      unsupported: 'Fargate does not support the "{{driver}}" log driver; use awslogs, splunk or awsfirelens.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a log driver Fargate does not support.',
      rationale:
        'On Fargate there is no host Docker daemon to configure: only ' +
        '`awslogs`, `splunk` and `awsfirelens` (FireLens, for Fluent Bit or Fluentd sidecars) ' +
        'work; `json-file`, `syslog`, `gelf`, `fluentd`, `journald` are rejected. ' +
        cite('fargate-log-drivers'),
      incorrect: fargateExample({}, { logConfiguration: { logDriver: 'json-file' } }),
      correct: fargateExample(
        {},
        {
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
          },
        },
      ),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!isFargate(td)) return;
    for (const c of containers(td)) {
      const d = get(get(c.node, 'logConfiguration'), 'logDriver');
      const driver = str(d);
      if (!d || driver === undefined || isTemplated(driver) || FARGATE_LOG_DRIVERS.includes(driver)) continue;
      ctx.report({ start: d.offset, end: d.offset + d.length, messageId: 'unsupported', data: { driver } });
    }
  },
});
