import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { hasFlag, insertAfter } from '../util';
import { aptInstalls } from './apt-pin-versions';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3014',
    id: 'apt-assume-yes',
    defaultSeverity: 'warning',
    description: 'apt-get install runs without `-y`.',
    messages: { noYes: '`apt-get install` without `-y` waits for a confirmation that nobody can give during a build.' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A build has no terminal: without `-y` apt-get asks for confirmation ' +
        'and aborts. The fix adds `-y` after `install` (a suggestion).',
      incorrect: 'RUN apt-get install curl',
      correct: 'RUN apt-get install -y curl',
      peers: ['hadolint DL3014'],
    },
  },
  check(ctx) {
    for (const { cmd, sub } of aptInstalls(ctx.model)) {
      if (
        hasFlag(cmd, ['yes', 'assume-yes', 'force-yes', 'simulate', 'dry-run', 'just-print', 'no-act', 'recon'], 'ys')
      )
        continue;
      if (cmd.argv.some((w) => w.value === '-qq' || w.value === '-q=2' || w.value === '--quiet=2')) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'noYes',
        fix: cmd.via ? undefined : { title: 'Add -y', safe: false, edits: [insertAfter(sub, '-y')] },
      });
    }
  },
});
