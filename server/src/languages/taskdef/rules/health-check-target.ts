import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { exposedPorts, exposesDynamic, taskDefView } from '../../crossfile/models';
import { imageSourceOfContainer } from '../../crossfile/links';
import { externalBase, installs, knownBase, probeOf } from '../../crossfile/images';

const WORKFLOW =
  'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
  '    - uses: docker/build-push-action@v6\n        with:\n          tags: example/web:1\n   ' +
  '   - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
  'task-definition: ecs/task-definition.json\n          container-name: web\n          ' +
  'image: example/web:1\n';
const td = (cmd: string) =>
  `{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      ` +
  `"name": "web", "image": "example/web:1", "portMappings": [{ "containerPort": 8080 }],\n   ` +
  `   "healthCheck": { "command": ["CMD-SHELL", "${cmd}"] }\n    }\n  ]\n}\n`;

/** XF021: the health check probes a port nothing maps, or runs a client the image lacks. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'XF021',
    id: 'health-check-target',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'A container health check probes a port the container does not serve, ' +
      'or calls `curl`/`wget` that its image does not have.',
    messages: {
      port: 'The health check probes port {{port}}, but the container serves {{ports}}.',
      tool:
        'The health check runs `{{tool}}`, which the image does not have: its ' +
        'final stage is based on {{image}} ({{family}}) and does not install it.{{alternative}}',
      noShell:
        'The health check uses CMD-SHELL, but the image has no shell: its ' +
        'final stage is based on {{image}} ({{family}}).',
    },
    docs: {
      rationale:
        'A health check that cannot succeed marks every task unhealthy: ECS ' +
        'replaces them in a loop and the deployment never finishes. Two usual causes: the probe ' +
        'names an old port, or it calls `curl` in an image that has none (Alpine ships only ' +
        'BusyBox `wget`; slim, distroless and scratch images ship neither). The ports served are ' +
        "the container's `portMappings` and what its Dockerfile EXPOSEs (the port check needs " +
        'literal EXPOSEs, since a probe of an unmapped admin port is fine); the image is found ' +
        'through the workflow that builds it and renders this task definition. Base images come ' +
        'from a shipped list; unknown ones are not judged.',
      incorrect: td('curl -fsS http://localhost:3000/health || exit 1'),
      correct: td('wget -qO- http://localhost:8080/health || exit 1'),
      files: {
        '../.github/workflows/deploy.yml': WORKFLOW,
        '../Dockerfile': 'FROM node:22-alpine\nEXPOSE 8080\nCMD ["node", "server.js"]\n',
      },
      peers: [],
    },
  },
  check(ctx) {
    const view = taskDefView({ path: ctx.path, kind: 'taskdef', text: ctx.text, lines: ctx.lines, model: ctx.model });
    for (const c of view?.containers ?? []) {
      if (!c.healthCheck || !c.name) continue;
      const probe = probeOf(c.healthCheck.command);
      const src = imageSourceOfContainer(ctx.workspace, ctx.path, c.name);
      if (!src) continue;
      // A probe of a port that is neither mapped nor EXPOSEd. Without the image's EXPOSEs a probe of an
      // unmapped port is legitimate (an admin port checked from inside the container), so it needs them.
      const exposed = exposesDynamic(src.dockerfile.model, src.stage)
        ? []
        : exposedPorts(src.dockerfile.model, src.stage);
      const served = new Set([...c.ports.map((p) => p.port), ...exposed.map((e) => e.port)]);
      const known = exposed.length > 0;
      const related = [
        {
          path: src.dockerfile.path,
          start: src.stage.from.start,
          end: src.stage.from.end,
          message: 'the final stage of the image',
        },
      ];
      for (const port of probe.ports) {
        if (known && !served.has(port))
          ctx.report({
            ...c.healthCheck.span,
            messageId: 'port',
            data: { port, ports: [...served].sort((a, b) => a - b).join(', ') },
            related,
          });
      }
      const image = externalBase(src.dockerfile.model, src.stage);
      const base = image ? knownBase(image) : undefined;
      if (!image || !base) continue;
      if (probe.shellForm && !base.shell && !installs(src.dockerfile.model, src.stage, 'sh')) {
        ctx.report({ ...c.healthCheck.span, messageId: 'noShell', data: { image, family: base.family }, related });
        continue;
      }
      if (probe.tool && !base[probe.tool] && !installs(src.dockerfile.model, src.stage, probe.tool)) {
        const other = probe.tool === 'curl' ? 'wget' : 'curl';
        const alternative = base[other] ? ` It has \`${other}\`.` : '';
        ctx.report({
          ...c.healthCheck.span,
          messageId: 'tool',
          data: { tool: probe.tool, image, family: base.family, alternative },
          related,
        });
      }
    }
  },
});
