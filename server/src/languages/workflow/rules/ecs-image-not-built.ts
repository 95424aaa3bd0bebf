import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { buildSteps, ecsSteps, type Word } from '../../crossfile/workflow';

/**
 * The repository of an image reference (without tag or digest), and its last path segment; `${{ }}` may hold colons.
 */
export function repositoryOf(ref: string): { repo: string; name: string } {
  const r = ref.trim();
  const masked = r.replace(/\$\{\{.*?\}\}|\$\{[^}]*\}/g, (m) => 'x'.repeat(m.length));
  let end = masked.indexOf('@');
  if (end < 0) end = masked.length;
  const slash = masked.lastIndexOf('/', end);
  const colon = masked.lastIndexOf(':', end);
  if (colon > slash) end = colon;
  const repo = r.slice(0, end);
  return { repo, name: repo.slice(repo.lastIndexOf('/') + 1) };
}

const literal = (s: string) => !s.includes('$');

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF041',
    id: 'ecs-image-not-built',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'The image an ECS render step puts in the task definition is not a repository the workflow builds.',
    messages: {
      notBuilt:
        'The task definition gets image repository "{{repo}}", but this ' +
        'workflow builds and tags {{built}}; the service would run another (or an old) image.',
    },
    docs: {
      rationale:
        'The render step writes `image` into the task definition; when its ' +
        'repository differs from the one the build step tags and pushes (a renamed ECR repository, ' +
        'a copied workflow), the deployment succeeds and runs the wrong image, or fails to pull. ' +
        'Compared when the repository names are written literally on both sides (registries given ' +
        'by expressions are compared by their last path segment).',
      incorrect:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: docker/build-push-action@v6\n        with:\n          push: true\n          ' +
        'tags: ${{ vars.REGISTRY }}/web-api:${{ github.sha }}\n      - uses: ' +
        'aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          container-name: web\n          ' +
        'image: ${{ vars.REGISTRY }}/web:${{ github.sha }}\n',
      correct:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: docker/build-push-action@v6\n        with:\n          push: true\n          ' +
        'tags: ${{ vars.REGISTRY }}/web-api:${{ github.sha }}\n      - uses: ' +
        'aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          container-name: web\n          ' +
        'image: ${{ vars.REGISTRY }}/web-api:${{ github.sha }}\n',
      peers: [],
    },
  },
  check(ctx) {
    const tags: Word[] = buildSteps(ctx.model, ctx.path).flatMap((b) => b.tags);
    if (!tags.length) return;
    const built = tags.map((t) => ({ t, ...repositoryOf(t.value) }));
    for (const s of ecsSteps(ctx.model, ctx.path)) {
      const image = s.inputs.get('image');
      if (!image || image.block) continue;
      const v = image.value.trim();
      if (/^\$\{\{[^}]*\}\}$/.test(v)) continue;
      const mine = repositoryOf(v);
      const comparable = built.filter(
        (b) => (literal(b.repo) && literal(mine.repo)) || (literal(b.name) && literal(mine.name)),
      );
      if (!comparable.length || comparable.length !== built.length) continue;
      const same = comparable.some((b) =>
        literal(b.repo) && literal(mine.repo) ? b.repo === mine.repo : b.name === mine.name,
      );
      if (same) continue;
      ctx.report({
        start: image.contentStart,
        end: image.contentEnd,
        messageId: 'notBuilt',
        data: { repo: mine.repo, built: [...new Set(built.map((b) => `"${b.repo}"`))].join(', ') },
        related: [
          { path: ctx.path, start: built[0].t.start, end: built[0].t.end, message: 'the tag the workflow builds' },
        ],
      });
    }
  },
});
