import { defineRule } from '../../../engine/define';
import type { Fix } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import type { ShellCommand, ShellWord } from '../shell';
import { allCommands, assignmentsOf, longFlags, removeFlag } from '../security';

/** curl's short options that take a value: letters after one of them in a group are its value. */
const CURL_VALUE_LETTERS = 'bcdeEFHKmoQrtTuUwxXyYzACD';

/** Variables that turn certificate checks off, and the values that do it (undefined: any value). */
const ENV_SWITCHES: { name: RegExp; off?: RegExp; what: string }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, off: /^["']?0["']?$/, what: 'Node.js' },
  { name: /^PYTHONHTTPSVERIFY$/, off: /^["']?0["']?$/, what: 'Python' },
  // Git reads any value, even an empty one, as "do not verify"
  { name: /^GIT_SSL_NO_VERIFY$/, what: 'Git' },
  { name: /^PIP_TRUSTED_HOST$/, off: /^(?!["']{0,2}$)/, what: 'pip' },
  { name: /^NPM_CONFIG_STRICT_SSL$/i, off: /^["']?(false|0|no)["']?$/i, what: 'npm' },
  { name: /^YARN_STRICT_SSL$/i, off: /^["']?(false|0|no)["']?$/i, what: 'Yarn' },
  { name: /^GOINSECURE$/, off: /^(?!["']{0,2}$)/, what: 'Go modules' },
  { name: /^CURL_INSECURE$/, off: /^["']?(1|true|yes)["']?$/i, what: 'curl' },
];

function curlInsecure(cmd: ShellCommand): { word: ShellWord; letter?: string }[] {
  const out: { word: ShellWord; letter?: string }[] = longFlags(cmd, ['insecure']).map((word) => ({ word }));
  for (const w of cmd.argv.slice(1)) {
    const v = w.value;
    if (v === '--') break;
    if (!/^-[A-Za-z0-9]+$/.test(v)) continue;
    for (const ch of v.slice(1)) {
      if (ch === 'k') {
        out.push({ word: w, letter: v.length > 2 ? 'k' : undefined });
        break;
      }
      if (CURL_VALUE_LETTERS.includes(ch)) break;
    }
  }
  return out;
}

/** `git config [--global] http.sslVerify false`, `git -c http.sslVerify=false ...`. */
function gitNoVerify(cmd: ShellCommand): ShellWord | undefined {
  const a = cmd.argv;
  for (let k = 1; k < a.length; k++) {
    const v = a[k].value.toLowerCase();
    if (/^(http\.([^=]*\.)?)?sslverify=(false|0|no|off)$/.test(v) && a[k - 1]?.value === '-c') return a[k];
    if (/^http\.([^\s]*\.)?sslverify$/.test(v) && /^(false|0|no|off)$/i.test(a[k + 1]?.value ?? '')) return a[k];
  }
  return undefined;
}

/** `npm|yarn|pnpm config set strict-ssl false`, `npm set strict-ssl false`, `--strict-ssl=false`. */
function strictSslOff(cmd: ShellCommand): ShellWord | undefined {
  const a = cmd.argv;
  for (let k = 1; k < a.length; k++) {
    const v = a[k].value.toLowerCase();
    if (/^--strict-ssl=(false|0|no)$/.test(v)) return a[k];
    if (/^strict-ssl(=(false|0|no))?$/.test(v)) {
      const value = v.includes('=') ? 'false' : (a[k + 1]?.value.toLowerCase() ?? '');
      if (/^(false|0|no)$/.test(value)) return a[k];
    }
  }
  return undefined;
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF300',
    id: 'tls-verification-disabled',
    defaultSeverity: 'warning',
    security: { severity: 7.4 },
    description: 'A download or package tool is told not to check TLS certificates.',
    messages: {
      flag: '`{{flag}}` turns off certificate checks for `{{tool}}`: anyone on the network path can serve what it downloads.',
      env:
        '`{{name}}={{value}}` turns off certificate checks for {{tool}} {{where}}: anyone on the network path ' +
        'can serve what it downloads.',
      config:
        '`{{setting}}` turns off certificate checks for {{tool}} in the image: anyone on the network path can ' +
        'serve what it downloads.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'TLS is what proves a download came from the server it names. `curl -k`, `wget --no-check-certificate`, ' +
        '`pip --trusted-host`, `npm config set strict-ssl false`, `git -c http.sslVerify=false`, ' +
        '`NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY`, `PIP_TRUSTED_HOST`, ' +
        '`GOINSECURE` and `sslverify=0` for yum/dnf all accept any certificate, so the build runs whatever a proxy, ' +
        'a hostile Wi-Fi or a poisoned DNS answer sends. Set in `ENV`, the switch also stays in the image for the ' +
        "application's own connections. The usual cause is a corporate proxy that re-signs traffic: add its CA " +
        'certificate to the image (`COPY corp-ca.crt /usr/local/share/ca-certificates/` and ' +
        '`update-ca-certificates`) instead. The suggestion removes a `-k`/`--insecure`/`--no-check-certificate` flag.',
      attack:
        'A machine-in-the-middle (a proxy, a rogue access point, a poisoned DNS answer, a compromised mirror) ' +
        'replaces the downloaded package or script with its own, which then runs during the build and ships in the ' +
        'image; with the switch left in `ENV`, it can also read and alter the traffic of the running application.',
      incorrect: 'RUN curl -fsSLk https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      correct: 'RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      peers: [
        'checkov CKV2_DOCKER_2 (curl), CKV2_DOCKER_3 (wget), CKV2_DOCKER_4 (pip --trusted-host), CKV2_DOCKER_5 ' +
          '(PYTHONHTTPSVERIFY), CKV2_DOCKER_6 (NODE_TLS_REJECT_UNAUTHORIZED), CKV2_DOCKER_12/13 (npm strict-ssl), ' +
          'CKV2_DOCKER_14 (GIT_SSL_NO_VERIFY), CKV2_DOCKER_15 (yum sslverify), CKV2_DOCKER_16 (PIP_TRUSTED_HOST), ' +
          'CKV2_DOCKER_18 (GOINSECURE)',
      ],
    },
  },
  check(ctx) {
    const { model, text } = ctx;
    const fixOf = (cmd: ShellCommand, word: ShellWord, letter?: string): Fix | undefined => {
      const edit = removeFlag(text, cmd, word, letter);
      return edit && { title: `Remove ${letter ? `-${letter}` : word.value}`, safe: false, edits: [edit] };
    };
    for (const { cmd } of allCommands(model)) {
      const at = (w: ShellWord) => ({ start: w.start, end: w.end });
      if (cmd.name === 'curl')
        for (const { word, letter } of curlInsecure(cmd))
          ctx.report({
            ...at(word),
            messageId: 'flag',
            data: { flag: letter ? '-k' : word.value, tool: 'curl' },
            fix: fixOf(cmd, word, letter),
          });
      if (cmd.name === 'wget')
        for (const word of longFlags(cmd, ['no-check-certificate']))
          ctx.report({
            ...at(word),
            messageId: 'flag',
            data: { flag: word.value, tool: 'wget' },
            fix: fixOf(cmd, word),
          });
      if (cmd.name === 'apk')
        for (const word of longFlags(cmd, ['no-check-certificate']))
          ctx.report({
            ...at(word),
            messageId: 'flag',
            data: { flag: word.value, tool: 'apk' },
            fix: fixOf(cmd, word),
          });
      if (/^(pip[\d.]*|python[\d.]*|uv|pipenv|poetry)$/.test(cmd.name))
        for (const word of longFlags(cmd, ['trusted-host']))
          ctx.report({ ...at(word), messageId: 'flag', data: { flag: '--trusted-host', tool: cmd.name } });
      if (/^(pip[\d.]*|python[\d.]*)$/.test(cmd.name)) {
        const i = cmd.argv.findIndex((w) => /^(global|install)\.trusted-host$/.test(w.value));
        if (i > 0 && cmd.argv.some((w) => w.value === 'config'))
          ctx.report({ ...at(cmd.argv[i]), messageId: 'config', data: { setting: cmd.argv[i].value, tool: 'pip' } });
      }
      if (cmd.name === 'git') {
        const w = gitNoVerify(cmd);
        if (w) ctx.report({ ...at(w), messageId: 'config', data: { setting: w.value, tool: 'Git' } });
      }
      if (/^(npm|yarn|pnpm)$/.test(cmd.name)) {
        const w = strictSslOff(cmd);
        if (w) ctx.report({ ...at(w), messageId: 'config', data: { setting: 'strict-ssl false', tool: cmd.name } });
      }
      if (cmd.name === 'conda') {
        const i = cmd.argv.findIndex((w) => w.value === 'ssl_verify');
        if (i > 0 && /^(false|0|no)$/i.test(cmd.argv[i + 1]?.value ?? ''))
          ctx.report({ ...at(cmd.argv[i]), messageId: 'config', data: { setting: 'ssl_verify false', tool: 'conda' } });
      }
      if (/^(yum|dnf|microdnf|tdnf|yum-config-manager|dnf-config-manager)$/.test(cmd.name) || cmd.name === 'echo')
        for (const w of cmd.argv.slice(1))
          if (/(^|[\s.=*])sslverify\s*=\s*(0|false|no|off)\b/i.test(w.value))
            ctx.report({ ...at(w), messageId: 'config', data: { setting: 'sslverify=0', tool: 'yum/dnf' } });
      if (cmd.name === 'echo' || cmd.name === 'printf') {
        const target = cmd.redirects.find((r) => /^>>?$/.test(r.op))?.target?.value ?? '';
        const body = cmd.argv
          .slice(1)
          .map((w) => w.value)
          .join(' ');
        if (/(^|\/)\.?curlrc$/.test(target) && /(^|\s|-)(insecure|k)\b/.test(body))
          ctx.report({
            ...at(cmd.argv[0]),
            messageId: 'config',
            data: { setting: 'insecure in .curlrc', tool: 'curl' },
          });
        if (/(^|\/)\.?wgetrc$/.test(target) && /check_certificate\s*=\s*off/i.test(body))
          ctx.report({
            ...at(cmd.argv[0]),
            messageId: 'config',
            data: { setting: 'check_certificate = off', tool: 'wget' },
          });
      }
      for (const a of assignmentsOf(cmd)) {
        const sw = ENV_SWITCHES.find((s) => s.name.test(a.name) && (!s.off || s.off.test(a.value)));
        if (sw)
          ctx.report({
            ...at(a.word),
            messageId: 'env',
            data: { name: a.name, value: a.value, tool: sw.what, where: 'in this RUN' },
          });
      }
    }
    for (const d of [...model.envs, ...model.args]) {
      const value = d.value ?? '';
      const sw = ENV_SWITCHES.find((s) => s.name.test(d.name) && (!s.off || s.off.test(value)));
      if (!sw || d.value === null) continue;
      const kind = d.instruction.keyword;
      ctx.report({
        start: d.nameStart,
        end: d.nameEnd,
        messageId: 'env',
        data: {
          name: d.name,
          value,
          tool: sw.what,
          where: kind === 'ENV' ? 'in the rest of the build and in the running container' : 'in the rest of the stage',
        },
      });
    }
  },
});
