import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { buildSteps, isLiteral } from '../../crossfile/workflow';
import { declaredArgs, dockerfileAt, PREDEFINED_ARGS } from '../../crossfile/models';
import { relativeTo, repoRootOf } from '../../crossfile/paths';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF012',
    id: 'docker-build-args',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: 'A build argument is passed that the Dockerfile declares with no `ARG`.',
    messages: {
      undeclared: 'Build argument "{{name}}" is not declared by any ARG of {{path}}, so it has no effect.',
      undeclaredSuggest:
        'Build argument "{{name}}" is not declared by any ARG of {{path}}; did you mean "{{suggestion}}"?',
    },
    docs: {
      rationale:
        'A `--build-arg` (or a `build-args` line) that no `ARG` declares is ' +
        'ignored with only a warning in the build log: the version or flag you meant to pass never ' +
        'reaches the image. It is usually a typo or an ARG that was renamed.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: docker/build-push-action@v6\n        with:\n          build-args: |\n          ' +
        '  NODE_VERSON=22\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: docker/build-push-action@v6\n        with:\n          build-args: |\n          ' +
        '  NODE_VERSION=22\n',
      files: { '../../Dockerfile': 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim\n' },
      peers: ['docker buildx build (warning: build-arg not consumed)'],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root) return;
    for (const b of buildSteps(ctx.model, ctx.path)) {
      if (!b.buildArgs.length || !b.dockerfilePath) continue;
      const df = dockerfileAt(ctx.workspace, b.dockerfilePath);
      if (!df?.model.stages.length) continue;
      const args = declaredArgs(df.model);
      for (const a of b.buildArgs) {
        if (
          !isLiteral(a) ||
          !/^[A-Za-z_][A-Za-z0-9_]*$/.test(a.value) ||
          PREDEFINED_ARGS.has(a.value) ||
          args.includes(a.value)
        )
          continue;
        const suggestion = nearest(a.value, args, { mode: 'rename', containment: 'either' });
        ctx.report({
          start: a.start,
          end: a.end,
          messageId: suggestion ? 'undeclaredSuggest' : 'undeclared',
          data: { name: a.value, path: relativeTo(root, b.dockerfilePath), suggestion: suggestion ?? '' },
          suggestions: suggestion
            ? [
                {
                  title: `Change to "${suggestion}"`,
                  safe: false,
                  edits: [{ start: a.start, end: a.end, newText: suggestion }],
                },
              ]
            : undefined,
        });
      }
    }
  },
});
