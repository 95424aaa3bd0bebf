import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { containers, isWindows } from '../ecs';
import { fargateExample } from '../examples';
import { get, isTemplated, str } from '../json';
import { parsesCleanly } from '../rule-kit';

/** TD405: `user` set to root (or uid 0) on purpose. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD405',
    id: 'taskdef-root-user',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 6.0 },
    description: 'A container is told to run as root ("user": "root" or "0").',
    messages: {
      root:
        'Container "{{name}}" is set to run as root ("user": "{{user}}"), overriding the USER of its image; use ' +
        'an unprivileged uid.',
    },
    fixable: false,
    docs: {
      rationale:
        'Setting `user` to `root` or `0` overrides an image that was built to run unprivileged: the process can ' +
        'then change every file of the container and use every capability the task grants. Give the process the ' +
        'folders it writes to (a volume, or `chown` in the image) and run it as that uid. (TD305, at info, also ' +
        'notes containers that set no `user` at all.)',
      attack:
        'Code execution in the container runs as root: it rewrites the application and its tools, reads every ' +
        'mounted secret, and is one kernel or runtime bug away from the container instance.',
      incorrect: fargateExample({}, { user: '0' }),
      correct: fargateExample({}, { user: '1000:1000' }),
      peers: ['checkov CKV_DOCKER_8, trivy DS002 (the same on the Dockerfile side)'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (isWindows(td)) return;
    for (const c of containers(td)) {
      const n = get(c.node, 'user');
      const user = str(n);
      if (!n || user === undefined || isTemplated(user) || !/^(root|0)(:.*)?$/.test(user)) continue;
      ctx.report({ start: n.offset, end: n.offset + n.length, messageId: 'root', data: { name: c.name ?? '?', user } });
    }
  },
});
