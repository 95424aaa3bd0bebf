import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { hasCacheMount, imageStages } from '../util';
import { aptInstalls } from '../packages';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3009',
    id: 'apt-lists-cleanup',
    defaultSeverity: 'info',
    description: 'A RUN installs with apt-get but leaves the package lists in the layer.',
    messages: {
      noCleanup: 'The apt package lists stay in this layer: end this RUN with `rm -rf /var/lib/apt/lists/*`.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'The package lists `apt-get update` downloads stay in the layer (tens ' +
        'of MB) unless the same RUN deletes them. As hadolint, only stages that end up in an image are ' +
        'checked (the last one, and the stages others are built `FROM`), an `ONBUILD RUN` always, and a cache ' +
        'mount at `/var/lib/apt/lists` (or at both `/var/lib/apt` and `/var/cache/apt`) is fine. Unlike hadolint, ' +
        'the RUN that installs is reported, not a RUN that only runs `apt-get update`. The fix appends `&& rm -rf ' +
        '/var/lib/apt/lists/*` (a suggestion).',
      incorrect: 'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      correct:
        'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*',
      peers: ['hadolint DL3009'],
    },
  },
  check(ctx) {
    const inImage = imageStages(ctx.model);
    const done = new Set<unknown>();
    for (const { ins } of aptInstalls(ctx)) {
      // an ONBUILD RUN runs in whatever image is built on this one: it is judged alone
      if (done.has(ins) || (!ins.onbuild && !inImage.has(ins.stage))) continue;
      done.add(ins);
      // the lists live in a cache mount (all of /var/lib/apt only with /var/cache/apt beside it)
      if (
        hasCacheMount(ins, (t) => t.startsWith('/var/lib/apt/lists')) ||
        (hasCacheMount(ins, (t) => t.startsWith('/var/lib/apt')) &&
          hasCacheMount(ins, (t) => t.startsWith('/var/cache/apt')))
      )
        continue;
      const cleans = (ins.commands ?? []).some(
        (c) =>
          (c.name === 'rm' && c.argv.some((w) => /^\/var\/lib\/apt\/lists/.test(w.value))) ||
          ((c.name === 'apt-get' || c.name === 'apt') && c.argv.some((w) => w.value === 'dist-clean')),
      );
      if (cleans) continue;
      const last = ins.commands![ins.commands!.length - 1];
      ctx.report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        messageId: 'noCleanup',
        fix:
          ins.heredocs.length === 0 && !ins.json && last.via === undefined
            ? {
                title: 'Delete the apt lists in this RUN',
                safe: false,
                edits: [{ start: last.end, end: last.end, newText: ' \\\n    && rm -rf /var/lib/apt/lists/*' }],
              }
            : undefined,
      });
    }
  },
});
