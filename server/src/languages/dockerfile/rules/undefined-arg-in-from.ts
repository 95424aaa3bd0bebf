import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { PREDEFINED_ARGS } from '../util';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF007',
    id: 'undefined-arg-in-from',
    defaultSeverity: 'warning',
    description: 'FROM refers to a build argument that is not declared before the first FROM.',
    messages: { undefined: 'FROM uses `${{name}}`, which is not declared by an ARG before the first FROM{{hint}}.' },
    fixable: 'suggestion',
    docs: {
      severity:
        'A likely bug: the variable is empty unless every build passes `--build-arg`, and the image reference ' +
        'then breaks.',
      rationale:
        'Only ARGs declared before the first FROM (and the predefined platform ' +
        'args) are visible to FROM; anything else expands to an empty string and the image ' +
        'reference breaks. BuildKit `UndefinedArgInFrom`. When a declared ARG has a close name, ' +
        'the fix uses it (a suggestion).',
      incorrect: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERISON}',
      correct: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}',
      peers: ['BuildKit UndefinedArgInFrom'],
    },
  },
  check(ctx) {
    const declared = new Set(ctx.model.globalArgs.map((a) => a.name).concat(PREDEFINED_ARGS));
    const names = ctx.model.globalArgs.map((a) => a.name);
    for (const s of ctx.model.stages) {
      const f = s.from;
      for (const v of f.variables) {
        const name = v.name;
        if (declared.has(name)) continue;
        const start = v.nameStart,
          end = v.nameEnd;
        const close = nearest(name, names);
        ctx.report({
          start,
          end,
          messageId: 'undefined',
          data: { name, hint: close ? ` (did you mean \`${close}\`?)` : '' },
          fix: close ? { title: `Use ${close}`, safe: false, edits: [{ start, end, newText: close }] } : undefined,
        });
      }
    }
  },
});
