import { defineRule } from './define';
import type { DocumentKind, ParseProblem, Rule } from './types';

/** The syntax rule of a language whose model carries its parse problems. */
export function syntaxRule<M extends { problems: ParseProblem[] }>(
  code: string,
  kind: DocumentKind,
  what: string,
  example: { incorrect: string; correct: string },
  peers?: string[],
): Rule<M> {
  return defineRule<M>({
    meta: {
      code,
      id: `${kind}-syntax-error`,
      kinds: [kind],
      defaultSeverity: 'error',
      fixable: false,
      description: `The file is not valid ${what}.`,
      messages: { syntax: '{{message}}', duplicateKey: '{{message}}' },
      docs: {
        severity: `Every tool that reads the file (the consumer included) rejects one that is not valid ${what}.`,
        rationale:
          `A file that is not valid ${what} is rejected by every tool that reads ` +
          `it. The finding sits at the exact place the parser stopped; the rest of the file is still ` +
          `checked as far as it can be read.`,
        ...example,
        ...(peers ? { peers } : {}),
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
}
