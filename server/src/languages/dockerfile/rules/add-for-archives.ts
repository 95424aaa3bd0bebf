import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed } from '../util';
import { ARCHIVE } from './copy-instead-of-add';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3010',
    id: 'add-for-archives',
    defaultSeverity: 'info',
    description: 'An archive is copied and then extracted, where ADD would extract it in one step.',
    messages: {
      archive: '`{{file}}` is copied and then extracted with tar: `ADD {{file}} <dir>` does both in one layer.',
    },
    fixable: false,
    docs: {
      rationale:
        'COPY of a local archive followed by `tar -x` keeps the archive in a ' +
        'layer; ADD extracts local tar archives directly.',
      incorrect: 'COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt',
      correct: 'ADD app.tar.gz /opt/',
      peers: ['hadolint DL3010'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      for (const ins of s.instructions) {
        if (ins.keyword !== 'COPY' || ins.flags.some((f) => f.name === 'from')) continue;
        const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
        for (const src of words.slice(0, -1)) {
          if (!ARCHIVE.test(src.value) || !/\.(tar|tgz|tbz2?|txz)|\.tar\./.test(src.value)) continue;
          const base = src.value.slice(src.value.lastIndexOf('/') + 1);
          const extracted = [...commandsNamed(ctx.model, ['tar'], s.instructions)].some(
            ({ ins: r, cmd }) =>
              r.start > ins.start &&
              cmd.argv.some((w) => w.value.endsWith(base)) &&
              cmd.argv.some((w) => /^-?[a-zA-Z]*x/.test(w.value) || w.value === '--extract'),
          );
          if (extracted) ctx.report({ start: src.start, end: src.end, messageId: 'archive', data: { file: base } });
        }
      }
    }
  },
});
