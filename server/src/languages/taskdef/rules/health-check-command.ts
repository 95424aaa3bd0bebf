import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, str } from '../json';
import { containers } from '../ecs';

/** TD207: healthCheck.command is ["CMD", ...] or ["CMD-SHELL", "..."]. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD207',
    id: 'health-check-command',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'healthCheck.command does not start with CMD or CMD-SHELL.',
    messages: {
      badStart: 'healthCheck.command must start with "CMD" or "CMD-SHELL", not "{{first}}".',
      empty: 'healthCheck.command needs "CMD" or "CMD-SHELL" followed by the command.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'The deployment fails: the health check never passes and ECS replaces the task again and again.',
      rationale:
        'ECS passes the list to Docker as is: the first item says how to run ' +
        'the rest (`CMD` runs the arguments directly, `CMD-SHELL` runs one string with the ' +
        "container's shell). Without it the health check never runs properly and the container is " +
        'marked unhealthy.',
      incorrect: fargateExample({}, { healthCheck: { command: ['curl -f http://localhost/ || exit 1'] } }),
      correct: fargateExample({}, { healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } }),
    },
  },
  check(ctx) {
    for (const c of containers(ctx.model.taskDef)) {
      const cmd = get(get(c.node, 'healthCheck'), 'command');
      if (cmd?.type !== 'array') continue;
      const parts = items(cmd);
      const first = str(parts[0]);
      if (!parts.length) {
        ctx.report({ start: cmd.offset, end: cmd.offset + cmd.length, messageId: 'empty' });
        continue;
      }
      if (first === undefined || first === 'CMD' || first === 'CMD-SHELL' || first === 'NONE') continue;
      ctx.report({
        start: parts[0].offset,
        end: parts[0].offset + parts[0].length,
        messageId: 'badStart',
        data: { first },
        fix: {
          title: 'Run it with the shell ("CMD-SHELL")',
          edits: [
            { start: parts[0].offset, end: parts[0].offset, newText: parts.length === 1 ? '"CMD-SHELL", ' : '"CMD", ' },
          ],
          safe: false,
        },
      });
    }
  },
});
