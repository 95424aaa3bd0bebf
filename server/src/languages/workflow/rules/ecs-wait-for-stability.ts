import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { actionSteps, DEPLOY_ACTION } from '../../crossfile/workflow';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF004',
    id: 'ecs-wait-for-stability',
    kinds: ['workflow'],
    defaultSeverity: 'info',
    fixable: 'suggestion',
    description: 'An ECS deploy step updates a service without `wait-for-service-stability: true`.',
    messages: {
      noWait:
        'The job ends as soon as the deployment starts; add ' +
        '`wait-for-service-stability: true` so a failing deployment fails the job.',
    },
    docs: {
      rationale:
        'Without waiting, the workflow is green even when the new tasks crash ' +
        'on start and the circuit breaker rolls back. Waiting makes the deploy job report what ' +
        'really happened.',
      incorrect:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          service: web\n          cluster: ' +
        'production\n',
      correct:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          service: web\n          cluster: ' +
        'production\n          wait-for-service-stability: true\n',
      peers: [],
    },
  },
  check(ctx) {
    for (const s of actionSteps(ctx.model, DEPLOY_ACTION)) {
      const service = s.inputs.get('service');
      if (!service || s.inputs.has('wait-for-service-stability')) continue;
      const indent = ctx.text.slice(ctx.text.lastIndexOf('\n', service.keyStart - 1) + 1, service.keyStart);
      const eol = ctx.text.indexOf('\n', service.end);
      const at = eol < 0 ? ctx.text.length : eol;
      const fix = /^[ \t]*$/.test(indent)
        ? [
            {
              title: 'Add wait-for-service-stability: true',
              safe: false,
              edits: [{ start: at, end: at, newText: `\n${indent}wait-for-service-stability: true` }],
            },
          ]
        : undefined;
      ctx.report({ start: service.keyStart, end: service.keyEnd, messageId: 'noWait', suggestions: fix });
    }
  },
});
