import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3065',
    formerCodes: ['DF010'],
    id: 'redundant-target-platform',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: '`--platform=$TARGETPLATFORM` in FROM is redundant: it is the default.',
    messages: { redundant: '`--platform=$TARGETPLATFORM` is the default and can be removed.' },
    fixable: 'safe',
    docs: {
      severity: 'Style: the flag says what is already the default; the build is the same.',
      rationale:
        'A stage is built for the target platform unless told otherwise; ' +
        'saying so adds noise. BuildKit `RedundantTargetPlatform`, hadolint DL3065 (`$TARGETPLATFORM` or ' +
        '`${TARGETPLATFORM}`). The fix removes the flag and is safe. This rule was DF010 before it took ' +
        "hadolint's code; DF010 still names it in configuration and ignore comments and will never name another " +
        'rule.',
      incorrect: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
      correct: 'FROM alpine:3.20',
      peers: ['BuildKit RedundantTargetPlatform', 'hadolint DL3065'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const f = s.platform;
      if (!f || !/^["']?(\$TARGETPLATFORM|\$\{TARGETPLATFORM\})["']?$/.test(f.value ?? '')) continue;
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
