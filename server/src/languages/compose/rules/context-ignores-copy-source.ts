import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { localBuild } from '../build';
import { nodeEnd, nodeStart } from '../../../yaml/view';
import { contextIgnore } from '../../crossfile/context';
import { relativeTo, dirname } from '../../crossfile/paths';

/** XF025: the build context compose chooses has a .dockerignore that excludes a COPY source of the Dockerfile. */
export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'XF025',
    id: 'context-ignores-copy-source',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: false,
    description: "The `.dockerignore` of the service's build context excludes a file its Dockerfile copies.",
    messages: {
      ignored:
        '{{ignore}} (the ignore file of this build context) excludes `{{src}}` ' +
        'with `{{pattern}}`, but {{dockerfile}} line {{line}} {{keyword}}s it: the build fails ' +
        'with "not found".',
    },
    docs: {
      rationale:
        'Docker reads the `.dockerignore` at the root of the build context ' +
        '(unless a `<Dockerfile>.dockerignore` sits beside the Dockerfile). When `build.context` ' +
        "is not the Dockerfile's folder (a monorepo building `services/api/Dockerfile` from the " +
        "repository root), the ignore file in force is the context's, not the one beside the " +
        'Dockerfile that editors and DF015 look at. A COPY source it excludes never reaches the ' +
        'builder. Reported on the context, with a link to the COPY. When the ignore file in force ' +
        'is the one beside the Dockerfile, DF015 reports it in the Dockerfile instead.',
      incorrect: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n',
      correct: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/release.Dockerfile\n',
      files: {
        '.dockerignore': '# the repository root: keep the context small\nservices/*/config\n',
        'services/api/Dockerfile':
          'FROM node:22-slim\nWORKDIR /app\nCOPY services/api/config/ ' +
          './config/\nCOPY services/api/ .\nCMD ["node", "server.js"]\n',
        // the configuration comes from the environment at run time, not from the image
        'services/api/release.Dockerfile':
          'FROM node:22-slim\nWORKDIR /app\nCOPY services/api/ .\nCMD ["node", "server.js"]\n',
      },
      peers: ["BuildKit CopyIgnoredFile (from the Dockerfile side, with the Dockerfile's folder as context)"],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const info = localBuild(ctx.model, svc, ctx.path);
      if (!info) continue;
      const found = contextIgnore(ctx.workspace, info.contextPath, info.dockerfilePath);
      if (!found?.sources.length) continue;
      const at = info.contextNode ?? info.dockerfileNode ?? svc.get('build')?.keyNode;
      if (!at) continue;
      const dir = dirname(ctx.path);
      for (const s of found.sources) {
        ctx.report({
          start: nodeStart(at),
          end: nodeEnd(at),
          messageId: 'ignored',
          data: {
            ignore: relativeTo(dir, found.ignorePath),
            src: s.src,
            pattern: (s.pattern.negated ? '!' : '') + s.pattern.text,
            dockerfile: relativeTo(dir, info.dockerfilePath),
            line: s.line,
            keyword: s.keyword,
          },
          related: [
            { path: info.dockerfilePath, start: s.start, end: s.end, message: `${s.keyword} ${s.src}` },
            {
              path: found.ignorePath,
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
