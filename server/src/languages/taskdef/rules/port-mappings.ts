import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, num, str, isTemplated, propNode } from '../json';
import { containers, networkMode } from '../ecs';

/** TD209: ports within 0–65535, unique port mapping names, no port mappings with networkMode none. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD209',
    id: 'port-mappings',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A port mapping with an impossible port, a duplicate name, or in a task without a network.',
    messages: {
      range: '{{key}} {{value}} is not a port number (0–65535).',
      duplicateName: 'Port mapping name "{{name}}" is used more than once in the task definition.',
      noneMode: 'Port mappings have no effect with "networkMode": "none" and are rejected.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register these port mappings.',
      rationale:
        'Ports are 16-bit numbers. Port mapping names are how Service Connect ' +
        'refers to a port, so they must be unique across the task definition. A task with ' +
        '`networkMode: none` has no network to map ports onto.',
      incorrect: fargateExample(
        {},
        {
          portMappings: [
            { name: 'http', containerPort: 80 },
            { name: 'http', containerPort: 8080 },
          ],
        },
      ),
      correct: fargateExample(
        {},
        {
          portMappings: [
            { name: 'http', containerPort: 80 },
            { name: 'admin', containerPort: 8080 },
          ],
        },
      ),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const seen = new Set<string>();
    const none = networkMode(td) === 'none';
    for (const c of containers(td)) {
      const pms = items(get(c.node, 'portMappings'));
      if (none && pms.length) {
        const p = propNode(c.node, 'portMappings')!;
        ctx.report({ start: p.offset, end: p.offset + p.length, messageId: 'noneMode' });
      }
      for (const pm of pms) {
        for (const key of ['containerPort', 'hostPort']) {
          const n = get(pm, key);
          const v = num(n);
          if (v !== undefined && (v < 0 || v > 65535))
            ctx.report({ start: n!.offset, end: n!.offset + n!.length, messageId: 'range', data: { key, value: v } });
        }
        const nameNode = get(pm, 'name');
        const name = str(nameNode);
        if (name === undefined || isTemplated(name)) continue;
        if (seen.has(name))
          ctx.report({
            start: nameNode!.offset,
            end: nameNode!.offset + nameNode!.length,
            messageId: 'duplicateName',
            data: { name },
          });
        seen.add(name);
      }
    }
  },
});
