import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, hasCacheMount, imageStages, subcommandOf } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3060',
    id: 'yarn-cache-clean',
    defaultSeverity: 'info',
    description: 'yarn install without `yarn cache clean` in the same RUN.',
    messages: { noClean: '`yarn cache clean` missing after `yarn install` in this RUN.' },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'Yarn (v1) keeps every package it downloads in its cache, which then ' +
        'ships in the layer. Clean it in the same RUN, or use a cache mount. As hadolint, only stages that end ' +
        'up in an image are judged (the last one and the stages others are built `FROM`). The fix appends `&& ' +
        'yarn cache clean` (a suggestion).',
      incorrect: 'RUN yarn install --frozen-lockfile',
      correct: 'RUN yarn install --frozen-lockfile && yarn cache clean',
      peers: ['hadolint DL3060'],
    },
  },
  check(ctx) {
    const done = new Set<unknown>();
    const inImage = imageStages(ctx.model);
    for (const { ins, cmd } of commandsNamed(ctx.model, ['yarn'])) {
      // a stage no image is made of keeps its cache out of the result; an ONBUILD RUN is judged alone
      if (!ins.onbuild && !inImage.has(ins.stage)) continue;
      const sub = subcommandOf(cmd);
      if (sub && sub.value !== 'install' && sub.value !== 'add') continue;
      if (!sub && cmd.argv.length > 1) continue;
      if (done.has(ins)) continue;
      done.add(ins);
      if (hasCacheMount(ins, 'yarn') || hasCacheMount(ins, '/usr/local/share/.cache')) continue;
      if (
        (ins.commands ?? []).some(
          (c) => c.name === 'yarn' && c.argv[1]?.value === 'cache' && c.argv[2]?.value === 'clean',
        )
      )
        continue;
      if (
        (ins.commands ?? []).some(
          (c) => c.name === 'rm' && c.argv.some((w) => /yarn/.test(w.value) && /cache/.test(w.value)),
        )
      )
        continue;
      const last = ins.commands![ins.commands!.length - 1];
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'noClean',
        fix:
          ins.json || ins.heredocs.length || last.via
            ? undefined
            : {
                title: 'Clean the yarn cache in this RUN',
                safe: false,
                edits: [{ start: last.end, end: last.end, newText: ' \\\n    && yarn cache clean' }],
              },
      });
    }
  },
});
