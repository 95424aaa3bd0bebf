import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3022',
    id: 'copy-from-known-stage',
    defaultSeverity: 'warning',
    description: '`COPY --from` names no stage defined before it.',
    messages: {
      unknown:
        '`--from={{name}}` is not a stage defined before this ' +
        'instruction{{hint}}; an image reference would be pulled instead.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'An unknown `--from` name is treated as an image to pull: a typo in a ' +
        'stage name becomes a registry lookup and a confusing failure. Stage numbers, image ' +
        'references (with `:`, `/` or `@`) and variables are not reported. When a stage has a ' +
        'close name the fix renames the reference (a suggestion).',
      incorrect: 'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=biuld /app/dist /usr/share/nginx/html',
      correct: 'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html',
      peers: ['hadolint DL3022'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const f = ins.flags.find((x) => x.name === 'from');
      if (!f?.value || f.valueStart === undefined) continue;
      const v = f.value;
      if (/^\d+$/.test(v) || /[:/@$]/.test(v)) continue;
      const before = ctx.model.stages.filter((s) => s.index < ins.stage || (s.index === ins.stage && false));
      if (before.some((s) => s.name?.toLowerCase() === v.toLowerCase())) continue;
      if (ctx.model.stages.some((s) => s.index === ins.stage && s.name?.toLowerCase() === v.toLowerCase())) continue; // DL3023
      const names = before.map((s) => s.name).filter((n): n is string => !!n);
      const close = nearest(v, names);
      // a plain name that is no stage is also a valid image (`COPY --from=busybox`): only report names that look like
      // typos, or any name when stages exist and none is an image name
      if (!close && ctx.model.stages.every((s) => !s.name)) continue;
      ctx.report({
        start: f.valueStart,
        end: f.valueEnd!,
        messageId: 'unknown',
        data: { name: v, hint: close ? ` (did you mean \`${close}\`?)` : '' },
        fix: close
          ? {
              title: `Use stage ${close}`,
              safe: false,
              edits: [{ start: f.valueStart, end: f.valueEnd!, newText: close }],
            }
          : undefined,
      });
    }
  },
});
