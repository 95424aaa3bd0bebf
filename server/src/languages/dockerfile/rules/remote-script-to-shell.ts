import { defineRule } from '../../../engine/define';
import { commandsOf } from '../util';
import type { DockerfileModel } from '../parse';
import { baseName, type ShellCommand } from '../shell';

const FETCHERS = new Set(['curl', 'wget', 'fetch', 'http', 'aria2c']);
const INTERPRETERS = /^(sh|bash|dash|ash|zsh|ksh|mksh|fish|python[\d.]*|perl|ruby|node|php|pwsh|powershell)$/;

/** The program a pipeline stage runs, through `sudo`/`env`/`exec` prefixes. */
function program(cmd: ShellCommand): string {
  const a = cmd.argv;
  let k = 0;
  while (k < a.length && /^(sudo|env|exec|command|nice|nohup)$/.test(baseName(a[k].value))) {
    k++;
    while (k < a.length && (a[k].value.startsWith('-') || /^\w+=/.test(a[k].value))) k++;
  }
  return k < a.length ? baseName(a[k].value) : '';
}

/** `bash <(curl …)`, `sh -c "$(curl …)"`, `. <(wget -O- …)`: a shell reading a download without a pipe. */
const SUBSTITUTED =
  /(?:^|[\s;&|(])(?:(?:ba|da|z|k|a)?sh(?:\s+-[a-z]+)*\s+(?:-c\s+)?["']?(?:<\(|\$\()|(?:source|\.)\s+<\()\s*(curl|wget)\b/g;

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF302',
    id: 'remote-script-to-shell',
    defaultSeverity: 'warning',
    security: { severity: 6.5 },
    description: 'A script downloaded during the build is run straight away, without checking what was downloaded.',
    messages: {
      pipe: 'The output of `{{fetcher}}` is piped into `{{shell}}`: whatever the server sends runs, unchecked.',
      substitution: 'A shell runs what `{{fetcher}}` downloads: whatever the server sends runs, unchecked.',
    },
    fixable: false,
    docs: {
      rationale:
        '`curl … | sh` runs the bytes the server sends at that moment, as the build user (often root), with no ' +
        'record of what ran: a compromised host, a hijacked domain or a changed script changes the image without a ' +
        'change to the Dockerfile, and a connection cut midway can run half a script. Download to a file, check it ' +
        "against a checksum (or signature) you pinned, then run it; or install the tool from the distribution's " +
        'signed packages.',
      attack:
        "Whoever controls the script's host (or its domain, or a compromised CDN) runs any command in the build, " +
        'as root, and leaves what they like in the image, with nothing in the repository to show it.',
      incorrect: 'RUN curl -fsSL https://get.example.com/install.sh | sh',
      correct:
        'ARG INSTALL_SHA256=4f3c2d1e0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e\n' +
        'RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \\\n' +
        '  && echo "$INSTALL_SHA256  /tmp/install.sh" | sha256sum -c - \\\n' +
        '  && sh /tmp/install.sh && rm /tmp/install.sh',
      peers: ['no checkov, trivy or KICS check (zizmor has none for Dockerfiles)'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const run = ins.keyword === 'RUN' ? ins : ins.trigger?.keyword === 'RUN' ? ins.trigger : undefined;
      if (!run) continue;
      const cmds = commandsOf(run);
      for (let i = 0; i + 1 < cmds.length; i++) {
        const fetcher = program(cmds[i]);
        if (!FETCHERS.has(fetcher) || cmds[i].after !== '|') continue;
        // the next stage of the pipeline
        const next = cmds[i + 1];
        const shell = program(next);
        if (!INTERPRETERS.test(shell)) continue;
        // `… | sh -c 'echo hi'` reads its script from the argument, not from stdin
        if (next.argv.some((w) => w.value === '-c') && !/^(python|perl|ruby|node|php)/.test(shell)) continue;
        ctx.report({ start: cmds[i].start, end: next.end, messageId: 'pipe', data: { fetcher, shell } });
      }
      const body = ctx.text.slice(run.bodyStart, run.end);
      for (const m of body.matchAll(SUBSTITUTED)) {
        const start = run.bodyStart + m.index + (m[0].length - m[0].trimStart().length);
        ctx.report({
          start,
          end: run.bodyStart + m.index + m[0].length,
          messageId: 'substitution',
          data: { fetcher: m[1] },
        });
      }
    }
  },
});
