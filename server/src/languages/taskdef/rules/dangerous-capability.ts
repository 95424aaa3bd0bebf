import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { DANGEROUS_CAPABILITIES, dangerousCapability } from '../../../text/container-security';
import { containers, isFargate } from '../ecs';
import { ec2Example } from '../examples';
import { get, items, str } from '../json';
import { parsesCleanly } from '../rule-kit';

/** TD403: linuxParameters.capabilities.add with a capability that reaches past the container. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD403',
    id: 'taskdef-dangerous-capability',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 7.8 },
    description: 'A container adds a Linux capability that reaches past the container (ALL, SYS_ADMIN, NET_ADMIN, …).',
    messages: { cap: 'Container "{{name}}" adds {{cap}}: {{what}}.' },
    fixable: false,
    docs: {
      rationale:
        "Docker's default capability set is already what ordinary programs need. `ALL` and `SYS_ADMIN` are as " +
        'good as privileged; `SYS_MODULE`, `SYS_RAWIO`, `SYS_PTRACE`, `DAC_READ_SEARCH`, `BPF` and `NET_ADMIN` ' +
        'each have known ways out of the container or into its neighbours on the instance. Add only what the ' +
        'program needs and drop the rest (`capabilities.drop: ["ALL"]`). On Fargate only SYS_PTRACE can be added ' +
        '(others: TD107), and it is not reported there.',
      attack:
        'Code execution in the container uses the capability to escape to the container instance (mount its ' +
        "disk, load a module, read its files) or to take over the instance's network.",
      incorrect: ec2Example({}, { linuxParameters: { capabilities: { add: ['SYS_ADMIN'] } } }),
      correct: ec2Example({}, { linuxParameters: { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } }),
      peers: ['checkov CKV_AWS_334 looks at privileged only', 'no trivy or KICS check for ECS capabilities'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (isFargate(td)) return;
    for (const c of containers(td))
      for (const n of items(get(get(get(c.node, 'linuxParameters'), 'capabilities'), 'add'))) {
        const cap = dangerousCapability(str(n) ?? '');
        if (cap)
          ctx.report({
            start: n.offset,
            end: n.offset + n.length,
            messageId: 'cap',
            data: { name: c.name ?? '?', cap, what: DANGEROUS_CAPABILITIES[cap] },
          });
      }
  },
});
