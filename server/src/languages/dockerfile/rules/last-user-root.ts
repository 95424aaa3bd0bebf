import { defineRule } from '../../../engine/define';
import type { DockerfileModel, DockerInstruction } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3002',
    id: 'last-user-root',
    defaultSeverity: 'warning',
    description: 'The last USER of a stage is root.',
    messages: {
      root:
        'The last USER is root, so the container runs with root privileges: ' +
        'switch to an unprivileged user at the end.',
    },
    fixable: false,
    docs: {
      severity: 'A real risk: the container runs with root privileges.',
      rationale:
        'A process running as root inside a container is root on a shared ' +
        'kernel: a breakout gives the attacker the most. Switch back to an unprivileged user after ' +
        'the steps that need root. Every stage is judged, as hadolint does: any stage can be the image ' +
        '(`docker build --target`), and a stage built `FROM` it inherits its user. See DF103 for a final stage ' +
        'with no USER at all.',
      incorrect: 'USER root\nRUN apt-get update\nCMD ["app"]',
      correct: 'USER root\nRUN apt-get update\nUSER app\nCMD ["app"]',
      peers: ['hadolint DL3002'],
    },
  },
  check(ctx) {
    // every stage: any stage can be a build's --target, and a stage built FROM it inherits its user
    for (const s of ctx.model.stages) {
      let last: DockerInstruction | undefined;
      for (const i of s.instructions) if (i.keyword === 'USER') last = i;
      if (!last?.args[0]) continue;
      const name = last.args[0].value.split(':')[0];
      if (name === 'root' || name === '0') ctx.report({ start: last.start, end: last.end, messageId: 'root' });
    }
  },
});
