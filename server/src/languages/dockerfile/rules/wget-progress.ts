import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, hasFlag, insertAfter } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3047',
    id: 'wget-progress',
    defaultSeverity: 'info',
    description: 'wget without a quiet progress option floods the build log.',
    messages: {
      progress: '`wget` without `--progress=dot:giga` (or `-q`/`-nv`) fills the build log with progress lines.',
    },
    fixable: 'safe',
    docs: {
      severity: 'Practice: only the build log suffers.',
      rationale:
        'Without a terminal, wget prints a dot line per few kilobytes: a large ' +
        'download adds thousands of lines to the build log. `-q`, `-nv`, `-o file` or ' +
        '`--progress=...` keep it short. The fix adds `--progress=dot:giga`, which is safe: only ' +
        'the log changes.',
      incorrect: 'RUN wget https://example.com/big.tar.gz',
      correct: 'RUN wget --progress=dot:giga https://example.com/big.tar.gz',
      peers: ['hadolint DL3047'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['wget'])) {
      if (
        hasFlag(cmd, ['progress', 'quiet', 'no-verbose', 'output-file', 'append-output', 'help', 'version'], 'qoa') ||
        cmd.argv.some((w) => w.value === '-nv')
      )
        continue;
      if (cmd.argv.length < 2) continue;
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'progress',
        fix: cmd.via
          ? undefined
          : { title: 'Add --progress=dot:giga', safe: true, edits: [insertAfter(cmd.argv[0], '--progress=dot:giga')] },
      });
    }
  },
});
