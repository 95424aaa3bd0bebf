import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { hasFlag, insertAfter } from '../util';
import { aptInstalls } from '../packages';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3015',
    id: 'apt-no-install-recommends',
    defaultSeverity: 'info',
    description: 'apt-get install runs without `--no-install-recommends`.',
    messages: {
      recommends:
        'apt-get also installs the recommended packages here: add `--no-install-recommends` to keep the image small.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'By default apt-get also installs "recommended" packages, often ' +
        'hundreds of MB the image never uses. The fix adds the flag after `install` (a suggestion: ' +
        'a program may rely on a recommended package).',
      incorrect: 'RUN apt-get install -y curl',
      correct: 'RUN apt-get install -y --no-install-recommends curl',
      peers: ['hadolint DL3015'],
    },
  },
  check(ctx) {
    for (const { cmd, sub } of aptInstalls(ctx)) {
      if (hasFlag(cmd, ['no-install-recommends'])) continue;
      if (
        cmd.argv.some(
          (w, k) =>
            (w.value === '-o' && /Install-Recommends=(0|false)/i.test(cmd.argv[k + 1]?.value ?? '')) ||
            /^-oAPT::Install-Recommends=(0|false)/i.test(w.value),
        )
      )
        continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'recommends',
        fix: cmd.via
          ? undefined
          : { title: 'Add --no-install-recommends', safe: false, edits: [insertAfter(sub, '--no-install-recommends')] },
      });
    }
  },
});
