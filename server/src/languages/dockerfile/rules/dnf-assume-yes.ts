import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { subcommands, hasFlag, insertAfter, DNF } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3038',
    id: 'dnf-assume-yes',
    defaultSeverity: 'error',
    presets: { hadolint: 'warning' },
    description: 'dnf install runs without `-y`.',
    messages: { noYes: 'dnf without `-y` waits for a confirmation that nobody can give during a build.' },
    fixable: 'suggestion',
    docs: {
      severity: 'The build fails: dnf asks for a confirmation nobody can give and aborts.',
      rationale:
        'A build has no terminal: without `-y` dnf asks for confirmation and ' +
        'the build fails. The fix adds `-y` after the subcommand (a suggestion).',
      incorrect: 'RUN dnf install httpd',
      correct: 'RUN dnf install -y httpd',
      peers: ['hadolint DL3038'],
    },
  },
  check(ctx) {
    for (const { cmd, sub } of subcommands(ctx.model, DNF, [
      'install',
      'groupinstall',
      'localinstall',
      'reinstall',
      'upgrade',
      'update',
    ])) {
      if (hasFlag(cmd, ['assumeyes'], 'y')) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'noYes',
        fix: cmd.via ? undefined : { title: 'Add -y', safe: false, edits: [insertAfter(sub, '-y')] },
      });
    }
  },
});
