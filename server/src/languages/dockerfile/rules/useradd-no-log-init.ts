import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, hasFlag, insertAfter } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3046',
    id: 'useradd-no-log-init',
    defaultSeverity: 'warning',
    description: 'useradd with a high UID and without `-l` bloats the image with a sparse lastlog.',
    messages: {
      lastlog:
        '`useradd` with the high UID {{uid}} and without `-l` writes a huge sparse /var/log/lastlog into the image.',
    },
    fixable: 'safe',
    docs: {
      severity: 'A real risk: the image can grow by gigabytes.',
      rationale:
        '`useradd` reserves a lastlog entry per possible UID below the new ' +
        'one; with a UID like 100000000 the file is sparse on disk but huge in a layer. `-l` ' +
        '(`--no-log-init`) skips it. The fix adds `-l`, which is safe: containers do not use ' +
        'lastlog.',
      incorrect: 'RUN useradd -u 123456789 app',
      correct: 'RUN useradd -l -u 123456789 app',
      peers: ['hadolint DL3046'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['useradd'])) {
      if (hasFlag(cmd, ['no-log-init'], 'l')) continue;
      const a = cmd.argv;
      let uid: string | undefined;
      a.forEach((w, k) => {
        if (w.value === '-u' || w.value === '--uid') uid = a[k + 1]?.value;
        else if (w.value.startsWith('--uid=')) uid = w.value.slice(6);
        else if (/^-u\d+$/.test(w.value)) uid = w.value.slice(2);
      });
      if (!uid || !/^\d+$/.test(uid) || uid.length <= 5) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'lastlog',
        data: { uid },
        fix: cmd.via ? undefined : { title: 'Add -l', safe: true, edits: [insertAfter(a[0], '-l')] },
      });
    }
  },
});
