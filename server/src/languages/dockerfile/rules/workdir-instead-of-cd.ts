import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3003',
    id: 'workdir-instead-of-cd',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A RUN starts with `cd` where WORKDIR would say it once.',
    messages: { cd: 'A `cd` lasts only until the end of this RUN: set the directory with WORKDIR instead.' },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: `cd` works; WORKDIR is only clearer and lasts for the next instructions.',
      rationale:
        'A `cd` lasts only until the end of its RUN; WORKDIR says where the ' +
        'following instructions run and is easier to read. Unlike hadolint, only a RUN that ' +
        '*starts* with `cd` is reported: a `cd` into an unpacked source tree in the middle of a ' +
        'build script is idiomatic (the official images do it everywhere). When a RUN starts with ' +
        '`cd /absolute/dir && ...`, the fix moves the `cd` into a WORKDIR before it (a suggestion: ' +
        'the later instructions then run in that directory too).',
      incorrect: 'RUN cd /app && make',
      correct: 'WORKDIR /app\nRUN make',
      peers: ['hadolint DL3003'],
    },
  },
  check(ctx) {
    const seen = new Set<unknown>();
    for (const { ins, cmd, index } of commandsNamed(ctx.model, ['cd'])) {
      if (cmd.via || seen.has(ins)) continue;
      seen.add(ins);
      // Only a RUN that starts by changing directory is what WORKDIR replaces; a `cd` in the middle
      // of a build script (into an unpacked source tree, then back) is idiomatic shell.
      const first = ins.commands!.findIndex((c) => c.name !== 'set');
      if (ins.commands![first] !== cmd) continue;
      const dir = cmd.argv[1]?.value ?? '';
      const fixable =
        index === first &&
        cmd.after === '&&' &&
        cmd.argv.length === 2 &&
        dir.startsWith('/') &&
        !/[$`]/.test(dir) &&
        !ins.json &&
        ins.heredocs.length === 0 &&
        ins.flags.length === 0 &&
        ins.commands!.length > 1;
      const next = ins.commands![1];
      ctx.report({
        start: cmd.start,
        end: cmd.end,
        messageId: 'cd',
        fix:
          fixable && next
            ? {
                title: `Use WORKDIR ${dir}`,
                safe: false,
                edits: [
                  { start: ins.start, end: ins.start, newText: `WORKDIR ${dir}\n` },
                  { start: cmd.start, end: next.start, newText: '' },
                ],
              }
            : undefined,
      });
    }
  },
});
