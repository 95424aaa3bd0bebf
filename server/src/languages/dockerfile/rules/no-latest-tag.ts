import { defineRule } from '../../../engine/define';
import { tagChoice } from '../data';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3007',
    id: 'no-latest-tag',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A FROM image uses the moving `latest` tag.',
    messages: {
      latest: '`:latest` moves: a later build may get a different base image. Pin a version tag or a digest.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Reproducibility practice: the build works today and may change with the next push of the image.',
      rationale:
        '`latest` moves: rebuilding the same Dockerfile later may pull a new ' +
        'major version. The fix (a suggestion) replaces `latest` with a current tag of the image, chosen in the ' +
        'editor from the tags Shipshape knows; for an image it does not know, the editor asks for the tag. An ' +
        'editor without snippet edits gets the first current tag, or no fix rather than a placeholder word.',
      incorrect: 'FROM node:latest',
      correct: 'FROM node:20-alpine',
      peers: ['hadolint DL3007'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      if (s.tag !== 'latest' || s.digest) continue;
      const start = s.imageEnd - 'latest'.length;
      const tag = tagChoice(s.imageName ?? '');
      ctx.report({
        start,
        end: s.imageEnd,
        messageId: 'latest',
        fix: {
          title: tag.plain ? `Pin a current tag (${tag.plain}…)` : 'Pin an explicit tag',
          safe: false,
          snippet: true,
          edits: [{ start, end: s.imageEnd, newText: tag.snippet }],
          fallback: tag.plain ? [{ start, end: s.imageEnd, newText: tag.plain }] : undefined,
        },
      });
    }
  },
});
