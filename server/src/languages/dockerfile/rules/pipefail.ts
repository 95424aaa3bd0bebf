import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { imageFamily, runShells } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4006',
    id: 'pipefail',
    defaultSeverity: 'warning',
    description: 'A RUN with a pipe and no pipefail.',
    messages: {
      pipe:
        'This RUN has a pipe: without `-o pipefail` in the SHELL (or `set -o ' +
        'pipefail`) only the last command of the pipe can fail the build.',
      sh:
        'This RUN has a pipe, and `-o pipefail` is given to plain `sh`, which may not have it (dash fails on ' +
        'it): use bash (or ash on Alpine) with `-o pipefail`.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'A likely bug: a failure early in the pipe is hidden and the build goes on with bad results.',
      rationale:
        '`curl -fsSL URL | tar -xz` succeeds when curl fails, because a pipe ' +
        'returns the status of its last command; the build goes on with nothing downloaded. `SHELL ' +
        '["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail` in the RUN) makes the build ' +
        'stop. As hadolint, pipefail counts for bash, zsh, ash (and ksh), not for plain `sh`; a non-POSIX SHELL ' +
        '(`pwsh`, `powershell.exe`, `cmd`) or `# hadolint shell=powershell` turns the check off; each FROM ' +
        'starts over with `/bin/sh`. The fix inserts a SHELL instruction before the RUN: bash on Debian-like ' +
        'images, ash on Alpine (a suggestion: the shell changes).',
      incorrect: 'RUN curl -fsSL https://example.com/x.tgz | tar -xz',
      correct: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar -xz',
      peers: ['hadolint DL4006'],
    },
  },
  check(ctx) {
    const shells = ctx.once('dockerfile:run-shells', () => runShells(ctx.model));
    for (const s of ctx.model.stages) {
      const shellSet = s.instructions.some((i) => i.keyword === 'SHELL');
      for (const outer of s.instructions) {
        const ins = outer.trigger ?? outer;
        const shell = shells.get(ins);
        if (ins.keyword !== 'RUN' || ins.json || !shell || !shell.posix || shell.pipefail) continue;
        let setPipefail = false;
        for (const c of ins.commands ?? []) {
          if (
            c.name === 'set' &&
            c.argv.some((w, k) => w.value === 'pipefail' && /^-[a-z]*o$/.test(c.argv[k - 1]?.value ?? ''))
          )
            setPipefail = true;
          if (c.after !== '|' || setPipefail) continue;
          const family = imageFamily(ctx.model, s);
          const fixed =
            family === 'alpine' ? '["/bin/ash", "-eo", "pipefail", "-c"]' : '["/bin/bash", "-o", "pipefail", "-c"]';
          ctx.report({
            start: ins.keywordStart,
            end: ins.keywordEnd,
            messageId: shell.name === 'sh' && shell.argv.includes('pipefail') ? 'sh' : 'pipe',
            fix:
              shellSet || outer !== ins
                ? undefined
                : {
                    title: 'Set SHELL with -o pipefail before this RUN',
                    safe: false,
                    edits: [{ start: ins.start, end: ins.start, newText: `SHELL ${fixed}\n` }],
                  },
          });
          break;
        }
      }
    }
  },
});
