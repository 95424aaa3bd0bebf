import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { meta, subcommands, hasFlag, insertAfter } from '../util';

export const rule: Rule<DockerfileModel> = {
  meta: meta({
    code: 'DL3030', id: 'yum-assume-yes', defaultSeverity: 'warning',
    description: 'Use the `-y` switch to avoid manual input `yum install -y <package>`.',
    messages: { noYes: 'Use the `-y` switch to avoid manual input `yum install -y <package>`.' },
    fixable: 'suggestion',
    docs: {
      rationale: 'A build has no terminal: without `-y` yum asks for confirmation and the build fails. The fix adds `-y` after the subcommand (a suggestion).',
      incorrect: 'RUN yum install httpd', correct: 'RUN yum install -y httpd', peers: ['hadolint DL3030'],
    },
  }),
  check(ctx) {
    for (const { cmd, sub } of subcommands(ctx.model, ['yum'], ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade'])) {
      if (hasFlag(cmd, ['assumeyes'], 'y')) continue;
      ctx.report({ start: cmd.start, end: cmd.end, messageId: 'noYes', fix: cmd.via ? undefined : { title: 'Add -y', safe: false, edits: [insertAfter(sub, '-y')] } });
    }
  },
};
