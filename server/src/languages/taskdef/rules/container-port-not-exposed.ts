import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { exposedPorts, exposesDynamic, taskDefView } from '../../crossfile/models';
import { imageSourceOfContainer } from '../../crossfile/links';
import { relativeTo, repoRootOf } from '../../crossfile/paths';

const WORKFLOW =
  'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
  '    - uses: docker/build-push-action@v6\n        with:\n          tags: example/web:1\n   ' +
  '   - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
  'task-definition: ecs/task-definition.json\n          container-name: web\n          ' +
  'image: example/web:1\n';

/** XF020: a containerPort the image does not EXPOSE. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'XF020',
    id: 'container-port-not-exposed',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    fixable: false,
    description: "A `containerPort` is not a port the container's Dockerfile EXPOSEs.",
    messages: {
      notExposed:
        'Port {{port}} is not EXPOSEd by {{dockerfile}} (it EXPOSEs ' +
        '{{exposed}}); the load balancer and health checks will find nothing listening.',
    },
    docs: {
      rationale:
        'The task definition maps a port while the image listens (and ' +
        'documents with EXPOSE) another: the target group marks every task unhealthy and the ' +
        'service never becomes stable. The Dockerfile is found through the workflow that builds ' +
        'the image and renders this task definition (same job, or the only build of the workflow). ' +
        'Checked only when the built stage EXPOSEs literal ports.',
      incorrect:
        '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": ' +
        '"web", "image": "example/web:1", "portMappings": [{ "containerPort": 3000 }] }\n  ]\n}\n',
      correct:
        '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": ' +
        '"web", "image": "example/web:1", "portMappings": [{ "containerPort": 8080 }] }\n  ]\n}\n',
      files: {
        '../.github/workflows/deploy.yml': WORKFLOW,
        '../Dockerfile': 'FROM node:22-slim\nEXPOSE 8080\nCMD ["node", "server.js"]\n',
      },
      peers: [],
    },
  },
  check(ctx) {
    const view = taskDefView({ path: ctx.path, kind: 'taskdef', text: ctx.text, lines: ctx.lines, model: ctx.model });
    for (const c of view?.containers ?? []) {
      if (!c.name || !c.ports.length) continue;
      const src = imageSourceOfContainer(ctx.workspace, ctx.path, c.name);
      if (!src || exposesDynamic(src.dockerfile.model, src.stage)) continue;
      const exposed = exposedPorts(src.dockerfile.model, src.stage);
      if (!exposed.length) continue;
      const root = src.workflow ? repoRootOf(src.workflow) : undefined;
      const dockerfile = root ? relativeTo(root, src.dockerfile.path) : src.dockerfile.path;
      for (const p of c.ports) {
        if (exposed.some((e) => e.port === p.port)) continue;
        ctx.report({
          start: p.start,
          end: p.end,
          messageId: 'notExposed',
          data: { port: p.port, dockerfile, exposed: [...new Set(exposed.map((e) => e.port))].join(', ') },
          related: [
            {
              path: src.dockerfile.path,
              ...exposed[0].span,
              message: 'EXPOSE in the Dockerfile that builds this image',
            },
          ],
        });
      }
    }
  },
});
