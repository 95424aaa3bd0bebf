import { defineRule } from '../../../engine/define';
import type { DockerignoreModel } from '../patterns';

export const rule = defineRule<DockerignoreModel>({
  meta: {
    code: 'DI001',
    id: 'pattern-syntax',
    kinds: ['dockerignore'],
    defaultSeverity: 'error',
    description: 'A .dockerignore pattern that Docker cannot read.',
    messages: { invalid: 'The pattern "{{pattern}}" is invalid: {{reason}}; Docker rejects it.' },
    fixable: false,
    docs: {
      rationale:
        'Docker stops the build with "syntax error in pattern" when a pattern ' +
        'is malformed (an unclosed `[`, a bad range, a trailing `\\`).',
      incorrect: 'src/[a-',
      correct: 'src/[a-z]*',
      peers: ['Docker CLI patternmatcher'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.patterns)
      if (p.error)
        ctx.report({ start: p.start, end: p.end, messageId: 'invalid', data: { pattern: p.text, reason: p.error } });
  },
});
