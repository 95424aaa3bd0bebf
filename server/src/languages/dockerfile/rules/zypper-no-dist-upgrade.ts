import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { subcommands } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3035',
    id: 'zypper-no-dist-upgrade',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A RUN runs `zypper dist-upgrade`.',
    messages: {
      dup:
        '`zypper dist-upgrade` moves the image to whatever the distribution is ' +
        'that day: use a newer base image instead.',
    },
    fixable: false,
    docs: {
      severity: 'Practice: the build works; a distribution upgrade inside an image only makes it unpredictable.',
      rationale:
        'A distribution upgrade inside a build makes the image depend on the ' +
        'day it was built and can move it to another release; use a newer base image tag instead.',
      incorrect: 'RUN zypper dist-upgrade -y',
      correct: 'FROM opensuse/leap:15.6',
      peers: ['hadolint DL3035'],
    },
  },
  check(ctx) {
    for (const { sub } of subcommands(ctx.model, ['zypper'], ['dist-upgrade', 'dup']))
      ctx.report({ start: sub.start, end: sub.end, messageId: 'dup' });
  },
});
