import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { meta } from '../util';

export const rule: Rule<DockerfileModel> = {
  meta: meta({
    code: 'DL3007', id: 'no-latest-tag', defaultSeverity: 'warning',
    description: 'Using `latest` is prone to errors if the image ever updates; pin a version tag.',
    messages: { latest: 'Using `latest` is prone to errors if the image will ever update. Pin the version explicitly to a release tag.' },
    fixable: 'suggestion',
    docs: {
      rationale: '`latest` moves: rebuilding the same Dockerfile later may pull a new major version. The fix replaces `latest` with a tag placeholder to complete (a suggestion).',
      incorrect: 'FROM node:latest', correct: 'FROM node:20-alpine', peers: ['hadolint DL3007'],
    },
  }),
  check(ctx) {
    for (const s of ctx.model.stages) {
      if (s.tag !== 'latest' || s.digest) continue;
      const start = s.imageEnd - 'latest'.length;
      ctx.report({
        start, end: s.imageEnd, messageId: 'latest',
        fix: { title: 'Pin an explicit tag', safe: false, snippet: true, edits: [{ start, end: s.imageEnd, newText: '${1:tag}' }] },
      });
    }
  },
};
