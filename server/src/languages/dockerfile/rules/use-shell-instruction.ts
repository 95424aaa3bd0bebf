import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4005',
    id: 'use-shell-instruction',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A RUN replaces /bin/sh instead of using SHELL.',
    messages: {
      ln: 'Replacing /bin/sh by hand is fragile: choose the shell of later RUNs with the SHELL instruction.',
    },
    fixable: false,
    docs: {
      severity:
        'Practice: replacing /bin/sh works, but SHELL says it without changing the image for every later ' + 'program.',
      rationale:
        'Relinking `/bin/sh` changes the shell of every program in the image, ' +
        'not only of the build. `SHELL ["/bin/bash", "-c"]` changes the build\'s shell only.',
      incorrect: 'RUN ln -sf /bin/bash /bin/sh',
      correct: 'SHELL ["/bin/bash", "-c"]',
      peers: ['hadolint DL4005'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['ln'])) {
      const last = cmd.argv[cmd.argv.length - 1]?.value;
      if (last === '/bin/sh' && cmd.argv.length > 2) ctx.report({ start: cmd.start, end: cmd.end, messageId: 'ln' });
    }
  },
});
