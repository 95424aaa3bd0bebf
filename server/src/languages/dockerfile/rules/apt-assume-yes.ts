import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { insertAfter } from '../util';
import { aptInstalls } from '../packages';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3014',
    id: 'apt-assume-yes',
    defaultSeverity: 'error',
    presets: { hadolint: 'warning' },
    description: 'apt-get install runs without `-y`.',
    messages: { noYes: '`apt-get install` without `-y` waits for a confirmation that nobody can give during a build.' },
    fixable: 'suggestion',
    docs: {
      severity:
        'The build fails: apt-get asks for a confirmation nobody can give and aborts as soon as it has more ' +
        'to install than asked (almost always).',
      rationale:
        'A build has no terminal: without `-y` apt-get asks for confirmation ' +
        'and aborts. `-y`, `--yes`, `--assume-yes` and quiet level 2 (`-qq`, `-q -q`, `-q=2`) answer it. The fix ' +
        'adds `-y` after `install` (a suggestion).',
      incorrect: 'RUN apt-get install curl',
      correct: 'RUN apt-get install -y curl',
      peers: ['hadolint DL3014'],
    },
  },
  check(ctx) {
    for (const { cmd, sub, args: a } of aptInstalls(ctx)) {
      if (a.has('-y', '--yes', '--assume-yes', '--force-yes')) continue;
      // quiet level 2 (-qq, -q -q, -q=2, --quiet --quiet) implies --assume-yes
      let quiet = 0;
      for (const o of a.options)
        if (o.name === '-q' || o.name === '--quiet') quiet += o.value === undefined ? 1 : Number(o.value) || 0;
      if (quiet >= 2) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'noYes',
        fix: cmd.via ? undefined : { title: 'Add -y', safe: false, edits: [insertAfter(sub, '-y')] },
      });
    }
  },
});
