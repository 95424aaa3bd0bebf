import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get } from '../json';
import { containers, isEssential } from '../ecs';
import { parsesCleanly } from '../rule-kit';

/** TD303: an essential container without a healthCheck. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD303',
    id: 'missing-health-check',
    kinds: ['taskdef'],
    defaultSeverity: 'hint',
    description: 'An essential container has no healthCheck.',
    messages: {
      missing: 'Essential container "{{name}}" has no healthCheck; ECS only notices it when the process exits.',
    },
    fixable: false,
    docs: {
      severity:
        'Practice: ECS only knows the container runs, not that it works. ' +
        'A hint, not an info: most real task definitions lack it (all 14 aws-samples ones we checked), and ' +
        'with TD303–TD306 as infos every container got four findings that buried the ones ' +
        'that matter. `TD303: info` in `.shipshape.yaml` shows it in the Problems list.',
      rationale:
        'Without a container health check ECS considers a hung but running ' +
        'process healthy; deployments cannot wait for readiness and `dependsOn` cannot use ' +
        'HEALTHY. (Load balancer health checks cover only the traffic path.)',
      incorrect: fargateExample(),
      correct: fargateExample({}, { healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } }),
      peers: ['KICS "ECS Task Definition HealthCheck Missing" (CloudFormation)'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    for (const c of containers(ctx.model.taskDef)) {
      if (!isEssential(c.node) || get(c.node, 'healthCheck')) continue;
      const at = c.nameNode ?? c.node;
      ctx.report({
        start: at.offset,
        end: c.nameNode ? at.offset + at.length : at.offset + 1,
        messageId: 'missing',
        data: { name: c.name ?? '?' },
      });
    }
  },
});
