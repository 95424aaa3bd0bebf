import type { Node } from 'jsonc-parser';
import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, isTemplated, items, num, propNode, str } from '../json';
import { containers, isFargate, networkMode } from '../ecs';
import { cite, fact } from '../limits';

const FORM = fact('port-range-form');

interface Mapping {
  node: Node;
  /** First and last port (equal for a single containerPort). */
  from: number;
  to: number;
  protocol: string;
  at: Node;
}

/** TD121: one port per mapping and protocol in a container; containerPortRange written as ECS accepts it. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD121',
    id: 'port-mapping-conflict',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A container maps one port twice, for two protocols, or in a containerPortRange ECS refuses.',
    messages: {
      twoProtocols: 'Port {{port}} of "{{name}}" is mapped for both {{first}} and {{second}}; ECS allows one protocol.',
      twice: 'Port {{port}} of "{{name}}" is already in another port mapping of this container.',
      rangeForm: 'containerPortRange "{{value}}" is not `first-last` with {{min}} <= first < last <= {{max}}.',
      rangeMode: 'containerPortRange needs the bridge or awsvpc network mode, not "{{mode}}".',
      rangeHostPort: 'A mapping with a containerPortRange takes no hostPort: ECS chooses the host ports.',
    },
    fixable: false,
    docs: {
      severity:
        'ECS refuses the registration (RegisterTaskDefinition fails), so the deploy fails; the limit is in the data file `taskdef/data/limits.json` with its source.',
      rationale:
        'A container port appears in one port mapping only, for one protocol: ECS refuses a task definition ' +
        'that maps 8080 twice, maps it for both tcp and udp, or has overlapping port ranges. A ' +
        '`containerPortRange` is `first-last` (1–65535, first below last), needs the bridge or awsvpc network ' +
        'mode, and its mapping has no `hostPort`. ' +
        cite('port-one-protocol', 'port-range-form'),
      incorrect: fargateExample({}, { portMappings: [{ containerPort: 80 }, { containerPort: 80, protocol: 'udp' }] }),
      correct: fargateExample({}, { portMappings: [{ containerPort: 80 }, { containerPort: 443 }] }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td) return;
    const mode = networkMode(td) ?? (isFargate(td) ? 'awsvpc' : 'bridge');
    for (const c of containers(td)) {
      const name = c.name ?? '?';
      const seen: Mapping[] = [];
      for (const pm of items(get(c.node, 'portMappings'))) {
        const protocol = str(get(pm, 'protocol')) ?? 'tcp';
        if (isTemplated(protocol)) continue;
        let m: Mapping | undefined;
        const portNode = get(pm, 'containerPort');
        const port = num(portNode);
        const rangeNode = get(pm, 'containerPortRange');
        const range = str(rangeNode);
        if (port !== undefined) m = { node: pm, from: port, to: port, protocol, at: portNode! };
        else if (range !== undefined && !isTemplated(range)) {
          const r = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(range);
          const [a, b] = r ? [Number(r[1]), Number(r[2])] : [Number.NaN, Number.NaN];
          if (!r || a < FORM.min! || b > FORM.max! || a >= b) {
            ctx.report({
              start: rangeNode!.offset,
              end: rangeNode!.offset + rangeNode!.length,
              messageId: 'rangeForm',
              data: { value: range, min: FORM.min!, max: FORM.max! },
            });
            continue;
          }
          if (!FORM.modes!.includes(mode))
            ctx.report({
              start: rangeNode!.offset,
              end: rangeNode!.offset + rangeNode!.length,
              messageId: 'rangeMode',
              data: { mode },
            });
          const host = propNode(pm, 'hostPort');
          if (host) ctx.report({ start: host.offset, end: host.offset + host.length, messageId: 'rangeHostPort' });
          m = { node: pm, from: a, to: b, protocol, at: rangeNode! };
        }
        if (!m) continue;
        const clash = seen.find((s) => s.from <= m.to && m.from <= s.to);
        if (clash) {
          const port = Math.max(clash.from, m.from);
          const data = { port, name, first: clash.protocol, second: m.protocol };
          const messageId = clash.protocol !== m.protocol ? 'twoProtocols' : 'twice';
          ctx.report({ start: m.at.offset, end: m.at.offset + m.at.length, messageId, data });
        }
        seen.push(m);
      }
    }
  },
});
