import { defineRule } from '../../../engine/define';
import { posix } from 'node:path';
import type { ComposeModel } from '../parse';
import { buildInfo } from '../build';
import { nodeEnd, nodeStart } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP034',
    id: 'dockerfile-missing',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'The Dockerfile a `build` names (or the default `Dockerfile` in its context) does not exist.',
    messages: { missing: 'No Dockerfile at {{path}}{{hint}}.' },
    docs: {
      severity:
        'A likely bug: the build fails if the file is really missing, but the workspace may not hold every ' +
        'file the build will see.',
      rationale:
        '`build.dockerfile` is relative to the build context, not to the ' +
        'compose file, a frequent confusion. When the file is not there, `docker compose build` ' +
        'fails. Checked only when the context itself exists.',
      incorrect: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: ./server/Dockerfile.dev\n',
      correct:
        'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:22-slim\n',
      peers: ['docker compose build'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const info = buildInfo(ctx.model, svc, ctx.path);
      if (!info || info.remote || info.inline || info.context.includes('$') || info.dockerfile.includes('$')) continue;
      if (!ctx.workspace.exists(info.contextPath)) continue;
      ctx.workspace.dependOn?.(ctx.path, info.dockerfilePath);
      if (ctx.workspace.exists(info.dockerfilePath)) continue;
      const node = info.dockerfileNode ?? info.contextNode;
      if (!node) continue;
      const besideCompose = posix.resolve(posix.dirname(ctx.path), info.dockerfile);
      const hint =
        info.dockerfileNode && besideCompose !== info.dockerfilePath && ctx.workspace.exists(besideCompose)
          ? ' (the path is relative to the build context, not to the compose file)'
          : '';
      ctx.report({
        start: nodeStart(node),
        end: nodeEnd(node),
        messageId: 'missing',
        data: { path: posix.relative(posix.dirname(ctx.path), info.dockerfilePath) || info.dockerfilePath, hint },
      });
    }
  },
});
