import { defineRule } from '../../../engine/define';
import type { DockerfileModel, DockerInstruction } from '../parse';
import { imageFamily } from '../util';

function shellHasPipefail(ins: DockerInstruction): boolean {
  const args = ins.jsonArgs?.map((w) => w.value) ?? [];
  return args.some(
    (a, k) => (a === '-o' && args[k + 1] === 'pipefail') || (/^-[a-z]*o$/.test(a) && args[k + 1] === 'pipefail'),
  );
}

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
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        '`curl -fsSL URL | tar -xz` succeeds when curl fails, because a pipe ' +
        'returns the status of its last command; the build goes on with nothing downloaded. `SHELL ' +
        '["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail` in the RUN) makes the build ' +
        'stop. The fix inserts a SHELL instruction before the RUN: bash on Debian-like images, ash ' +
        'on Alpine (a suggestion: the shell changes).',
      incorrect: 'RUN curl -fsSL https://example.com/x.tgz | tar -xz',
      correct: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar -xz',
      peers: ['hadolint DL4006'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      let pipefail = false;
      let shellSet = false;
      for (const ins of s.instructions) {
        if (ins.keyword === 'SHELL') {
          pipefail = shellHasPipefail(ins);
          shellSet = true;
          continue;
        }
        if (ins.keyword !== 'RUN' || pipefail || ins.json) continue;
        const cmds = ins.commands ?? [];
        let setPipefail = false;
        for (const c of cmds) {
          if (
            c.name === 'set' &&
            c.argv.some((w, k) => w.value === 'pipefail' && /^-[a-z]*o$/.test(c.argv[k - 1]?.value ?? ''))
          )
            setPipefail = true;
          if (c.after === '|' && !setPipefail) {
            const family = imageFamily(ctx.model, s);
            const shell =
              family === 'alpine' ? '["/bin/ash", "-eo", "pipefail", "-c"]' : '["/bin/bash", "-o", "pipefail", "-c"]';
            ctx.report({
              start: ins.keywordStart,
              end: ins.keywordEnd,
              messageId: 'pipe',
              fix: shellSet
                ? undefined
                : {
                    title: 'Set SHELL with -o pipefail before this RUN',
                    safe: false,
                    edits: [{ start: ins.start, end: ins.start, newText: `SHELL ${shell}\n` }],
                  },
            });
            pipefail = false;
            break;
          }
        }
      }
    }
  },
});
