import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

const SECRET_WORD = /^(apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)$/i;
const HARMLESS_WORD = new RegExp(
  '^(public|file|multiline|gpg|pgp|fingerprint|id|path|dir|url|name|user|username|length|size|type|version|' +
    'format|env)$',
  'i',
);

/**
 * Variables that well-known tools read credentials from (hadolint's list, without the names that hold no secret:
 * TRAVIS_OS_NAME, TRAVIS_SUDO, TRAVIS_SECURE_ENV_VARS, STRIPE_DEVICE_NAME, OKTA_AUTHN_GROUPID, OKTA_CLIENT_ORGURL).
 */
const KNOWN_SECRETS = new Set([
  'ACCESS_TOKEN',
  'APPLICATION_KEY',
  'APP_SECRET',
  'AUTH_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY',
  'BITTREX_API_SECRET',
  'CF_PASSWORD',
  'CF_USERNAME',
  'CIRCLE_TOKEN',
  'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER',
  'DOCKERHUB_PASSWORD',
  'DOCKER_EMAIL',
  'DOCKER_PASSWORD',
  'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_ID',
  'FACEBOOK_APP_SECRET',
  'FIREBASE_API_TOKEN',
  'FIREBASE_TOKEN',
  'FOSSA_API_KEY',
  'GH_ENTERPRISE_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GITHUB_TOKEN',
  'HEROKU_API_KEY',
  'HEROKU_API_USER',
  'NPM_AUTH_TOKEN',
  'NPM_TOKEN',
  'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID',
  'OKTA_OAUTH2_CLIENTSECRET',
  'OPENAI_API_KEY',
  'OS_PASSWORD',
  'OS_USERNAME',
  'POSTGRES_PASSWORD',
  'SLACK_TOKEN',
  'STRIPE_API_KEY',
  'VAULT_CLIENT_KEY',
  'VAULT_TOKEN',
]);

/**
 * Whether a variable name looks like it holds a secret: a known credential variable (any case), or a name whose
 * words (split on `_`, `-`, `.` and camelCase) include a secret word (`password`, `token`, `secret`, `key`, …) and no
 * word that says it holds something else (`public`, `file`, `path`, `url`, `name`, …), or that contains `password`,
 * `passwd`, `secret`, `api_key` or `client_key` inside a word (`DBPASSWORD`).
 */
export function secretName(name: string): boolean {
  if (KNOWN_SECRETS.has(name.toUpperCase())) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .filter(Boolean);
  if (words.some((w) => HARMLESS_WORD.test(w))) return false;
  return words.some((w) => SECRET_WORD.test(w)) || /password|passwd|secret|api_?key|client_?key/i.test(name);
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3064',
    formerCodes: ['DF011'],
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
      severity: 'A real risk: ARG and ENV values ship with the image to anyone who can pull it.',
      rationale:
        'ARG values are recorded in the image history and ENV values in its ' +
        'configuration: anyone who can pull the image can read them. Build secrets belong in `RUN ' +
        '--mount=type=secret,id=...`. BuildKit `SecretsUsedInArgOrEnv` matches words such as ' +
        '`password`, `token`, `secret`, `key`, `auth`; like it, names with `public` or `file` are ' +
        'skipped, and so are `GPG_KEY`-style names, which hold public key fingerprints. hadolint DL3064 adds a ' +
        'list of variables well-known tools read credentials from (`DOCKER_EMAIL`, `FACEBOOK_APP_ID`, ' +
        '`OPENAI_API_KEY`, …, in any case): they are reported too. Unlike hadolint, `USERNAME` alone is not a ' +
        "secret (it usually names the image's user), nor is a `token` inside a word (`TOKENIZERS_PARALLELISM`), " +
        "nor a name that says it holds a path or a file (`POSTGRES_PASSWORD_FILE`), and hadolint's list entries " +
        "that hold no secret (`TRAVIS_OS_NAME`, …) are left out. This rule was DF011 before it took hadolint's " +
        'code; DF011 still names it in configuration and ignore comments and will never name another rule.',
      incorrect: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
      correct: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
      peers: ['hadolint DL3064', 'BuildKit SecretsUsedInArgOrEnv'],
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
