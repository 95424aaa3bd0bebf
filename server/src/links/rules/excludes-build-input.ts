import { defineRule } from '../../engine/define';
import type { DockerfileFacts } from '../../languages/dockerfile/facts';
import { isExcluded, type IgnoreFacts } from '../../languages/dockerignore/facts';
import { dockerfileOfIgnore } from '../context';
import { own } from '../facts';

export const rule = defineRule<unknown>({
  meta: {
    code: 'DI002',
    id: 'excludes-build-input',
    kinds: ['dockerignore'],
    defaultSeverity: 'warning',
    description: 'A pattern excludes a file that the Dockerfile next to it copies.',
    messages: {
      source:
        '`{{pattern}}` excludes `{{src}}`, which {{dockerfile}} copies on line {{line}}: that COPY/ADD will fail.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Excluded files never reach the builder, so a COPY that names one ' +
        'fails with "not found". We read the Dockerfile (and `Dockerfile.dockerignore` pairs) in ' +
        'the same folder through the workspace. The fix adds a `!path` re-include at the end (a ' +
        'suggestion). Excluding the Dockerfile itself is harmless (Docker always sends it) and not ' +
        'reported.',
      incorrect: '# Dockerfile: COPY config/app.yaml /etc/app/\nconfig',
      correct: 'config\n!config/app.yaml',
      peers: ['BuildKit CopyIgnoredFile (from the Dockerfile side)'],
    },
  },
  check(ctx) {
    const dir = ctx.path.slice(0, ctx.path.lastIndexOf('/'));
    const dockerfilePath = dockerfileOfIgnore(ctx.path);
    const df = ctx.workspace.facts(dockerfilePath);
    const ignore = own<IgnoreFacts>(ctx);
    if (df?.kind !== 'dockerfile' || !ignore) return;
    const reported = new Set<string>();
    for (const w of (df.facts as DockerfileFacts).copySources) {
      const v = w.value;
      if (reported.has(v)) continue;
      const r = isExcluded(ignore, v);
      if (!r.excluded || !r.by || r.by.cleaned === '.') continue;
      reported.add(v);
      const line = w.line;
      const end = ctx.text.length;
      const sep = ctx.text.endsWith('\n') || ctx.text === '' ? '' : '\n';
      ctx.report({
        start: r.by.start,
        end: r.by.end,
        messageId: 'source',
        data: { pattern: r.by.text, src: v, dockerfile: dockerfilePath.slice(dir.length + 1), line },
        fix: {
          title: `Re-include ${v}`,
          safe: false,
          edits: [{ start: end, end, newText: `${sep}!${v.replace(/^\.\//, '')}\n` }],
        },
      });
    }
  },
});
