import { defineRule } from '../../../engine/define';
import type { DockerfileModel, DockerWord } from '../parse';
import { commandArgs, type ShellCommand } from '../shell';
import { unquote } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3010',
    id: 'add-for-archives',
    defaultSeverity: 'info',
    description: 'An archive is copied and then extracted, where ADD would extract it in one step.',
    messages: {
      archive: '`{{file}}` is copied and then extracted with {{tool}}: `ADD {{file}} <dir>` does both in one layer.',
    },
    fixable: false,
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'COPY of a local archive followed by `tar -x` (or a decompressor) keeps the archive in a ' +
        'layer; ADD extracts local tar archives directly. As hadolint, the archive is followed by its file name ' +
        '(the COPY target when it names an archive, else the sources; `/` or `\\` paths, quotes dropped) within ' +
        'the stage. Unlike hadolint, a zip is not reported (ADD does not unpack zip files), the old `tar xzf` ' +
        'spelling counts as an extraction, and `tar --exclude=…` does not.',
      incorrect: 'COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt',
      correct: 'ADD app.tar.gz /opt/',
      peers: ['hadolint DL3010'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      // archive basename → the COPY words to report, in this stage so far
      const copied = new Map<string, DockerWord[]>();
      const reported = new Set<DockerWord>();
      for (const ins of s.instructions) {
        if (ins.keyword === 'COPY' && !ins.flags.some((f) => f.name === 'from') && !ins.heredocs.length) {
          // as written (the escape character is a path separator in Windows paths), or the JSON strings
          const words =
            (ins.json && ins.jsonArgs) ||
            ins.args.map((w) => Object.assign({}, w, { value: ctx.text.slice(w.start, w.end) }));
          if (words.length < 2) continue;
          const target = words[words.length - 1];
          // an archive-named target is the file the RUN will see; else each archive source keeps its name
          const archives = isArchive(baseName(target.value)) ? [target] : words.slice(0, -1);
          for (const w of archives) {
            const base = baseName(w.value);
            if (isArchive(base)) copied.set(base, [...(copied.get(base) ?? []), w]);
          }
          continue;
        }
        if (ins.keyword !== 'RUN' || !copied.size) continue;
        for (const cmd of ins.commands ?? []) {
          if (!extracts(cmd)) continue;
          for (const w of commandArgs(cmd).positionals)
            for (const copy of copied.get(baseName(w.value)) ?? []) {
              if (reported.has(copy)) continue;
              reported.add(copy);
              ctx.report({
                start: copy.start,
                end: copy.end,
                messageId: 'archive',
                data: { file: baseName(copy.value), tool: cmd.name },
              });
            }
        }
      }
    }
  },
});

/** Archives ADD unpacks (tar, compressed or not); zip is not one of them. */
const ARCHIVE = /\.(tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz|zst|tzst)$/;
const isArchive = (base: string) => ARCHIVE.test(base);

/** The file name of a path as written: quotes dropped, `/` or `\` (Windows) as separators. */
const baseName = (p: string) => unquote(p).replace(/^.*[/\\]/, '');

/** `tar -x…`/`--extract`/`--get` (also `tar xzf`), or a decompressor. */
function extracts(cmd: ShellCommand): boolean {
  if (cmd.name === 'tar') {
    const a = commandArgs(cmd);
    // also the old style without a dash: tar xzf
    return a.has('-x', '--extract', '--get') || /^[a-wyzA-Z]*x[a-zA-Z]*$/.test(cmd.argv[1]?.value ?? '');
  }
  return ['gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat', 'unzstd'].includes(cmd.name);
}
