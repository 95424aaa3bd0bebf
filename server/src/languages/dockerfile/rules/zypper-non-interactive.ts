import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { subcommands, hasFlag, insertAfter } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3034',
    id: 'zypper-non-interactive',
    defaultSeverity: 'warning',
    description: 'zypper runs without its non-interactive switch.',
    messages: { noYes: 'zypper without `-y` (or `-n`) waits for a confirmation that nobody can give during a build.' },
    fixable: 'suggestion',
    docs: {
      severity: 'A likely bug: zypper may wait for an answer that never comes.',
      rationale:
        'A build has no terminal: zypper asks for confirmation and the build ' +
        'fails. `-y`/`--no-confirm` after the subcommand, or the global `-n`/`--non-interactive`, ' +
        'avoid it. The fix adds `-y` (a suggestion).',
      incorrect: 'RUN zypper install httpd',
      correct: 'RUN zypper install -y httpd',
      peers: ['hadolint DL3034'],
    },
  },
  check(ctx) {
    for (const { cmd, sub } of subcommands(
      ctx.model,
      ['zypper'],
      ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup'],
    )) {
      if (hasFlag(cmd, ['non-interactive', 'no-confirm', 'yes'], 'ny')) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'noYes',
        fix: cmd.via ? undefined : { title: 'Add -y', safe: false, edits: [insertAfter(sub, '-y')] },
      });
    }
  },
});
