import { defineRule } from '../../../engine/define';
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
        'major version. The fix replaces `latest` with a tag placeholder to complete (a ' +
        'suggestion).',
      incorrect: 'FROM node:latest',
      correct: 'FROM node:20-alpine',
      peers: ['hadolint DL3007'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      if (s.tag !== 'latest' || s.digest) continue;
      const start = s.imageEnd - 'latest'.length;
      ctx.report({
        start,
        end: s.imageEnd,
        messageId: 'latest',
        fix: {
          title: 'Pin an explicit tag',
          safe: false,
          snippet: true,
          edits: [{ start, end: s.imageEnd, newText: '${1:tag}' }],
        },
      });
    }
  },
});
