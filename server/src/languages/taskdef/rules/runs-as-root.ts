import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str, isTemplated } from '../json';
import { containers, isWindows } from '../ecs';
import { parsesCleanly } from '../rule-kit';

/** TD305: the container runs as root (user unset, "root" or uid 0). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD305',
    id: 'runs-as-root',
    kinds: ['taskdef'],
    defaultSeverity: 'info',
    description: "A Linux container runs as root, or as the image's default user.",
    messages: {
      root: 'Container "{{name}}" runs as root ("user": "{{user}}"); use an unprivileged user.',
      unset: 'Container "{{name}}" sets no "user", so it runs as the image\'s default user, often root.',
    },
    fixable: false,
    docs: {
      severity: 'Hardening practice: many images run as root by design.',
      rationale:
        'A process running as root inside the container is one kernel bug away ' +
        'from root on the host (on EC2) and can change everything in the container. Set `user` to ' +
        "an unprivileged uid, or make sure the image's USER is not root. Windows containers do not " +
        'support `user`.',
      incorrect: fargateExample({}, { user: 'root' }),
      correct: fargateExample({}, { user: '101:101' }),
      peers: ['hadolint DL3002', 'AWS Security Hub ECS.? (host mode)'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (isWindows(td)) return;
    for (const c of containers(td)) {
      const n = get(c.node, 'user');
      const user = str(n);
      if (n && user !== undefined) {
        if (isTemplated(user) || !/^(root|0)(:.*)?$/.test(user)) continue;
        ctx.report({
          start: n.offset,
          end: n.offset + n.length,
          messageId: 'root',
          data: { name: c.name ?? '?', user },
        });
      } else if (!n) {
        const at = c.nameNode ?? c.node;
        ctx.report({
          start: at.offset,
          end: c.nameNode ? at.offset + at.length : at.offset + 1,
          messageId: 'unset',
          data: { name: c.name ?? '?' },
        });
      }
    }
  },
});
