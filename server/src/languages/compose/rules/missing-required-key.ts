import { schemaRule, where } from '../schema-rule';

export const rule = schemaRule(
  {
    code: 'CP004',
    id: 'missing-required-key',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A mapping without a key the spec requires in it.',
    messages: { required: '{{path}} needs the key "{{key}}".' },
    docs: {
      severity: 'Compose refuses the whole file when a required key is missing.',
      rationale:
        'Some long forms cannot stand without one key: a long-form volume ' +
        'needs `type`, a `depends_on` entry in mapping form needs `condition`, a `develop.watch` ' +
        'rule needs `path` and `action`, `extends` needs `service`. Compose rejects the file ' +
        'without it.',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ' +
        'source: ./site\n        target: /usr/share/nginx/html\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: ' +
        'bind\n        source: ./site\n        target: /usr/share/nginx/html\n',
      peers: ['docker compose config', 'compose-spec JSON schema (required)'],
    },
  },
  ['required'],
  (ctx, issue) => {
    ctx.report({
      start: issue.start,
      end: issue.end,
      messageId: 'required',
      data: { path: where(issue.path), key: issue.name },
    });
  },
);
