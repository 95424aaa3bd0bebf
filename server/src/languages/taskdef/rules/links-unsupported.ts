import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, propNode } from '../json';
import { isFargate, containers, networkMode, isWindows } from '../ecs';

/** TD105: container links work only in bridge mode on Linux (never on Fargate). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD105',
    id: 'links-unsupported',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'Container links are only supported in the bridge network mode on Linux.',
    messages: {
      links: '"links" are not supported {{why}}; containers of an awsvpc task reach each other on localhost.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register links outside the bridge network mode.',
      rationale:
        '`links` is a legacy Docker feature for the bridge network. ECS ' +
        'rejects it on Fargate, with the awsvpc and host network modes, and on Windows. In awsvpc ' +
        'mode the containers of a task share one network namespace and talk over `localhost`.',
      incorrect: fargateExample({}, { links: ['db'] }, [{ name: 'db', image: 'postgres:16', essential: false }]),
      correct: fargateExample({}, { environment: [{ name: 'DB_HOST', value: 'localhost' }] }, [
        { name: 'db', image: 'postgres:16', essential: false },
      ]),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const mode = networkMode(td);
    const why = isFargate(td)
      ? 'on Fargate'
      : mode && mode !== 'bridge'
        ? `with networkMode "${mode}"`
        : isWindows(td)
          ? 'on Windows'
          : undefined;
    if (!why) return;
    for (const c of containers(td)) {
      const links = get(c.node, 'links');
      if (!links || (links.type === 'array' && !links.children?.length)) continue;
      const p = propNode(c.node, 'links')!;
      ctx.report({ start: p.offset, end: p.offset + p.length, messageId: 'links', data: { why } });
    }
  },
});
