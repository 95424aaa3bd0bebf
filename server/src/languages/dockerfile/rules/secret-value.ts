import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { secretName } from './secrets-in-arg-or-env';

const TOKEN_SHAPES: [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{50,}\b/, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\b(sk|rk)_live_[A-Za-z0-9]{20,}/, 'a Stripe key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'a JSON Web Token'],
];

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF104',
    id: 'secret-value',
    defaultSeverity: 'warning',
    description: 'An ENV or ARG holds what looks like a real credential.',
    messages: {
      token:
        'The value of `{{name}}` looks like {{what}}: it is stored in the ' +
        'image for anyone who can pull it. Revoke it and pass it with `RUN --mount=type=secret`.',
    },
    fixable: false,
    docs: {
      severity: 'A real risk: a credential in ENV or ARG ships with the image to anyone who can pull it.',
      rationale:
        'Values written in a Dockerfile end up in the image configuration and ' +
        'history, and usually in Git. This recognises the shapes of common credentials (AWS access ' +
        'keys, GitHub, Slack, Stripe, Google, npm tokens, private keys, JWTs) and literal values ' +
        'of secret-looking names (`DB_PASSWORD=hunter2`); values that are variables or empty are ' +
        'fine.',
      incorrect: 'ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      correct: 'RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp s3://bucket/file .',
      peers: ['BuildKit SecretsUsedInArgOrEnv (names only)'],
    },
  },
  check(ctx) {
    for (const d of [...ctx.model.args, ...ctx.model.envs]) {
      const v = d.value;
      if (!v) continue;
      const shape = TOKEN_SHAPES.find(([re]) => re.test(v));
      const literal = v.replace(/^["']|["']$/g, '');
      const what = shape
        ? shape[1]
        : secretName(d.name) &&
            literal.length >= 6 &&
            !/[$]/.test(literal) &&
            !/^(changeme|change-me|example|placeholder|secret|password|xxx+|\*+|true|false|none|null)$/i.test(
              literal,
            ) &&
            !/\.(txt|pem|json|key|crt)$|^\//.test(literal)
          ? 'a literal secret'
          : undefined;
      if (!what) continue;
      ctx.report({ start: d.nameStart, end: d.nameEnd, messageId: 'token', data: { name: d.name, what } });
    }
  },
});
