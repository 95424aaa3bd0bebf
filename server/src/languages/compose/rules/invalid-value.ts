import { schemaRule, where } from '../schema-rule';

export const rule = schemaRule(
  {
    code: 'CP003',
    id: 'invalid-value',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'A value outside the set, pattern or range the spec allows.',
    messages: {
      enum: '"{{value}}" is not a valid {{path}}: use one of {{expected}}.',
      enumSuggest: '"{{value}}" is not a valid {{path}}; did you mean "{{suggestion}}"?',
      pattern: '"{{value}}" is not a valid {{path}} (it must match {{expected}}).',
      range: '{{value}} is out of range for {{path}} ({{expected}}).',
    },
    docs: {
      severity: 'Compose refuses the whole file when a value is outside what the spec allows.',
      rationale:
        'Some keys take one of a fixed set of words (`condition: ' +
        'service_healthy`), a value of a given shape (`pull_policy`, `container_name`) or a number ' +
        'in a range (`cpu_percent`, `oom_score_adj`). Compose rejects anything else when it loads ' +
        'the file. Values that use `${VAR}` interpolation are not judged, since their final value ' +
        'is not known.',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_healty\n  db:\n    image: postgres:16\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      ' +
        'db:\n        condition: service_started\n  db:\n    image: postgres:16\n',
      peers: ['docker compose config', 'compose-spec JSON schema (enum, pattern, minimum/maximum)'],
    },
  },
  ['enum', 'pattern', 'range'],
  (ctx, issue) => {
    const data = {
      value: issue.name,
      path: where(issue.path),
      expected: issue.expected ?? '',
      suggestion: issue.suggestion ?? '',
    };
    if (issue.kind === 'enum' && issue.suggestion) {
      const quoted = /^["']/.test(ctx.text.slice(issue.start, issue.end));
      ctx.report({
        start: issue.start,
        end: issue.end,
        messageId: 'enumSuggest',
        data,
        fix: {
          title: `Change to "${issue.suggestion}"`,
          safe: false,
          edits: [
            {
              start: issue.start,
              end: issue.end,
              newText: quoted ? JSON.stringify(issue.suggestion) : issue.suggestion,
            },
          ],
        },
      });
    } else {
      ctx.report({ start: issue.start, end: issue.end, messageId: issue.kind, data });
    }
  },
);
