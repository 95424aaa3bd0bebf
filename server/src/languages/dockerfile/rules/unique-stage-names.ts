import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3024',
    id: 'unique-stage-names',
    defaultSeverity: 'error',
    description: 'Two stages have the same name.',
    messages: { duplicate: 'Stage name `{{name}}` is already used on line {{line}}: stage names must be unique.' },
    fixable: false,
    docs: {
      severity: 'BuildKit refuses two stages of the same name: the build fails.',
      rationale:
        'BuildKit refuses a Dockerfile with two stages of the same name (names ' +
        'compare case-insensitively). Same check as BuildKit `DuplicateStageName`.',
      incorrect: 'FROM node:20 AS build\nFROM node:20 AS build',
      correct: 'FROM node:20 AS deps\nFROM node:20 AS build',
      peers: ['hadolint DL3024', 'BuildKit DuplicateStageName'],
    },
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const s of ctx.model.stages) {
      if (!s.name || s.nameStart === undefined) continue;
      const k = s.name.toLowerCase();
      const first = seen.get(k);
      if (first !== undefined)
        ctx.report({
          start: s.nameStart,
          end: s.nameEnd!,
          messageId: 'duplicate',
          data: { name: s.name, line: ctx.lines.position(first).line + 1 },
        });
      else seen.set(k, s.nameStart);
    }
  },
});
