import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { contextIgnore } from '../../crossfile/context';
import { composeBuildsOf, workflowBuildsOf } from '../../crossfile/links';
import { dirname, relativeTo } from '../../crossfile/paths';

/**
 * XF015: the other side of XF014 (workflow builds) and XF025 (compose builds): a COPY source that
 * the `.dockerignore` of the context another file builds this Dockerfile from excludes.
 */
export const rule = defineRule<DockerfileModel>({
  meta: {
    code: 'XF015',
    id: 'copy-ignored-by-build-context',
    kinds: ['dockerfile'],
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'A COPY/ADD source is excluded by the .dockerignore of the context a ' +
      'compose file or workflow builds this Dockerfile from.',
    messages: {
      ignored:
        '`{{src}}` is excluded by `{{pattern}}` in {{ignore}}, the ignore file ' +
        'of the context {{where}} builds this Dockerfile from: that build fails with "not found".',
    },
    docs: {
      rationale:
        'When a compose service or a workflow builds this Dockerfile from ' +
        'another folder (`context: .` with `dockerfile: services/api/Dockerfile`), the ignore file ' +
        "in force is that context's `.dockerignore` (unless `<Dockerfile>.dockerignore` exists), " +
        'not the one beside the Dockerfile that DF015 reads. A source it excludes breaks that ' +
        'build only, in CI or on `docker compose build`. Shown here, on the COPY, with links to ' +
        'the build and the pattern (the compose file shows XF025, the workflow XF014).',
      incorrect: 'FROM node:22-slim\nWORKDIR /app\nCOPY config/app.yaml ./config/\n',
      correct: 'FROM node:22-slim\nWORKDIR /app\nCOPY src ./src\n',
      files: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
          '   - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        ' +
          'with:\n          context: app\n          file: Dockerfile\n',
        'app/.dockerignore': 'config\n',
      },
      peers: ['Shipshape XF025 (the compose side)', 'Shipshape XF014 (the workflow side)'],
    },
  },
  check(ctx) {
    const dir = dirname(ctx.path);
    const builds: { contextPath: string; where: string; path: string; start: number; end: number }[] = [];
    for (const { path: p, svc, info } of composeBuildsOf(ctx.workspace, ctx.path)) {
      const at = info.contextNode ?? info.dockerfileNode;
      const range = at?.range ? { start: at.range[0], end: at.range[1] } : { start: svc.keyStart, end: svc.keyEnd };
      builds.push({
        contextPath: info.contextPath,
        where: `${relativeTo(dir, p)} (service ${svc.name})`,
        path: p,
        ...range,
      });
    }
    for (const { path: p, build: b } of workflowBuildsOf(ctx.workspace, ctx.path)) {
      if (!b.contextPath || (b.context && /\$/.test(b.context.value))) continue;
      const at = b.context ?? b.step.uses;
      if (at)
        builds.push({
          contextPath: b.contextPath,
          where: p.slice(p.lastIndexOf('/.github/') + 1),
          path: p,
          start: at.start,
          end: at.end,
        });
    }
    const reported = new Set<string>();
    for (const build of builds) {
      const found = contextIgnore(ctx.workspace, build.contextPath, ctx.path);
      for (const s of found?.sources ?? []) {
        const key = `${s.start}:${found!.ignorePath}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report({
          start: s.start,
          end: s.end,
          messageId: 'ignored',
          data: {
            src: s.src,
            pattern: (s.pattern.negated ? '!' : '') + s.pattern.text,
            ignore: relativeTo(dir, found!.ignorePath),
            where: build.where,
          },
          related: [
            { path: build.path, start: build.start, end: build.end, message: 'the build context' },
            {
              path: found!.ignorePath,
              start: s.pattern.start,
              end: s.pattern.end,
              message: `excluded by ${s.pattern.text}`,
            },
          ],
        });
      }
    }
  },
});
