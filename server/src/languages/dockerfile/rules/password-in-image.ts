import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import type { ShellCommand } from '../shell';
import { allCommands, longFlags } from '../security';

/** `useradd`/`usermod`/`adduser` options that set a password hash. */
function passwordOption(cmd: ShellCommand) {
  const a = cmd.argv;
  for (let k = 1; k < a.length; k++) {
    const v = a[k].value;
    if (v === '-p' || v === '--password') return a[k];
    if (/^--password=/.test(v) || /^-p\S/.test(v)) return a[k];
  }
  return undefined;
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF304',
    id: 'password-in-image',
    defaultSeverity: 'warning',
    security: { severity: 7.5 },
    description: 'A RUN sets (or removes) a user password, which stays readable in the image and its history.',
    messages: {
      chpasswd: '`chpasswd` sets a password in the image: the password is in the layer history and `/etc/shadow`.',
      passwd: '`passwd` {{how}} in the image: the result is in `/etc/shadow` for anyone who pulls it.',
      option: '`{{cmd}} {{flag}}` writes a password hash into the image, readable by anyone who pulls it.',
    },
    fixable: false,
    docs: {
      rationale:
        'A container has no use for a login password: processes start as a user, `USER` switches users, and ' +
        'nobody logs in interactively. A password set at build time is written in the Dockerfile and the image ' +
        'history (`docker history --no-trunc` shows the `RUN` line) and its hash ships in `/etc/shadow` of every ' +
        "copy of the image; `passwd -d` does the opposite harm, an account anyone can log in to. Don't set one: " +
        'create the user with `--disabled-password` (Alpine `adduser -D`) or lock it (`passwd -l`), and give a ' +
        'service its credentials at run time from a secret.',
      attack:
        'Anyone who can pull the image reads the password from its history, or cracks the hash offline, and logs ' +
        'in wherever the same password is used (SSH in the container, a database, the same account elsewhere).',
      incorrect: "RUN useradd -m app && echo 'app:s3cret' | chpasswd",
      correct: 'RUN useradd -m app && passwd -l app',
      peers: ['checkov CKV2_DOCKER_17 (chpasswd)'],
    },
  },
  check(ctx) {
    for (const { cmd } of allCommands(ctx.model)) {
      const at = { start: cmd.argv[0]?.start ?? cmd.start, end: cmd.argv[0]?.end ?? cmd.end };
      if (cmd.name === 'chpasswd') ctx.report({ ...at, messageId: 'chpasswd' });
      else if (cmd.name === 'passwd') {
        const flags = cmd.argv.slice(1).map((w) => w.value);
        if (flags.some((f) => f === '-l' || f === '--lock' || f === '-e' || f === '--expire' || f === '-S')) continue;
        if (flags.some((f) => f === '-d' || f === '--delete'))
          ctx.report({ ...at, messageId: 'passwd', data: { how: 'removes the password (anyone may log in)' } });
        else if (cmd.before === '|' || longFlags(cmd, ['stdin']).length)
          ctx.report({ ...at, messageId: 'passwd', data: { how: 'sets a password' } });
      } else if (/^(useradd|usermod|adduser|luseradd|lusermod)$/.test(cmd.name)) {
        const w = passwordOption(cmd);
        // `adduser` (Debian) has no -p; BusyBox adduser has none either
        if (w && !(cmd.name === 'adduser' && w.value.startsWith('-p')))
          ctx.report({
            start: w.start,
            end: w.end,
            messageId: 'option',
            data: { cmd: cmd.name, flag: w.value.split('=')[0] },
          });
      }
    }
  },
});
