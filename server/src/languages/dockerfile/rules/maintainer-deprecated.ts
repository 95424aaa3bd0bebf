import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4000',
    id: 'maintainer-deprecated',
    defaultSeverity: 'info',
    presets: { hadolint: 'error' },
    description: 'The obsolete MAINTAINER instruction.',
    messages: {
      maintainer:
        'MAINTAINER is obsolete: record the author with `LABEL ' +
        'org.opencontainers.image.authors=...` (or `LABEL maintainer=...`).',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'Practice: MAINTAINER is deprecated but still accepted; the build succeeds (hadolint calls it an ' + 'error).',
      rationale:
        'MAINTAINER has been deprecated since Docker 1.13; a label carries the ' +
        'same information and tools read it. Same check as BuildKit `MaintainerDeprecated`. The ' +
        'fix rewrites it as `LABEL maintainer="..."` (a suggestion: the image metadata changes ' +
        'shape).',
      incorrect: 'MAINTAINER Jane <jane@example.com>',
      correct: 'LABEL maintainer="Jane <jane@example.com>"',
      peers: ['hadolint DL4000', 'BuildKit MaintainerDeprecated'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'MAINTAINER') continue;
      const value = ctx.text
        .slice(ins.bodyStart, ins.end)
        .replace(/\\\r?\n\s*/g, ' ')
        .trim();
      ctx.report({
        start: ins.start,
        end: ins.end,
        messageId: 'maintainer',
        fix: {
          title: 'Replace with LABEL maintainer',
          safe: false,
          edits: [{ start: ins.start, end: ins.end, newText: `LABEL maintainer=${JSON.stringify(value)}` }],
        },
      });
    }
  },
});
