import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, num, str } from '../json';
import { containers, isFargate } from '../ecs';
import { cite, fact } from '../limits';

/** TD222: ulimits whose soft limit exceeds the hard one, and Fargate's ceiling for nofile. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD222',
    id: 'ulimit-limits',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: 'A ulimit whose softLimit exceeds its hardLimit, or a nofile limit above what Fargate allows.',
    messages: {
      softAboveHard: 'ulimit {{name}}: softLimit {{soft}} is above hardLimit {{hard}}; the container will not start.',
      fargateNofile: 'ulimit nofile: {{key}} {{value}} is above {{max}}, the most Fargate allows.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'ECS registers the task definition, but the task fails to start or the setting is ignored when it runs: a likely bug, not a refusal of the file; the limit is in `taskdef/data/limits.json` with its source.',
      rationale:
        'Docker refuses to start a container whose soft limit is above the hard one, and Fargate raises ' +
        '`nofile` to 1048576 at most (its default is 65535 for both). The registration succeeds; the task ' +
        'fails when it starts, hence a warning. ' +
        cite('ulimit-soft-hard', 'fargate-nofile'),
      incorrect: fargateExample({}, { ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 4096 }] }),
      correct: fargateExample({}, { ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 65535 }] }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const fargate = isFargate(td);
    const max = fact('fargate-nofile').max!;
    for (const c of containers(td)) {
      for (const u of items(get(c.node, 'ulimits'))) {
        const name = str(get(u, 'name')) ?? '?';
        const softNode = get(u, 'softLimit');
        const hardNode = get(u, 'hardLimit');
        const soft = num(softNode);
        const hard = num(hardNode);
        if (soft !== undefined && hard !== undefined && soft > hard)
          ctx.report({
            start: softNode!.offset,
            end: softNode!.offset + softNode!.length,
            messageId: 'softAboveHard',
            data: { name, soft, hard },
            suggestions: [
              {
                title: `Set softLimit to ${hard}`,
                edits: [{ start: softNode!.offset, end: softNode!.offset + softNode!.length, newText: String(hard) }],
                safe: false,
              },
            ],
          });
        if (!fargate || name !== 'nofile') continue;
        for (const [key, n, v] of [
          ['softLimit', softNode, soft],
          ['hardLimit', hardNode, hard],
        ] as const)
          if (n && v !== undefined && v > max)
            ctx.report({
              start: n.offset,
              end: n.offset + n.length,
              messageId: 'fargateNofile',
              data: { key, value: v, max },
              suggestions: [
                {
                  title: `Use ${max}`,
                  edits: [{ start: n.offset, end: n.offset + n.length, newText: String(max) }],
                  safe: false,
                },
              ],
            });
      }
    }
  },
});
