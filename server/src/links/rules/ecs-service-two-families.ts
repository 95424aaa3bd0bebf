import { defineRule } from '../../engine/define';
import type { WorkflowFacts } from '../../languages/workflow/facts';
import { own, workflowAt } from '../facts';
import { deployKey, serviceDeploys, shortName, type ServiceDeploy } from '../families';
import { deployKeyOf } from '../keys';
import { relativeTo } from '../../text/paths';

export const rule = defineRule<unknown>({
  meta: {
    code: 'XF007',
    id: 'ecs-service-two-families',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'Two deploy steps update the same ECS service with task definitions of different families.',
    messages: {
      twoFamilies:
        'Service "{{service}}" on cluster "{{cluster}}" gets family ' +
        '"{{family}}" here, but {{other}} deploys family "{{otherFamily}}" to it: the service ' +
        'would switch between two applications.',
    },
    docs: {
      rationale:
        '`amazon-ecs-deploy-task-definition` registers the task definition and ' +
        'points the service at it, whatever its family. When two deploy steps (in one workflow or ' +
        'two) name the same `service` and `cluster` but their task definitions have different ' +
        "families, each run replaces the other's application: usually a copied job whose " +
        '`service` was not changed. Steps are compared only when the service and cluster are ' +
        'literal (the cluster defaults to "default") and their jobs target the same AWS account as ' +
        'written (same `environment`, region and role of `configure-aws-credentials`).',
      incorrect:
        'on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n     ' +
        ' - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/web.json\n          service: web\n          cluster: prod\n  ' +
        'worker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ' +
        'aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/worker.json\n          service: web\n          cluster: prod\n',
      correct:
        'on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n     ' +
        ' - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/web.json\n          service: web\n          cluster: prod\n  ' +
        'worker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ' +
        'aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ' +
        'task-definition: ecs/worker.json\n          service: worker\n          cluster: prod\n',
      files: {
        '../../ecs/web.json':
          '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "example/web:1" }]\n}\n',
        '../../ecs/worker.json':
          '{\n  "family": "worker",\n  "containerDefinitions": [{ "name": ' +
          '"worker", "image": "example/worker:1" }]\n}\n',
      },
      peers: [],
    },
  },
  check(ctx) {
    const wf = own<WorkflowFacts>(ctx);
    const root = wf?.root;
    if (!wf || !root) return;
    const mine = serviceDeploys(ctx.workspace, wf, ctx.path);
    if (!mine.length) return;
    const key = (d: ServiceDeploy) => deployKey(d.service.value, d.cluster, d.target);
    const keys = new Set(mine.map(key));
    const all: { path: string; d: ServiceDeploy }[] = mine.map((d) => ({ path: ctx.path, d }));
    // the workflows that deploy to one of these services (every one of them, in path order)
    const others = new Set<string>();
    for (const k of keys) for (const p of ctx.workspace.withKey('workflow', deployKeyOf(k))) others.add(p);
    for (const p of [...others].sort()) {
      if (p === ctx.path) continue;
      const other = workflowAt(ctx.workspace, p);
      if (!other) continue;
      for (const d of serviceDeploys(ctx.workspace, other, p, (k) => keys.has(k))) all.push({ path: p, d });
    }
    for (const d of mine) {
      const other = all.find((o) => o.d !== d && key(o.d) === key(d) && o.d.family !== d.family);
      if (!other) continue;
      const where = other.path === ctx.path ? `job "${other.d.job}"` : relativeTo(root, other.path);
      ctx.report({
        start: d.service.contentStart,
        end: d.service.contentEnd,
        messageId: 'twoFamilies',
        data: {
          service: shortName(d.service.value),
          cluster: d.cluster,
          family: d.family,
          other: where,
          otherFamily: other.d.family,
        },
        related: [
          {
            path: other.path,
            start: other.d.service.contentStart,
            end: other.d.service.contentEnd,
            message: `deploys family ${other.d.family}`,
          },
          { path: d.familyAt.path, start: d.familyAt.start, end: d.familyAt.end, message: `family: ${d.family}` },
        ],
      });
    }
  },
});
