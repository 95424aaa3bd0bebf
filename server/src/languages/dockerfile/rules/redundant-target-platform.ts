import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF010',
    id: 'redundant-target-platform',
    defaultSeverity: 'warning',
    description: '`--platform=$TARGETPLATFORM` in FROM is redundant: it is the default.',
    messages: { redundant: '`--platform=$TARGETPLATFORM` is the default and can be removed.' },
    fixable: 'safe',
    docs: {
      rationale:
        'A stage is built for the target platform unless told otherwise; ' +
        'saying so adds noise. BuildKit `RedundantTargetPlatform`. The fix removes the flag and is ' +
        'safe.',
      incorrect: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
      correct: 'FROM alpine:3.20',
      peers: ['BuildKit RedundantTargetPlatform', 'hadolint DL3065'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const f = s.platform;
      if (!f || (f.value !== '$TARGETPLATFORM' && f.value !== '${TARGETPLATFORM}')) continue;
      let end = f.end;
      while (ctx.text[end] === ' ' || ctx.text[end] === '\t') end++;
      ctx.report({
        start: f.start,
        end: f.end,
        messageId: 'redundant',
        fix: { title: 'Remove --platform', safe: true, edits: [{ start: f.start, end, newText: '' }] },
      });
    }
  },
});
