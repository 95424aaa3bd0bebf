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
      rationale:
        'Without a container health check ECS considers a hung but running ' +
        'process healthy; deployments cannot wait for readiness and `dependsOn` cannot use ' +
        'HEALTHY. (Load balancer health checks cover only the traffic path.) ' +
        'Severity hint: like TD303–TD306 around it, this holds for most real task definitions (all 14 ' +
        'aws-samples ones we checked): as four info findings on every container they buried the findings that ' +
        'matter. The editor shows a hint faintly; a team that wants it louder raises it in `.shipshape.yaml` ' +
        '(`TD303: warning`).',
      incorrect: fargateExample(),
      correct: fargateExample({}, { healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } }),
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
