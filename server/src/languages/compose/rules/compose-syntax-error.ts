import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP000',
    id: 'compose-syntax-error',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The file is not valid YAML, or a mapping repeats a key.',
    messages: { syntax: '{{message}}', duplicateKey: '{{message}}' },
    docs: {
      severity: 'Compose refuses a file that is not valid YAML (or repeats a key): nothing starts.',
      rationale:
        'Compose rejects a file that is not valid YAML, and a key given twice ' +
        'in one mapping (the YAML spec forbids it; some parsers silently keep the last one). The ' +
        'finding sits where the parser stopped; the rest of the file is still checked as far as it ' +
        'can be read.',
      incorrect: 'services:\n  web:\n    image: "nginx:1.27\n',
      correct: 'services:\n  web:\n    image: "nginx:1.27"\n',
      peers: ['docker compose config (YAML errors)'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.problems)
      ctx.report({
        start: p.start,
        end: p.end,
        messageId: p.messageId ?? 'syntax',
        data: { message: p.message, ...p.data },
      });
  },
});
