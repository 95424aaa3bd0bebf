import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3004',
    id: 'no-sudo',
    defaultSeverity: 'warning',
    presets: { hadolint: 'error' },
    description: 'A RUN uses sudo.',
    messages: {
      sudo:
        '`sudo` has no place in a build step (it expects a person and a TTY): ' +
        'switch with USER, or drop privileges with gosu/su-exec at run time.',
    },
    fixable: false,
    docs: {
      severity:
        'A likely bug: RUN already runs as root unless USER says otherwise, and sudo is often missing from ' +
        'the image (hadolint calls it an error, but when sudo is there the build succeeds).',
      rationale:
        'sudo has a TTY and signal-forwarding behaviour meant for people, not ' +
        'containers, and needs configuration in the image. Build steps run as the current USER: ' +
        'switch with `USER root` / `USER app`, and drop privileges at start-up with gosu or ' +
        'su-exec.',
      incorrect: 'RUN sudo apt-get update',
      correct: 'USER root\nRUN apt-get update',
      peers: ['hadolint DL3004'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['sudo']))
      ctx.report({ start: cmd.argv[0].start, end: cmd.argv[0].end, messageId: 'sudo' });
  },
});
