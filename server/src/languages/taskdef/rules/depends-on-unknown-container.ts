import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, str, isTemplated } from '../json';
import { containers } from '../ecs';

/** TD205: dependsOn names a container of this task definition (and not itself). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD205',
    id: 'depends-on-unknown-container',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'dependsOn names a container that is not in the task definition, or the container itself.',
    messages: {
      unknown: 'Container "{{name}}" depends on "{{target}}", which is not a container of this task definition.',
      self: 'Container "{{name}}" depends on itself.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a dependency on a container that does not exist.',
      rationale:
        'Startup order can only refer to containers of the same task; ECS ' +
        'rejects a dependency on a missing container or a cycle.',
      incorrect: fargateExample({}, { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }, [
        { name: 'migrations', image: 'app-migrate:1.0', essential: false },
      ]),
      correct: fargateExample({}, { dependsOn: [{ containerName: 'migrations', condition: 'SUCCESS' }] }, [
        { name: 'migrations', image: 'app-migrate:1.0', essential: false },
      ]),
    },
  },
  check(ctx) {
    const list = containers(ctx.model.taskDef);
    const names = new Set(list.map((c) => c.name).filter(Boolean));
    for (const c of list) {
      for (const d of items(get(c.node, 'dependsOn'))) {
        const t = get(d, 'containerName');
        const target = str(t);
        if (!t || target === undefined || isTemplated(target)) continue;
        const name = c.name ?? '?';
        if (target === c.name)
          ctx.report({ start: t.offset, end: t.offset + t.length, messageId: 'self', data: { name } });
        else if (!names.has(target))
          ctx.report({ start: t.offset, end: t.offset + t.length, messageId: 'unknown', data: { name, target } });
      }
    }
  },
});
