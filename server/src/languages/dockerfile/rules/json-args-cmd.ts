import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3025',
    id: 'json-args-cmd',
    defaultSeverity: 'warning',
    description: 'CMD or ENTRYPOINT is in shell form, so the process does not get signals.',
    messages: {
      shellForm:
        '{{keyword}} in shell form runs under `/bin/sh -c`, which does not ' +
        'pass on signals such as SIGTERM: write it as a JSON array.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'A likely bug: in shell form the process is not PID 1 and does not get SIGTERM, so containers stop ' +
        'slowly and uncleanly.',
      rationale:
        'In shell form, `/bin/sh -c` is PID 1 and does not forward SIGTERM: ' +
        '`docker stop` waits ten seconds and kills the process. The exec (JSON) form runs the ' +
        'program directly. Same check as BuildKit `JSONArgsRecommended`. The fix rewrites simple ' +
        'commands (no variables, quotes or shell operators) as a JSON array; it is a suggestion ' +
        'because the program then runs without a shell.',
      incorrect: 'CMD node server.js',
      correct: 'CMD ["node", "server.js"]',
      peers: ['hadolint DL3025', 'BuildKit JSONArgsRecommended'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      // BuildKit: a SHELL instruction in the stage means shell form is deliberate.
      if (s.instructions.some((i) => i.keyword === 'SHELL')) continue;
      for (const ins of s.instructions) {
        if ((ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') || ins.json || ins.args.length === 0) continue;
        const raw = ctx.text.slice(ins.bodyStart, ins.end);
        const simple = !/[$`'"\\|&;<>(){}*?#~\n]/.test(raw);
        ctx.report({
          start: ins.bodyStart,
          end: ins.end,
          messageId: 'shellForm',
          data: { keyword: ins.keyword },
          fix: simple
            ? {
                title: 'Use the JSON (exec) form',
                safe: false,
                edits: [
                  {
                    start: ins.bodyStart,
                    end: ins.end,
                    newText: JSON.stringify(raw.trim().split(/\s+/)).replace(/","/g, '", "'),
                  },
                ],
              }
            : undefined,
        });
      }
    }
  },
});
