import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { hasFlag, hasCacheMount, insertAfter } from '../util';
import { apkAdds } from '../packages';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3019',
    id: 'apk-no-cache',
    defaultSeverity: 'info',
    description: 'apk add runs without `--no-cache`, leaving the package index in the layer.',
    messages: {
      noCache: 'Use the `--no-cache` switch with `apk add` so the package index does not stay in the layer.',
    },
    fixable: 'safe',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        '`apk add --no-cache` fetches the index, installs and leaves nothing ' +
        'behind; without it the index stays in `/var/cache/apk`. The fix adds the flag after `add` ' +
        'and is safe: the packages installed are the same. A RUN with a cache mount on ' +
        '`/var/cache/apk` is not reported.',
      incorrect: 'RUN apk add curl',
      correct: 'RUN apk add --no-cache curl',
      peers: ['hadolint DL3019'],
    },
  },
  check(ctx) {
    for (const { ins, cmd, sub } of apkAdds(ctx)) {
      if (hasFlag(cmd, ['no-cache']) || hasCacheMount(ins, '/var/cache/apk') || hasCacheMount(ins, '/etc/apk/cache'))
        continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'noCache',
        fix: cmd.via ? undefined : { title: 'Add --no-cache', safe: true, edits: [insertAfter(sub, '--no-cache')] },
      });
    }
  },
});
