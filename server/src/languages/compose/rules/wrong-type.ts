import { schemaRule, where } from '../schema-rule';

export const rule = schemaRule(
  {
    code: 'CP002',
    id: 'compose-wrong-type',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A value of a type (string, number, list, mapping...) the spec does not accept there.',
    messages: { type: '{{path}} must be {{expected}}, not {{actual}}.' },
    docs: {
      severity: 'Compose refuses the whole file when a value has the wrong type.',
      rationale:
        'Compose validates the file against its specification before doing ' +
        'anything and stops at a value of the wrong type, such as a mapping where a list is ' +
        'expected or a number where a string is required. Every short and long form the spec ' +
        'accepts is accepted here.',
      incorrect: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      interval: 30\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      interval: 30s\n',
      peers: ['docker compose config', 'compose-spec JSON schema (type)'],
    },
  },
  ['type'],
  (ctx, issue) => {
    ctx.report({
      start: issue.start,
      end: issue.end,
      messageId: 'type',
      data: { path: where(issue.path), expected: issue.expected ?? '', actual: issue.actual ?? '' },
    });
  },
);
