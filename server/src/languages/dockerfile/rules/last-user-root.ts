import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3002',
    id: 'last-user-root',
    defaultSeverity: 'warning',
    description: 'The last USER of the final image is root.',
    messages: {
      root:
        'The last USER is root, so the container runs with root privileges: ' +
        'switch to an unprivileged user at the end.',
    },
    fixable: false,
    docs: {
      rationale:
        'A process running as root inside a container is root on a shared ' +
        'kernel: a breakout gives the attacker the most. Switch back to an unprivileged user after ' +
        'the steps that need root. See DF103 for a final stage with no USER at all.',
      incorrect: 'USER root\nRUN apt-get update\nCMD ["app"]',
      correct: 'USER root\nRUN apt-get update\nUSER app\nCMD ["app"]',
      peers: ['hadolint DL3002'],
    },
  },
  check(ctx) {
    const s = ctx.model.finalStage;
    if (!s) return;
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    if (!last?.args[0]) return;
    const name = last.args[0].value.split(':')[0];
    if (name === 'root' || name === '0') ctx.report({ start: last.start, end: last.end, messageId: 'root' });
  },
});
