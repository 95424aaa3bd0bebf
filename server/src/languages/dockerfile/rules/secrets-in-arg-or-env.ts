import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

const SECRET_WORD = /^(apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)$/i;
const HARMLESS_WORD =
  /^(public|file|multiline|gpg|pgp|fingerprint|id|path|dir|url|name|user|username|length|size|type|version|format|env)$/i;

/** Whether a variable name looks like it holds a secret (split into words on `_`, `-` and camelCase). */
export function secretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .filter(Boolean);
  return words.some((w) => SECRET_WORD.test(w)) && !words.some((w) => HARMLESS_WORD.test(w));
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF011',
    id: 'secrets-in-arg-or-env',
    defaultSeverity: 'warning',
    description: 'Sensitive data should not be passed through ARG or ENV.',
    messages: {
      secret:
        '`{{name}}` looks like a secret: {{keyword}} values are stored in the ' +
        'image (`docker history`, `docker inspect`). Use `RUN --mount=type=secret`.',
    },
    fixable: false,
    docs: {
      rationale:
        'ARG values are recorded in the image history and ENV values in its ' +
        'configuration: anyone who can pull the image can read them. Build secrets belong in `RUN ' +
        '--mount=type=secret,id=...`. BuildKit `SecretsUsedInArgOrEnv` matches words such as ' +
        '`password`, `token`, `secret`, `key`, `auth`; like it, names with `public` or `file` are ' +
        'skipped, and so are `GPG_KEY`-style names, which hold public key fingerprints.',
      incorrect: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
      correct: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
      peers: ['BuildKit SecretsUsedInArgOrEnv'],
    },
  },
  check(ctx) {
    for (const d of [...ctx.model.args, ...ctx.model.envs]) {
      if (secretName(d.name))
        ctx.report({
          start: d.nameStart,
          end: d.nameEnd,
          messageId: 'secret',
          data: { name: d.name, keyword: d.instruction.keyword },
        });
    }
  },
});
