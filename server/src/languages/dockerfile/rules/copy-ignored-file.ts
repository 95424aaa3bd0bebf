import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { literalCopySources } from '../util';
import { ignoreFileFor } from '../context';
import { isExcluded } from '../../dockerignore/patterns';
import { composeBuildsOf, workflowBuildsOf } from '../../crossfile/links';
import { ignoreInForce } from '../../crossfile/context';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF015',
    id: 'copy-ignored-file',
    defaultSeverity: 'warning',
    description: 'COPY/ADD of a path that the .dockerignore excludes from the build context.',
    messages: {
      ignored:
        '`{{src}}` is excluded by `{{pattern}}` in {{file}}: it is not in the ' +
        'build context, so this {{keyword}} fails or copies nothing.',
    },
    fixable: false,
    docs: {
      rationale:
        'Files excluded by .dockerignore never reach the builder; a COPY that ' +
        'names one fails with "not found" (or, with a wildcard, silently copies less). BuildKit ' +
        '`CopyIgnoredFile`. We read `<Dockerfile>.dockerignore` or the `.dockerignore` next to the ' +
        "Dockerfile, assuming the Dockerfile's folder is the context; when every compose service " +
        'and workflow that builds this Dockerfile uses another context whose ignore file is ' +
        'another one, that guess is wrong and this rule stays silent (XF015 reports what the ' +
        'ignore file in force excludes).',
      incorrect: 'FROM alpine:3.20\nCOPY CHANGELOG.md /app/',
      correct: 'FROM alpine:3.20\nCOPY README.md /app/',
      peers: ['BuildKit CopyIgnoredFile'],
      files: { '.dockerignore': '*.md\n!README.md\n' },
    },
  },
  check(ctx) {
    const ignore = ignoreFileFor(ctx.path, ctx.workspace);
    if (!ignore || ignore.model.patterns.length === 0) return;
    // The builds the workspace knows of: when none of them uses this ignore file, it is not in force.
    const contexts = [
      ...composeBuildsOf(ctx.workspace, ctx.path).map((b) => b.info.contextPath),
      ...workflowBuildsOf(ctx.workspace, ctx.path).map((b) => b.build.contextPath),
    ];
    if (
      contexts.length &&
      contexts.every(
        (c) => c !== undefined && !c.includes('$') && ignoreInForce(ctx.workspace, c, ctx.path)?.path !== ignore.path,
      )
    )
      return;
    for (const { ins, word: src } of literalCopySources(ctx.model)) {
      const r = isExcluded(ignore.model, src.value);
      if (r.excluded && r.by && r.by.cleaned !== '.')
        ctx.report({
          start: src.start,
          end: src.end,
          messageId: 'ignored',
          data: {
            src: src.value,
            pattern: (r.by.negated ? '!' : '') + r.by.text,
            file: ignore.path.slice(ignore.path.lastIndexOf('/') + 1),
            keyword: ins.keyword,
          },
        });
    }
  },
});
