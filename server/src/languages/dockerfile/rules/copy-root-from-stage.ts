import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

const unquote = (v: string) => v.replace(/^(["'])(.*)\1$/, '$2');

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3067',
    id: 'copy-root-from-stage',
    defaultSeverity: 'warning',
    description: 'Do not COPY a whole filesystem (`/` to `/`) from another stage or image.',
    messages: {
      root:
        '`COPY --from={{from}} / /` copies the whole filesystem of `{{from}}` ' +
        'over this one: copy only the paths you need.',
    },
    fixable: false,
    docs: {
      severity:
        "A likely bug: copying a whole filesystem also copies /proc, /sys and the other stage's users and " +
        'packages.',
      rationale:
        "Copying `/` onto `/` brings the other stage's entire root filesystem " +
        '(package databases, caches, /etc, build tools) into this image, which defeats the point ' +
        "of a multi-stage build and can silently replace this stage's system files. Name the " +
        'directories the final image needs. If the intent is to continue from that stage, use ' +
        '`FROM <stage>` instead.',
      incorrect:
        'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM ' +
        'gcr.io/distroless/static-debian12\nCOPY --from=build / /',
      correct:
        'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM ' +
        'gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
      peers: ['hadolint DL3067'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const target = ins.keyword === 'ONBUILD' && ins.trigger ? ins.trigger : ins;
      if (target.keyword !== 'COPY') continue;
      const from = target.flags.find((f) => f.name === 'from');
      if (!from?.value) continue;
      const words = target.json && target.jsonArgs ? target.jsonArgs : target.args;
      if (words.length < 2) continue;
      const dest = words[words.length - 1];
      if (unquote(dest.value) !== '/' || !words.slice(0, -1).some((w) => unquote(w.value) === '/')) continue;
      ctx.report({ start: target.keywordStart, end: dest.end, messageId: 'root', data: { from: from.value } });
    }
  },
});
