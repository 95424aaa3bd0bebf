import { defineRule } from '../../../engine/define';
import type { Fix } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { allCommands } from '../security';
import { subcommandOf } from '../util';

const INSTALLERS = /^(apt-get|apt|apk|yum|dnf|microdnf|tdnf|zypper)$/;
const SERVER_PACKAGES = /^(openssh-server|openssh|openssh-server-pam|dropbear|dropbear-ssh|ssh)([=:].*)?$/;

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF305',
    id: 'ssh-server',
    defaultSeverity: 'warning',
    security: { severity: 6.1 },
    description: 'The image runs, installs or exposes an SSH server.',
    messages: {
      expose: 'Port 22 is exposed: an SSH server in a container is a second, unaudited way in.',
      install: '`{{pkg}}` installs an SSH server in the image; use `docker exec` (or ECS Exec) instead.',
      run: 'The container starts `sshd`: an SSH server in a container is a second, unaudited way in.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A container is entered with `docker exec`, `kubectl exec` or ECS Exec, which go through the ' +
        "platform's authentication and audit logs. An SSH server adds its own keys or passwords, a long-running " +
        'daemon (often ' +
        'as root) and port 22 to scan, and is usually the reason passwords end up in the image. The suggestion ' +
        'removes 22 from `EXPOSE`.',
      attack:
        'Anyone who reaches port 22 can try the keys or passwords baked into the image; one that leaks (or a weak ' +
        'default) gives a shell in the container, past the access control and audit trail of the platform.',
      incorrect: 'RUN apt-get update && apt-get install -y openssh-server\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]',
      correct: 'RUN apt-get update && apt-get install -y openssh-client\nCMD ["./server"]',
      peers: ['checkov CKV_DOCKER_1', 'trivy DS004', 'KICS "Exposing Port 22 (SSH)"'],
    },
  },
  check(ctx) {
    const { model, text } = ctx;
    for (const p of model.exposedPorts) {
      if (p.port === undefined || (p.protocol && p.protocol.toLowerCase() !== 'tcp')) continue;
      if (!(p.port === 22 || (p.endPort !== undefined && p.port <= 22 && p.endPort >= 22))) continue;
      const ins = model.instructions.find((i) => i.keyword === 'EXPOSE' && i.start <= p.start && p.end <= i.end);
      let fix: Fix | undefined;
      if (ins && p.port === 22 && p.endPort === undefined) {
        const others = ins.args.filter((a) => a.start !== p.start);
        // the only port: drop the whole line; else the word and the blank before it
        if (!others.length) {
          const lineEnd = text.indexOf('\n', ins.end);
          fix = {
            title: 'Remove EXPOSE 22',
            safe: false,
            edits: [{ start: ins.start, end: lineEnd < 0 ? ins.end : lineEnd + 1, newText: '' }],
          };
        } else {
          let start = p.start;
          while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
          fix = { title: 'Remove port 22', safe: false, edits: [{ start, end: p.end, newText: '' }] };
        }
      }
      ctx.report({ start: p.start, end: p.end, messageId: 'expose', fix });
    }
    for (const { cmd } of allCommands(model)) {
      if (!INSTALLERS.test(cmd.name)) continue;
      const sub = subcommandOf(cmd, ['-o', '-c', '--repo', '-X']);
      if (!sub || !/^(install|add|in)$/.test(sub.value)) continue;
      for (const w of cmd.argv.slice(cmd.argv.indexOf(sub) + 1))
        if (SERVER_PACKAGES.test(w.value))
          ctx.report({ start: w.start, end: w.end, messageId: 'install', data: { pkg: w.value } });
    }
    for (const ins of model.instructions) {
      if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
      const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
      const sshd = words.find((w) => /(^|\/)sshd$/.test(w.value) || /(^|\/)dropbear$/.test(w.value));
      if (sshd) ctx.report({ start: sshd.start, end: sshd.end, messageId: 'run' });
    }
  },
});
