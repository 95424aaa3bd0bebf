import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed } from '../util';

const POINTLESS = ['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig'];

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3001',
    id: 'pointless-commands',
    defaultSeverity: 'info',
    description:
      'A RUN calls an interactive or system-management command (ssh, vim, ' +
      'service, shutdown, top, mount, …) that does nothing useful in a build.',
    messages: {
      pointless: '`{{cmd}}` makes no sense in a build step: nothing runs between RUNs, and there is no one to type.',
    },
    fixable: false,
    docs: {
      severity: 'Practice: the command is pointless in a build but harmless.',
      rationale:
        'Each RUN is a fresh process in a throw-away container: starting a ' +
        'service, killing a process or opening an editor has no lasting effect, and interactive ' +
        'tools hang the build.',
      incorrect: 'RUN service nginx start',
      correct: 'CMD ["nginx", "-g", "daemon off;"]',
      peers: ['hadolint DL3001'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, POINTLESS))
      ctx.report({ start: cmd.argv[0].start, end: cmd.argv[0].end, messageId: 'pointless', data: { cmd: cmd.name } });
  },
});
