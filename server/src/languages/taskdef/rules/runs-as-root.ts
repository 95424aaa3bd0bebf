import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get } from '../json';
import { containers, isWindows } from '../ecs';
import { parsesCleanly } from '../rule-kit';

/** TD305: the container runs as root (user unset, "root" or uid 0). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD305',
    id: 'runs-as-root',
    kinds: ['taskdef'],
    defaultSeverity: 'hint',
    description:
      "A Linux container sets no user, so it runs as the image's default user (an explicit root is TD405's).",
    messages: {
      unset: 'Container "{{name}}" sets no "user", so it runs as the image\'s default user, often root.',
    },
    fixable: false,
    docs: {
      severity:
        'Hardening practice: many images run as root by design. ' +
        'A hint, not an info: most real task definitions lack it (all 14 aws-samples ones we checked), and ' +
        'with TD303–TD306 as infos every container got four findings that buried the ones ' +
        'that matter. `TD305: info` in `.shipshape.yaml` shows it in the Problems list.',
      rationale:
        'A process running as root inside the container is one kernel bug away ' +
        'from root on the host (on EC2) and can change everything in the container. Set `user` to ' +
        "an unprivileged uid, or make sure the image's USER is not root. Windows containers do not " +
        'support `user`.',
      incorrect: fargateExample({}),
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
      // An explicit root user is TD405's (root-user, in the security group): one finding per place, not two.
      if (!n) {
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
