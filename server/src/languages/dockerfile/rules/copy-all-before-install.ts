import { defineRule } from '../../../engine/define';
import type { DockerfileModel, DockerInstruction } from '../parse';
import type { ShellCommand } from '../shell';
import { subcommandOf } from '../util';

/** Which manifests an install command reads, or undefined when it is not a dependency install. */
export function manifestsOf(cmd: ShellCommand): string[] | undefined {
  const sub = subcommandOf(cmd)?.value;
  const positional = cmd.argv.slice(1).filter((w) => !w.value.startsWith('-')).length;
  switch (cmd.name) {
    case 'npm':
      return sub === 'ci' || ((sub === 'install' || sub === 'i') && positional === 1) ? ['package*.json'] : undefined;
    case 'yarn':
      return !sub || sub === 'install' ? ['package.json', 'yarn.lock'] : undefined;
    case 'pnpm':
      return (sub === 'install' || sub === 'i') && positional === 1 ? ['package.json', 'pnpm-lock.yaml'] : undefined;
    case 'bundle':
      return sub === 'install' ? ['Gemfile', 'Gemfile.lock'] : undefined;
    case 'composer':
      return sub === 'install' ? ['composer.json', 'composer.lock'] : undefined;
    case 'go':
      return sub === 'mod' && cmd.argv.some((w) => w.value === 'download') ? ['go.mod', 'go.sum'] : undefined;
    case 'pip':
    case 'pip3': {
      if (sub !== 'install') return undefined;
      const k = cmd.argv.findIndex((w) => w.value === '-r' || w.value === '--requirement');
      return k > 0 && cmd.argv[k + 1] && !cmd.argv[k + 1].value.includes('$') ? [cmd.argv[k + 1].value] : undefined;
    }
  }
  return undefined;
}

function copiesWholeContext(ins: DockerInstruction): boolean {
  if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.flags.some((f) => f.name === 'from')) return false;
  const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
  return words.length >= 2 && words.slice(0, -1).some((w) => w.value === '.' || w.value === './');
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF101',
    id: 'copy-all-before-install',
    defaultSeverity: 'info',
    description: 'Copy the dependency manifests and install dependencies before copying the whole context.',
    messages: {
      order:
        '`{{install}}` runs after the whole context is copied: any source ' +
        'change re-installs every dependency. Copy {{manifests}} first and install before `COPY . ' +
        '.`.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the build is correct, only slower to rebuild.',
      rationale:
        'Docker reuses a layer only while everything before it is unchanged. ' +
        'After `COPY . .`, editing any file invalidates the dependency install below it; copying ' +
        'just the manifests first keeps the install cached until they change. When the install is ' +
        'a RUN of its own, the fix moves it, with a COPY of the manifests, above `COPY . .` (a ' +
        'suggestion: check the paths).',
      incorrect: 'WORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]',
      correct: 'WORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]',
      peers: [],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const copyAll = s.instructions.find(copiesWholeContext);
      if (!copyAll) continue;
      const copiedBefore = s.instructions.filter(
        (i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.start < copyAll.start,
      );
      for (const ins of s.instructions) {
        if (ins.keyword !== 'RUN' || ins.start < copyAll.start) continue;
        for (const cmd of ins.commands ?? []) {
          const manifests = manifestsOf(cmd);
          if (!manifests) continue;
          if (copiedBefore.length > 0) break; // something was copied first: assume the manifests
          const dest = (copyAll.json && copyAll.jsonArgs ? copyAll.jsonArgs : copyAll.args).slice(-1)[0].value;
          const destDir = dest === '.' ? './' : dest.endsWith('/') ? dest : dest + '/';
          const canMove =
            (ins.commands ?? []).length === 1 &&
            !ins.json &&
            ins.heredocs.length === 0 &&
            !cmd.via &&
            s.instructions.indexOf(ins) > s.instructions.indexOf(copyAll);
          let end = ins.end;
          if (ctx.text[end] === '\r') end++;
          if (ctx.text[end] === '\n') end++;
          const runText = ctx.text.slice(ins.start, ins.end);
          ctx.report({
            start: cmd.start,
            end: cmd.end,
            messageId: 'order',
            data: {
              install: ctx.text.slice(cmd.start, cmd.end).split('\n')[0],
              manifests: manifests.map((x) => '`' + x + '`').join(' and '),
            },
            fix: canMove
              ? {
                  title: 'Install dependencies before COPY . .',
                  safe: false,
                  edits: [
                    {
                      start: copyAll.start,
                      end: copyAll.start,
                      newText: `COPY ${manifests.join(' ')} ${destDir}\n${runText}\n`,
                    },
                    { start: ins.start, end, newText: '' },
                  ],
                }
              : undefined,
          });
          break;
        }
      }
    }
  },
});
