import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { taskDefView } from '../../crossfile/models';
import { imageSourceOfContainer } from '../../crossfile/links';
import { runnerArch, runnerLabels } from '../../crossfile/workflow';
import { relativeTo, repoRootOf } from '../../crossfile/paths';
import type { WorkflowModel } from '../../workflow/parse';

const ARCH: Record<string, 'arm64' | 'amd64'> = { ARM64: 'arm64', X86_64: 'amd64' };
const platformArch = (p: string): 'arm64' | 'amd64' | undefined =>
  /arm64|aarch64/.test(p) ? 'arm64' : /amd64|x86_64/.test(p) ? 'amd64' : undefined;

const WORKFLOW = (extra: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ` +
  `    - uses: docker/build-push-action@v6\n        with:\n          tags: ` +
  `example/web:1\n${extra}      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n   ` +
  `     with:\n          task-definition: ecs/task-definition.json\n          ` +
  `container-name: web\n          image: example/web:1\n`;

/** XF040: the image is built for one CPU architecture and the task runs on another. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'XF040',
    id: 'image-architecture',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    fixable: false,
    description:
      "`runtimePlatform.cpuArchitecture` is not an architecture the workflow builds the container's image for.",
    messages: {
      mismatch:
        'The task runs on {{arch}}, but {{workflow}} builds the image of ' +
        '"{{name}}" for {{built}} ({{why}}); the task will stop with "exec format error".',
    },
    docs: {
      rationale:
        'An image built on an x86 runner without `platforms` is amd64 only; a ' +
        'task definition with `cpuArchitecture: ARM64` (Graviton) cannot start it ("exec format ' +
        'error", the task stops at once), and the reverse. The build is the one linked to the ' +
        'container through the workflow that renders this task definition; its architectures come ' +
        'from `platforms`, else from `FROM --platform` of the final stage, else from the runner ' +
        '(`ubuntu-24.04-arm` is arm64). Without `runtimePlatform` the task runs on X86_64.',
      incorrect:
        '{\n  "family": "web",\n  "runtimePlatform": { "cpuArchitecture": ' +
        '"ARM64", "operatingSystemFamily": "LINUX" },\n  "containerDefinitions": [{ "name": "web", ' +
        '"image": "example/web:1" }]\n}\n',
      correct:
        '{\n  "family": "web",\n  "runtimePlatform": { "cpuArchitecture": ' +
        '"X86_64", "operatingSystemFamily": "LINUX" },\n  "containerDefinitions": [{ "name": ' +
        '"web", "image": "example/web:1" }]\n}\n',
      files: {
        '../.github/workflows/deploy.yml': WORKFLOW(''),
        '../Dockerfile': 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
      },
      peers: [],
    },
  },
  check(ctx) {
    const view = taskDefView({ path: ctx.path, kind: 'taskdef', text: ctx.text, lines: ctx.lines, model: ctx.model });
    if (!view) return;
    const written = view.cpuArchitecture?.value;
    if (written !== undefined && !ARCH[written]) return;
    const arch = ARCH[written ?? 'X86_64'];
    for (const c of view.containers) {
      if (!c.name) continue;
      const src = imageSourceOfContainer(ctx.workspace, ctx.path, c.name);
      if (!src?.build || !src.workflow) continue;
      const wf = ctx.workspace.get(src.workflow);
      if (!wf) continue;
      let built: ('arm64' | 'amd64')[] = [];
      let why = '';
      const related = [];
      if (src.build.platforms.length) {
        if (src.build.platforms.some((p) => p.value.includes('$'))) continue;
        built = src.build.platforms.map((p) => platformArch(p.value)).filter((a): a is 'arm64' | 'amd64' => !!a);
        if (built.length !== src.build.platforms.length) continue;
        why = `platforms: ${src.build.platforms.map((p) => p.value).join(', ')}`;
        related.push({
          path: src.workflow,
          start: src.build.platforms[0].start,
          end: src.build.platforms[0].end,
          message: 'the platforms the image is built for',
        });
      } else if (src.stage.platform?.value) {
        const a = platformArch(src.stage.platform.value);
        if (!a || src.stage.platform.value.includes('$')) continue;
        built = [a];
        why = `FROM --platform=${src.stage.platform.value}`;
        related.push({
          path: src.dockerfile.path,
          start: src.stage.platform.start,
          end: src.stage.platform.end,
          message: 'the platform of the final stage',
        });
      } else {
        const labels = runnerLabels(wf.model as WorkflowModel, src.build.job);
        const a = runnerArch(labels);
        if (!a) continue;
        built = [a];
        why = `on a ${labels.join(', ')} runner, without platforms`;
        related.push({
          path: src.workflow,
          start: src.build.job.keyStart,
          end: src.build.job.keyEnd,
          message: 'the job that builds the image',
        });
      }
      if (built.includes(arch)) continue;
      const root = repoRootOf(src.workflow);
      const at = view.cpuArchitecture?.span ?? c.nameSpan ?? c;
      ctx.report({
        ...at,
        messageId: 'mismatch',
        data: {
          arch: written ?? 'X86_64 (the default)',
          workflow: root ? relativeTo(root, src.workflow) : src.workflow,
          name: c.name,
          built: [...new Set(built)].join(' and '),
          why,
        },
        related,
      });
    }
  },
});
