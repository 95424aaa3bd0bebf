import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { localBuild } from '../build';
import { nodeEnd, nodeStart } from '../../../yaml/view';
import { ignoreInForce } from '../../crossfile/context';
import { isExcluded } from '../../dockerignore/patterns';
import { posix } from 'node:path';
import { relativeTo, dirname } from '../../crossfile/paths';

/**
 * XF026: the context's ignore file excludes the Dockerfile; harmless for Docker and BuildKit, fatal for older builders.
 */
export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'XF026',
    id: 'context-ignores-dockerfile',
    kinds: ['compose'],
    defaultSeverity: 'info',
    fixable: false,
    description: "The `.dockerignore` of the service's build context excludes the Dockerfile itself.",
    messages: {
      excluded:
        "{{ignore}} excludes this build's Dockerfile (`{{dockerfile}}`) with " +
        '`{{pattern}}`; current Docker and BuildKit still build, but docker-compose 1.x and ' +
        'builders that send the filtered context themselves do not find it.',
    },
    docs: {
      rationale:
        'Docker (since 1.5) and BuildKit always send the Dockerfile and the ' +
        '`.dockerignore` to the builder, whatever the ignore file says, so for `docker compose ' +
        'build` and `docker build` this is harmless. It broke the Python docker-compose 1.x (and ' +
        'old docker-py), which filtered the context itself and then could not find the Dockerfile ' +
        '("Cannot locate specified Dockerfile"), and it still breaks tools that tar the context ' +
        'themselves and send it to a remote builder (some CI builders, Kaniko-style setups fed the ' +
        'filtered folder). Excluding the Dockerfile is often intentional (keeping it out of `COPY ' +
        '. .` so that editing it does not invalidate the layer cache); then turn this rule off in ' +
        '`.shipshape.yaml` (`rules: { XF026: off }`). Reported only when the Dockerfile lies ' +
        'inside the build context.',
      incorrect: 'services:\n  web:\n    build: .\n',
      correct: 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/web.Dockerfile\n',
      files: {
        '.dockerignore': '.git\nDockerfile\n',
        Dockerfile: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n',
        'docker/web.Dockerfile': 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n',
      },
      peers: ['docker/compose#1329 (docker-compose 1.x "Cannot locate specified Dockerfile")'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const info = localBuild(ctx.model, svc, ctx.path);
      if (!info) continue;
      const rel = posix.relative(info.contextPath, info.dockerfilePath);
      if (!rel || rel.startsWith('../') || posix.isAbsolute(rel)) continue;
      const ignore = ignoreInForce(ctx.workspace, info.contextPath, info.dockerfilePath);
      if (!ignore) continue;
      const r = isExcluded(ignore.model, rel);
      if (!r.excluded || !r.by) continue;
      const at = info.dockerfileNode ?? info.contextNode ?? svc.get('build')?.keyNode;
      if (!at) continue;
      const dir = dirname(ctx.path);
      ctx.report({
        start: nodeStart(at),
        end: nodeEnd(at),
        messageId: 'excluded',
        data: {
          ignore: relativeTo(dir, ignore.path),
          dockerfile: relativeTo(dir, info.dockerfilePath),
          pattern: (r.by.negated ? '!' : '') + r.by.text,
        },
        related: [{ path: ignore.path, start: r.by.start, end: r.by.end, message: `excludes ${rel}` }],
      });
    }
  },
});
