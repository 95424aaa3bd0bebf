import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import type { ShellWord } from '../shell';
import { allCommands, longFlags, removeFlag } from '../security';
import { mountsOf } from '../util';

/** Flags that install packages whose signature was not checked, by package manager. */
const FLAGS: { tools: RegExp; flags: string[]; label: string }[] = [
  {
    tools: /^(apt-get|apt|aptitude)$/,
    flags: ['allow-unauthenticated', 'force-yes', 'allow-insecure-repositories'],
    label: 'apt',
  },
  { tools: /^(yum|dnf|microdnf|tdnf|rpm-ostree)$/, flags: ['nogpgcheck', 'no-gpgchecks'], label: 'yum/dnf' },
  { tools: /^zypper$/, flags: ['no-gpg-checks'], label: 'zypper' },
  { tools: /^rpm$/, flags: ['nosignature', 'nodigest', 'noverify', 'nofiledigest'], label: 'rpm' },
  { tools: /^apk$/, flags: ['allow-untrusted'], label: 'apk' },
];

const SUBCOMMANDS = new Set(['add', 'install', 'localinstall', 'reinstall', 'upgrade', 'in', 'i']);

/** Whether every package the command installs is a file under a `--mount=...,from=<stage>` of its RUN. */
function fromBuildStage(ins: Parameters<typeof mountsOf>[0], args: string[]): boolean {
  const targets = mountsOf(ins)
    .filter((m) => m.type === 'bind' && m.from && m.target.startsWith('/'))
    .map((m) => (m.target.endsWith('/') ? m.target : `${m.target}/`));
  if (!targets.length) return false;
  const operands = args.filter((a) => !a.startsWith('-') && !SUBCOMMANDS.has(a));
  return operands.length > 0 && operands.every((a) => targets.some((t) => a.startsWith(t)));
}

/** apt `-o` options that do the same. */
const APT_OPTIONS =
  /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|APT::Get::force-yes)=(true|1|yes)$/i;

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF301',
    id: 'unauthenticated-packages',
    defaultSeverity: 'warning',
    security: { severity: 7.4 },
    description: 'A package manager is told to install packages whose signatures it did not check.',
    messages: {
      flag: '`{{flag}}` makes {{tool}} install packages without checking their signatures.',
      repo: '{{what}}: {{tool}} installs packages from it without checking their signatures.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        "Package signatures are what tie a package to its distribution's keys, whatever mirror or proxy served it. " +
        '`apt-get --allow-unauthenticated`/`--force-yes`, `[trusted=yes]` sources, `yum`/`dnf --nogpgcheck`, ' +
        '`gpgcheck=0` repositories, `rpm --nosignature`/`--nodigest`/`--noverify`/`--nofiledigest`, `zypper --no-gpg-checks` and `apk --allow-untrusted` ' +
        "all skip that check. Import the repository's key instead (`signed-by=` for apt, `rpm --import` for rpm " +
        'distributions, a key in `/etc/apk/keys` for apk). The suggestion removes the flag.',
      attack:
        'Whoever controls a mirror, a proxy or the network path serves a modified package, and it is installed as ' +
        'root during the build and shipped in the image.',
      incorrect: 'RUN apt-get update && apt-get install -y --allow-unauthenticated curl',
      correct: 'RUN apt-get update && apt-get install -y curl',
      peers: [
        'checkov CKV2_DOCKER_7 (apk --allow-untrusted), CKV2_DOCKER_8 (apt-get --allow-unauthenticated), ' +
          'CKV2_DOCKER_9 (--nogpgcheck), CKV2_DOCKER_10 (rpm signature checks), CKV2_DOCKER_11 (--force-yes)',
      ],
    },
  },
  check(ctx) {
    const { model, text } = ctx;
    for (const { ins, cmd } of allCommands(model)) {
      const at = (w: ShellWord) => ({ start: w.start, end: w.end });
      // Package files mounted from another stage of this build (nginx's modules, built and left unsigned there) come
      // from no repository: there is no signature to skip.
      const fromStage = fromBuildStage(
        ins,
        cmd.argv.slice(1).map((w) => w.value),
      );
      for (const f of FLAGS) {
        if (!f.tools.test(cmd.name) || fromStage) continue;
        for (const word of longFlags(cmd, f.flags)) {
          const edit = removeFlag(text, cmd, word);
          ctx.report({
            ...at(word),
            messageId: 'flag',
            data: { flag: word.value, tool: f.label },
            fix: edit && { title: `Remove ${word.value}`, safe: false, edits: [edit] },
          });
        }
      }
      if (/^(apt-get|apt|aptitude)$/.test(cmd.name))
        cmd.argv.forEach((w, k) => {
          if (cmd.argv[k - 1]?.value === '-o' && APT_OPTIONS.test(w.value))
            ctx.report({ ...at(w), messageId: 'flag', data: { flag: w.value, tool: 'apt' } });
        });
      if (/^(yum|dnf|microdnf|tdnf|yum-config-manager|dnf-config-manager|zypper)$/.test(cmd.name))
        for (const w of cmd.argv.slice(1))
          if (/(^|[.=*])gpgcheck=(0|false|no)$/i.test(w.value))
            ctx.report({ ...at(w), messageId: 'flag', data: { flag: w.value, tool: cmd.name } });
      if (cmd.name === 'echo' || cmd.name === 'printf' || cmd.name === 'tee' || cmd.name === 'sed') {
        for (const w of cmd.argv.slice(1)) {
          // a local repository (`file:`, `copy:`) built in the same RUN has nothing to authenticate against
          if (/\[[^[\]]*\btrusted=yes\b[^[\]]*\]/.test(w.value) && !/\]\s*(?:file|copy|cdrom):/.test(w.value))
            ctx.report({
              ...at(w),
              messageId: 'repo',
              data: { what: 'An apt source marked `[trusted=yes]`', tool: 'apt' },
            });
          else if (/(^|\s)gpgcheck\s*=\s*0\b/.test(w.value))
            ctx.report({
              ...at(w),
              messageId: 'repo',
              data: { what: 'A repository with `gpgcheck=0`', tool: 'yum/dnf' },
            });
        }
      }
    }
  },
});
