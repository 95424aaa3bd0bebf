import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { subcommands, hasFlag, insertAfter } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3030',
    id: 'yum-assume-yes',
    defaultSeverity: 'error',
    presets: { hadolint: 'warning' },
    description: 'yum install runs without `-y`.',
    messages: { noYes: 'yum without `-y` waits for a confirmation that nobody can give during a build.' },
    fixable: 'suggestion',
    docs: {
      severity: 'The build fails: yum asks for a confirmation nobody can give and aborts.',
      rationale:
        'A build has no terminal: without `-y` yum asks for confirmation and ' +
        'the build fails. The fix adds `-y` after the subcommand (a suggestion).',
      incorrect: 'RUN yum install httpd',
      correct: 'RUN yum install -y httpd',
      peers: ['hadolint DL3030'],
    },
  },
  check(ctx) {
    for (const { cmd, sub } of subcommands(
      ctx.model,
      ['yum'],
      ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade'],
    )) {
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
