import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { dynamic, unquote } from '../util';

export const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz|lzma)$/i;

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3020',
    id: 'copy-instead-of-add',
    defaultSeverity: 'info',
    presets: { hadolint: 'error' },
    description: 'ADD copies plain local files, where COPY says what it does.',
    messages: { add: "ADD of plain files: COPY does the same without ADD's URL and archive handling." },
    fixable: 'safe',
    docs: {
      severity:
        'Practice: ADD of a local file works like COPY; COPY only says more plainly what happens (hadolint ' +
        'calls it an error, but the build succeeds).',
      rationale:
        'ADD also downloads URLs and unpacks archives; for plain files that ' +
        'magic is a surprise waiting to happen (rename a file to `.tar` and it is extracted). COPY ' +
        'says what it does. The fix renames the instruction and is safe: it is offered only when ' +
        'no source is a URL, an archive or a variable and no ADD-only flag is used.',
      incorrect: 'ADD app.py /app/',
      correct: 'COPY app.py /app/',
      peers: ['hadolint DL3020'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'ADD' || ins.heredocs.length) continue;
      const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
      const sources = words.slice(0, -1).map((w) => Object.assign({}, w, { value: unquote(w.value) }));
      if (sources.length === 0) continue;
      if (
        sources.some(
          (w) =>
            /^(https?|git|ssh):\/\//i.test(w.value) ||
            /^git@/.test(w.value) ||
            ARCHIVE.test(w.value) ||
            dynamic(w.value),
        )
      )
        continue;
      if (ins.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name))) continue;
      ctx.report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        messageId: 'add',
        fix: {
          title: 'Use COPY',
          safe: true,
          edits: [
            {
              start: ins.keywordStart,
              end: ins.keywordEnd,
              newText: ins.written === ins.written.toLowerCase() ? 'copy' : 'COPY',
            },
          ],
        },
      });
    }
  },
});
