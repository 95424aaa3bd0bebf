import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import type { Language, Rule } from '../../engine/types';
import { nearest } from '../../text/nearest';

export interface DockerfileModel { ast: Dockerfile }

const INSTRUCTIONS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

const unknownInstruction: Rule<DockerfileModel> = {
  meta: {
    code: 'DF001', id: 'unknown-instruction', kinds: ['dockerfile'], defaultSeverity: 'error', fixable: 'suggestion',
    description: 'The line starts with a word that is not a Dockerfile instruction.',
    messages: { unknown: 'Unknown instruction: {{word}}' },
    docs: {
      rationale: 'Docker stops the build at the first unknown instruction. Usually it is a typo, or a shell line whose `\\` continuation went missing on the line before.',
      incorrect: 'FROM alpine:3.20\nRUN apk add --no-cache curl &&\n    rm -rf /tmp/*', correct: 'FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    rm -rf /tmp/*',
    },
  },
  check(ctx) {
    for (const inst of ctx.model.ast.getInstructions()) {
      const word = inst.getInstruction();
      if (INSTRUCTIONS.has(word.toUpperCase())) continue;
      const r = inst.getInstructionRange();
      const start = ctx.lines.offset(r.start), end = ctx.lines.offset(r.end);
      const guess = nearest(word, INSTRUCTIONS, 2);
      ctx.report({
        start, end, messageId: 'unknown', data: { word },
        suggestions: guess ? [{ title: `Change to ${guess}`, edits: [{ start, end, newText: guess }], safe: false }] : undefined,
      });
    }
  },
};

export const language: Language<DockerfileModel> = {
  kind: 'dockerfile',
  lineComment: '#',
  parse: (text) => ({ ast: DockerfileParser.parse(text) }),
  rules: [unknownInstruction],
};
