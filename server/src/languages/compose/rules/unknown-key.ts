import { schemaRule, parentOf } from '../schema-rule';

export const rule = schemaRule(
  {
    code: 'CP001',
    id: 'compose-unknown-key',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'A key the Compose schema (the one Docker Compose loads) does not define at that place.',
    messages: {
      unknown: '"{{key}}" is not a key of {{parent}}.',
      unknownSuggest: '"{{key}}" is not a key of {{parent}}; did you mean "{{suggestion}}"?',
      belongsUnder: '"{{key}}" is not a key of {{parent}}; it belongs under "{{under}}".',
      serviceAtTop:
        '"{{key}}" looks like a service but is not under `services:` (the old ' +
        'version 1 layout, which Compose no longer reads).',
    },
    docs: {
      severity: 'Compose refuses the whole file when a mapping holds a key the spec does not define.',
      rationale:
        'Compose refuses the whole file when a mapping holds a key the spec ' +
        'does not know ("additional properties not allowed"), and a misspelt key would otherwise ' +
        'be a setting that silently does nothing. Custom data belongs under keys that start with ' +
        '`x-`.',
      incorrect: 'services:\n  web:\n    image: nginx:1.27\n    enviroment:\n      - DEBUG=1\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - DEBUG=1\n',
      peers: ['docker compose config', 'compose-spec JSON schema (additionalProperties)'],
    },
  },
  ['unknownKey'],
  (ctx, issue) => {
    const data = {
      key: issue.name,
      parent: parentOf(issue.path),
      suggestion: issue.suggestion ?? '',
      under: issue.belongsUnder ?? '',
    };
    if (issue.belongsUnder || issue.looksLikeService) {
      ctx.report({
        start: issue.start,
        end: issue.end,
        messageId: issue.belongsUnder ? 'belongsUnder' : 'serviceAtTop',
        data,
      });
      return;
    }
    ctx.report({
      start: issue.start,
      end: issue.end,
      messageId: issue.suggestion ? 'unknownSuggest' : 'unknown',
      data,
      fix: issue.suggestion
        ? {
            title: `Rename to "${issue.suggestion}"`,
            safe: false,
            edits: [{ start: issue.start, end: issue.end, newText: issue.suggestion }],
          }
        : undefined,
    });
  },
);
