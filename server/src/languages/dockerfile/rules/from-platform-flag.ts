import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3029',
    id: 'from-platform-flag',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'FROM has a constant `--platform`.',
    messages: {
      platform:
        'Do not use a constant `--platform={{value}}` with FROM: the image then cannot be built for other platforms.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the build works for the platform named; it only cannot build for others.',
      rationale:
        'A hard-coded platform makes a multi-platform build produce the wrong ' +
        'architecture (or emulate one). Use `$BUILDPLATFORM`/`$TARGETPLATFORM`, or leave it to ' +
        '`docker build --platform`. Like BuildKit `FromPlatformFlagConstDisallowed`, a stage whose ' +
        'name mentions the platform (`FROM --platform=linux/amd64 ... AS build-amd64`) is not ' +
        'reported, nor are values with variables. The fix removes the flag (a suggestion).',
      incorrect: 'FROM --platform=linux/amd64 node:20',
      correct: 'FROM node:20',
      peers: ['hadolint DL3029', 'BuildKit FromPlatformFlagConstDisallowed'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const f = s.platform;
      if (!f || f.value === null || f.value.includes('$')) continue;
      const parts = f.value.toLowerCase().split(/[/,]/);
      if (s.name && parts.some((p) => p && s.name!.toLowerCase().includes(p))) continue;
      let end = f.end;
      while (ctx.text[end] === ' ' || ctx.text[end] === '\t') end++;
      ctx.report({
        start: f.start,
        end: f.end,
        messageId: 'platform',
        data: { value: f.value },
        fix: { title: 'Remove --platform', safe: false, edits: [{ start: f.start, end, newText: '' }] },
      });
    }
  },
});
