import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { buildSteps } from '../../crossfile/workflow';
import { contextIgnore } from '../../crossfile/context';
import { relativeTo, repoRootOf } from '../../crossfile/paths';

/** XF014: the build context a workflow chooses has a .dockerignore that excludes a COPY source of the Dockerfile. */
export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF014',
    id: 'build-context-ignores-copy-source',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    fixable: false,
    description: "The `.dockerignore` of a workflow build's context excludes a file its Dockerfile copies.",
    messages: {
      ignored:
        '{{ignore}} (the ignore file of this build context) excludes `{{src}}` ' +
        'with `{{pattern}}`, but {{dockerfile}} line {{line}} {{keyword}}s it: the build fails ' +
        'with "not found".',
    },
    docs: {
      rationale:
        'Docker reads the `.dockerignore` at the root of the build context ' +
        '(unless a `<Dockerfile>.dockerignore` sits beside the Dockerfile). When a workflow builds ' +
        "with a context other than the Dockerfile's folder (`docker/build-push-action` with " +
        '`context: .` and `file: services/api/Dockerfile`, or `docker build -f ' +
        "services/api/Dockerfile .`), the ignore file in force is the context's, not the one " +
        'beside the Dockerfile that editors and DF015 look at; a COPY source it excludes fails the ' +
        'CI build. Reported on the context (or on `uses:` when the action builds the repository ' +
        'root by default), with a link to the COPY.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - run: docker build -f services/api/Dockerfile .\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - run: docker build -f ' +
        'services/api/release.Dockerfile .\n',
      files: {
        '../../.dockerignore': '# the repository root: keep the context small\nservices/*/config\n',
        '../../services/api/Dockerfile':
          'FROM node:22-slim\nWORKDIR /app\nCOPY services/api/config/ ' +
          './config/\nCOPY services/api/ .\nCMD ["node", "server.js"]\n',
        // the configuration comes from the environment at run time, not from the image
        '../../services/api/release.Dockerfile':
          'FROM node:22-slim\nWORKDIR /app\nCOPY services/api/ .\nCMD ["node", "server.js"]\n',
      },
      peers: ["BuildKit CopyIgnoredFile (from the Dockerfile side, with the Dockerfile's folder as context)"],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root) return;
    for (const b of buildSteps(ctx.model, ctx.path)) {
      if (!b.contextPath || !b.dockerfilePath) continue;
      if (b.context && /\$/.test(b.context.value)) continue;
      const found = contextIgnore(ctx.workspace, b.contextPath, b.dockerfilePath);
      if (!found?.sources.length) continue;
      const at = b.context ?? b.step.uses;
      if (!at) continue;
      for (const s of found.sources) {
        ctx.report({
          start: at.start,
          end: at.end,
          messageId: 'ignored',
          data: {
            ignore: relativeTo(root, found.ignorePath),
            src: s.src,
            pattern: (s.pattern.negated ? '!' : '') + s.pattern.text,
            dockerfile: relativeTo(root, b.dockerfilePath),
            line: s.line,
            keyword: s.keyword,
          },
          related: [
            { path: b.dockerfilePath, start: s.start, end: s.end, message: `${s.keyword} ${s.src}` },
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
