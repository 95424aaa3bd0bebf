import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { buildInfo } from '../build';
import { nodeEnd, nodeStart } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP033',
    id: 'build-context-missing',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'The `build` context folder does not exist in the workspace.',
    messages: { missing: 'The build context "{{context}}" does not exist.' },
    docs: {
      severity:
        'A likely bug: the build fails if the folder is really missing, but the workspace may not hold every ' +
        'folder the build will see.',
      rationale:
        "Relative contexts start at the compose file's folder; a wrong one " +
        'fails `docker compose build` with "path not found". Git URLs and interpolated paths are ' +
        'not checked. A warning, not an error, because the folder may be created by a script or ' +
        'excluded from the workspace.',
      incorrect: 'services:\n  api:\n    build: ./sevrer\n',
      correct:
        'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:22-slim\n',
      peers: ['docker compose build'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const info = buildInfo(ctx.model, svc, ctx.path);
      if (!info || info.remote || !info.contextNode || info.context.includes('$')) continue;
      if (ctx.workspace.exists(info.contextPath)) continue;
      ctx.workspace.dependOn?.(ctx.path, info.contextPath);
      ctx.report({
        start: nodeStart(info.contextNode),
        end: nodeEnd(info.contextNode),
        messageId: 'missing',
        data: { context: info.context },
      });
    }
  },
});
