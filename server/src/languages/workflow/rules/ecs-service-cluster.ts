import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { actionSteps, DEPLOY_ACTION } from '../../crossfile/workflow';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF003',
    id: 'ecs-service-without-cluster',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'An ECS deploy step gives `service` without `cluster`, or `cluster` without `service`.',
    messages: {
      noCluster: '`service` without `cluster` updates the service in the cluster named "default"; name the cluster.',
      noService: '`cluster` without `service` only registers the task definition: nothing is deployed.',
    },
    docs: {
      rationale:
        '`amazon-ecs-deploy-task-definition` registers the task definition ' +
        'and, when `service` is given, updates that service in `cluster`, which defaults to the ' +
        'cluster called "default". A service name alone usually fails with ' +
        '"ServiceNotFoundException"; a cluster alone deploys nothing, silently.',
      incorrect:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          service: web\n',
      correct:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          service: web\n          cluster: ' +
        'production\n',
      peers: [],
    },
  },
  check(ctx) {
    for (const s of actionSteps(ctx.model, DEPLOY_ACTION)) {
      const service = s.inputs.get('service'),
        cluster = s.inputs.get('cluster');
      if (service && !cluster) ctx.report({ start: service.keyStart, end: service.keyEnd, messageId: 'noCluster' });
      if (cluster && !service && !s.inputs.has('run-task'))
        ctx.report({ start: cluster.keyStart, end: cluster.keyEnd, messageId: 'noService' });
    }
  },
});
