import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { buildSteps, DEPLOY_ACTION, ecsSteps, RENDER_ACTION } from '../../crossfile/workflow';
import { taskDefAt } from '../../crossfile/models';
import { relativeTo, repoRootOf } from '../../crossfile/paths';
import { repositoryOf } from './ecs-image-not-built';

const literal = (s: string) => !/[$<{]/.test(s);

const ecsWorkflow = (steps: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ` +
  `    - uses: docker/build-push-action@v6\n        with:\n          push: true\n          ` +
  `tags: \${{ vars.REGISTRY }}/web:\${{ github.sha }}\n${steps}`;
const render =
  '      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n      ' +
  '  id: render\n        with:\n          task-definition: ecs/task-definition.json\n        ' +
  '  container-name: web\n          image: ${{ vars.REGISTRY }}/web:${{ github.sha }}\n';
const deploy = (taskDefinition: string) =>
  `      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n      ` +
  `  with:\n          task-definition: ${taskDefinition}\n          service: web\n          ` +
  `cluster: prod\n`;

/**
 * XF042: a deploy step registers a task definition file as written, so the image the workflow just
 * built never reaches the service: the file is rendered in the same job but the deploy names the
 * file instead of the render's output, or no container of the file runs the built repository.
 */
export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF042',
    id: 'ecs-deployed-image-not-built',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description:
      'A deploy step registers a task definition file whose containers do not run the image this workflow builds.',
    messages: {
      unrendered:
        'This deploys {{path}} as written, not the output of the render step ' +
        '"{{render}}" that puts the new image in it: the service keeps running the old image.',
      notBuilt:
        'This deploys {{path}} as written, and none of its containers runs the ' +
        'repository this workflow builds ({{built}}): the service runs another image.',
    },
    docs: {
      rationale:
        '`amazon-ecs-deploy-task-definition` registers the file it is given. ' +
        'The usual pipeline renders the new image into the task definition first and deploys the ' +
        "render's output (`${{ steps.render.outputs.task-definition }}`); deploying the file " +
        'itself registers the image the file names, so the deployment "succeeds" with the old ' +
        'image. The same when the workflow deploys the file directly and no container runs the ' +
        'repository it pushes (a renamed ECR repository, a copied workflow). Repositories are ' +
        'compared by name (the last path segment), since a registry may be added later by `docker ' +
        'tag`. Skipped when a `run:` script mentions the file (it may be rewritten there), and ' +
        'when images are templated or given by expressions. The fix, a suggestion, deploys the ' +
        "render's output.",
      incorrect: ecsWorkflow(render + deploy('ecs/task-definition.json')),
      correct: ecsWorkflow(render + deploy('${{ steps.render.outputs.task-definition }}')),
      files: {
        '../../ecs/task-definition.json':
          '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", ' +
          '"image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1" }]\n}\n',
      },
      peers: ["Shipshape XF041 (the render step's image)"],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root) return;
    const tags = buildSteps(ctx.model, ctx.path).flatMap((b) => b.tags);
    if (!tags.length) return;
    const built = tags.map((t) => repositoryOf(t.value));
    const steps = ecsSteps(ctx.model, ctx.path);
    const scripts = ctx.model.jobs
      .flatMap((j) => j.steps)
      .filter((s) => s.run)
      .map((s) => s.run!.value)
      .join('\n');
    for (const d of steps) {
      if (d.action !== DEPLOY_ACTION || !d.taskDef || !d.taskDefPath) continue;
      const name = d.taskDefPath.slice(d.taskDefPath.lastIndexOf('/') + 1);
      if (scripts.includes(name)) continue;
      const path = relativeTo(root, d.taskDefPath);
      const at = { start: d.taskDef.contentStart, end: d.taskDef.contentEnd };
      const render = steps.find(
        (r) =>
          r.action === RENDER_ACTION &&
          r.job === d.job &&
          r.taskDefPath === d.taskDefPath &&
          r.step.index < d.step.index,
      );
      if (render) {
        const id = render.step.id?.value;
        ctx.report({
          ...at,
          messageId: 'unrendered',
          data: { path, render: id ?? render.step.name?.value ?? 'render' },
          suggestions: id
            ? [
                {
                  title: 'Deploy the rendered task definition',
                  safe: false,
                  edits: [{ ...at, newText: `\${{ steps.${id}.outputs.task-definition }}` }],
                },
              ]
            : undefined,
          related: [
            { path: ctx.path, start: render.step.uses!.start, end: render.step.uses!.end, message: 'the render step' },
          ],
        });
        continue;
      }
      if (steps.some((r) => r.action === RENDER_ACTION && r.taskDefPath === d.taskDefPath)) continue;
      const td = taskDefAt(ctx.workspace, d.taskDefPath);
      const images = td?.containers.map((c) => ({ c, ...repositoryOf(c.image ?? '') })) ?? [];
      if (!images.length || images.some((i) => !i.repo || !literal(i.repo))) continue;
      // compared by repository name (its last segment): a registry may be added by a later `docker tag`
      if (built.some((b) => !literal(b.name))) continue;
      if (images.some((i) => built.some((b) => b.name === i.name))) continue;
      const first = images[0].c;
      ctx.report({
        ...at,
        messageId: 'notBuilt',
        data: { path, built: [...new Set(built.map((b) => `"${b.repo}"`))].join(', ') },
        related: [{ path: d.taskDefPath, ...(first.imageSpan ?? first), message: `image: ${first.image}` }],
      });
    }
  },
});
