import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { buildSteps, isLiteral } from '../../crossfile/workflow';
import { relativeTo, repoRootOf } from '../../crossfile/paths';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF010',
    id: 'docker-build-files',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The build context or Dockerfile of `docker/build-push-action` or `docker build` does not exist.',
    messages: {
      noContext: 'The build context {{path}} does not exist.',
      noDockerfile: 'No Dockerfile at {{path}}{{hint}}.',
    },
    docs: {
      rationale:
        'A build whose context or Dockerfile is missing fails the job ("failed ' +
        'to read dockerfile: open Dockerfile: no such file or directory"). `file` of ' +
        '`docker/build-push-action` and `-f` of `docker build` are read from the working directory ' +
        '(the repository root), not from the context, a frequent confusion. Paths with expressions ' +
        'or variables are not checked.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        ' +
        'with:\n          context: app\n          file: Dockerfile\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        ' +
        'with:\n          context: app\n          file: app/Dockerfile\n',
      files: { '../../app/Dockerfile': 'FROM alpine:3.20\n' },
      peers: ['docker buildx build (at run time)'],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root) return;
    // Outside a checkout the files are not there: only a workspace that holds the repository is checked.
    if (!ctx.workspace.exists(root + '/.github')) return;
    for (const b of buildSteps(ctx.model, ctx.path)) {
      if (b.context && isLiteral(b.context) && b.contextPath && !ctx.workspace.exists(b.contextPath)) {
        ctx.report({
          start: b.context.start,
          end: b.context.end,
          messageId: 'noContext',
          data: { path: relativeTo(root, b.contextPath) },
        });
        continue;
      }
      if (!b.dockerfilePath || (b.file && !isLiteral(b.file))) continue;
      // Only a Dockerfile the step names: the default one may come from an earlier step or another checkout.
      if (!b.file) continue;
      ctx.workspace.dependOn?.(ctx.path, b.dockerfilePath);
      if (ctx.workspace.exists(b.dockerfilePath)) continue;
      const at = b.file;
      const inContext = b.file && b.contextPath ? `${b.contextPath}/${b.file.value.replace(/^\.\//, '')}` : undefined;
      const hint =
        inContext && ctx.workspace.exists(inContext)
          ? ` (the path is relative to the working directory, not to the context: ` +
            `write ${relativeTo(b.cwd, inContext)})`
          : '';
      ctx.report({
        start: at.start,
        end: at.end,
        messageId: 'noDockerfile',
        data: { path: relativeTo(root, b.dockerfilePath), hint },
      });
    }
  },
});
