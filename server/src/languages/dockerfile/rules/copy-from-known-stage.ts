import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { nearest } from '../../../text/nearest';
import { unquote } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3022',
    id: 'copy-from-known-stage',
    defaultSeverity: 'warning',
    description: '`COPY --from` names no stage defined before it.',
    messages: {
      unknown:
        '`--from={{name}}` is not a stage defined before this instruction{{hint}}: it would be pulled as the image ' +
        '`{{name}}:latest` (or read from a `--build-context {{name}}=…`); name an earlier stage, or give the ' +
        "image's tag.",
      index: '`--from={{index}}` is not a stage before this instruction (there are {{count}}): stages count from 0.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'A likely bug: the name is pulled as an image, which rarely exists (and a stage index with no such ' +
        'stage fails the build).',
      rationale:
        'An unknown `--from` name is treated as an image to pull: a typo in a ' +
        'stage name becomes a registry lookup and a confusing failure. As hadolint, a name without a tag is ' +
        'reported (an image given by `--from` deserves a tag like any `FROM`), and so is a stage number with no ' +
        'such earlier stage (that build fails); image references (with `:`, `/` or `@`) and variables are not. ' +
        'When a stage has a close name the fix renames the reference (a suggestion).',
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
      const v = unquote(f.value);
      // image references (a tag, a registry or a digest) and values decided at build time
      if (/[:/@$]/.test(v)) continue;
      const report = (messageId: string, data: Record<string, string>, close?: string) =>
        ctx.report({
          start: f.valueStart!,
          end: f.valueEnd!,
          messageId,
          data,
          fix: close
            ? {
                title: `Use stage ${close}`,
                safe: false,
                edits: [{ start: f.valueStart!, end: f.valueEnd!, newText: close }],
              }
            : undefined,
        });
      if (/^\d+$/.test(v)) {
        // a stage index must name a stage before this one
        if (Number(v) >= ins.stage) report('index', { index: v, count: String(Math.max(ins.stage, 0)) });
        continue;
      }
      // the first stage of that name (an index, not a scan per COPY: a 10,000-stage chain took 25 s)
      const named = ctx.model.stagesByName.get(v.toLowerCase());
      if (named && named.index <= ins.stage) continue; // an earlier stage, or this one (DL3023's)
      const before = ctx.model.stages.slice(0, Math.max(0, ins.stage));
      const close = nearest(
        v,
        before.map((s) => s.name).filter((n): n is string => !!n),
      );
      const later = !!named && named.index > ins.stage;
      report(
        'unknown',
        {
          name: v,
          hint: close ? ` (did you mean \`${close}\`?)` : later ? ' (a stage of that name comes later)' : '',
        },
        close,
      );
    }
  },
});
