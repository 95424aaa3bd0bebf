import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3027',
    id: 'no-apt',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A RUN uses `apt` instead of apt-get.',
    messages: {
      apt:
        '`apt` is made for people at a terminal and its interface is not ' +
        'stable for scripts: use apt-get or apt-cache.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: `apt` works in a build; its interface is only not meant for scripts.',
      rationale:
        '`apt` warns that its command-line interface is not stable and prints ' +
        'progress bars for people; `apt-get` is the scripting interface. The fix renames the ' +
        'command (a suggestion).',
      incorrect: 'RUN apt install -y curl',
      correct: 'RUN apt-get install -y curl',
      peers: ['hadolint DL3027'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['apt'])) {
      const w = cmd.argv[0];
      ctx.report({
        start: w.start,
        end: w.end,
        messageId: 'apt',
        fix:
          w.value === 'apt' && !cmd.via
            ? { title: 'Use apt-get', safe: false, edits: [{ start: w.start, end: w.end, newText: 'apt-get' }] }
            : undefined,
      });
    }
  },
});
