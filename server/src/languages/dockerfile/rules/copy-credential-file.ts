import { posix } from 'node:path';
import { defineRule } from '../../../engine/define';
import { registryConfigHasToken } from '../../../text/container-security';
import { credentialCopies } from '../security';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF307',
    id: 'copy-credential-file',
    defaultSeverity: 'warning',
    security: { severity: 8.1 },
    description: 'COPY or ADD puts a private key or credentials file into the image.',
    messages: {
      copy:
        '`{{src}}` looks like {{what}}: {{keyword}} stores it in a layer of the image, where anyone who pulls it ' +
        'can read it (a later `rm` does not remove it). Mount it with `RUN --mount=type=secret` instead.',
    },
    fixable: false,
    docs: {
      rationale:
        'Every COPY and ADD is a layer, kept in the image even when a later step deletes the file, and pushed ' +
        'with it (and with `--cache-to`, even from a build stage that is not the final one). Private keys ' +
        '(`id_rsa`, `*.key`, `*.p12`), `.env` files, `.npmrc`/`.pypirc`/`.netrc` with tokens, cloud credentials ' +
        '(`.aws/credentials`, service-account JSON) and kubeconfigs must never be in one. Give the build what it ' +
        'needs for one step with `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci` (or ' +
        '`--mount=type=ssh` for Git over SSH), and the container its credentials at run time. An `.npmrc` without ' +
        'a token in it is fine and not reported.',
      attack:
        'Anyone who can pull the image (a public registry, a leaked registry token, every developer and CI ' +
        'runner with access) extracts the layer and reads the key or token: push access to repositories, the ' +
        'package registry, the cloud account.',
      incorrect: 'COPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:acme/private.git',
      correct: 'RUN --mount=type=ssh git clone git@github.com:acme/private.git',
      peers: ['no checkov, trivy or KICS Dockerfile check by file name (trivy finds secrets in built images)'],
    },
  },
  check(ctx) {
    const dir = posix.dirname(ctx.path);
    for (const { ins, word: w, what } of credentialCopies(ctx.model)) {
      const src = w.value;
      if (what === 'a package registry token' && !/[*?[]/.test(src)) {
        const file = posix.join(dir, src);
        const text = ctx.workspace.readText(file);
        ctx.workspace.dependOn?.(ctx.path, file);
        if (text !== undefined && !registryConfigHasToken(text)) continue;
      }
      ctx.report({ start: w.start, end: w.end, messageId: 'copy', data: { src, what, keyword: ins.keyword } });
    }
  },
});
