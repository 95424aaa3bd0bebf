import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { allCommands } from '../security';

/** Folders meant to be shared by every user (with the sticky bit they already have). */
const SHARED = /^\/(tmp|var\/tmp|dev\/shm|run\/lock|var\/lock)(\/|$)/;

/** An octal mode whose "others" digit has the write bit, and no sticky bit; the mode without it. */
function worldWritableOctal(mode: string): string | undefined {
  const m = /^0?([0-7]?)([0-7])([0-7])([0-7])$/.exec(mode);
  if (!m) return undefined;
  const [, special, user, group, other] = m;
  if (!(Number(other) & 2) || Number(special || '0') & 1) return undefined;
  const prefix = mode.slice(0, mode.length - 3);
  return `${prefix}${user}${Number(group) & ~2}${Number(other) & ~2}`;
}

/** Symbolic modes that give others (or all) write: `o+w`, `a+rwx`, `ugo=rwx`, `o=w`. */
function worldWritableSymbolic(mode: string): boolean {
  return mode.split(',').some((clause) => /^[ugo]*[ao][ugo]*[+=][rwxXst]*w/.test(clause) && !/t/.test(clause));
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF306',
    id: 'world-writable',
    defaultSeverity: 'warning',
    security: { severity: 5.5 },
    description: 'Files or folders of the image are made writable by every user (`chmod 777`, `o+w`).',
    messages: {
      chmod:
        '`chmod {{mode}}` makes {{target}} writable by every user of the container: any process can change the ' +
        'code or data there.',
      copy: '`--chmod={{mode}}` makes the copied files writable by every user of the container.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Mode 777 (or 666, `o+w`) lets every user in the container rewrite the files: the application user, a ' +
        'process started by an exploit, a sidecar sharing the volume. The usual intent is "the app user must ' +
        'write here": give that user the folder instead (`chown app:app /app/data`, or `COPY --chown=app:app`) ' +
        'and keep 755/644. Shared scratch folders with the sticky bit (`chmod 1777 /tmp`) are fine. The suggestion ' +
        'drops the write bit for group and others (777 becomes 755).',
      attack:
        'A foothold as any unprivileged user (a compromised dependency, a web shell) rewrites application code or ' +
        'scripts that a more privileged process runs later, turning a small breach into code execution as that ' +
        'process.',
      incorrect: 'RUN mkdir -p /app/data && chmod -R 777 /app',
      correct: 'RUN mkdir -p /app/data && chown -R app:app /app/data && chmod -R 755 /app',
      peers: ['no checkov, trivy or KICS Dockerfile check'],
    },
  },
  check(ctx) {
    for (const { cmd } of allCommands(ctx.model)) {
      if (cmd.name !== 'chmod') continue;
      const args = cmd.argv.slice(1).filter((w) => !/^-[A-Za-z]+$/.test(w.value) && !w.value.startsWith('--'));
      const [mode, ...targets] = args;
      if (!mode || !targets.length) continue;
      if (targets.every((t) => SHARED.test(t.value))) continue;
      const octal = worldWritableOctal(mode.value);
      if (!octal && !worldWritableSymbolic(mode.value)) continue;
      const exact = !cmd.via && ctx.text.slice(mode.start, mode.end) === mode.value;
      ctx.report({
        start: mode.start,
        end: mode.end,
        messageId: 'chmod',
        data: { mode: mode.value, target: targets.length === 1 ? `\`${targets[0].value}\`` : 'these paths' },
        fix:
          octal && exact
            ? { title: `Use ${octal}`, safe: false, edits: [{ start: mode.start, end: mode.end, newText: octal }] }
            : undefined,
      });
    }
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const flag = ins.flags.find((f) => f.name === 'chmod');
      if (!flag?.value || flag.valueStart === undefined || flag.valueEnd === undefined) continue;
      const octal = worldWritableOctal(flag.value);
      if (!octal && !worldWritableSymbolic(flag.value)) continue;
      ctx.report({
        start: flag.start,
        end: flag.end,
        messageId: 'copy',
        data: { mode: flag.value },
        fix: octal
          ? {
              title: `Use ${octal}`,
              safe: false,
              edits: [{ start: flag.valueStart, end: flag.valueEnd, newText: octal }],
            }
          : undefined,
      });
    }
  },
});
