import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { finalChain, hasCacheMount } from '../util';
import { aptInstalls } from './apt-pin-versions';

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
      rationale:
        'The package lists `apt-get update` downloads stay in the layer (tens ' +
        'of MB) unless the same RUN deletes them. Only stages that end up in the final image are ' +
        'checked; a cache mount on `/var/lib/apt/lists` is fine. The fix appends `&& rm -rf ' +
        '/var/lib/apt/lists/*` (a suggestion).',
      incorrect: 'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      correct:
        'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*',
      peers: ['hadolint DL3009'],
    },
  },
  check(ctx) {
    const final = new Set(finalChain(ctx.model).map((s) => s.index));
    const done = new Set<unknown>();
    for (const { ins } of aptInstalls(ctx.model)) {
      if (done.has(ins) || !final.has(ins.stage)) continue;
      done.add(ins);
      if (hasCacheMount(ins, '/var/lib/apt')) continue;
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
