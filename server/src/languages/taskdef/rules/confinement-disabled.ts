import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { containers } from '../ecs';
import { ec2Example } from '../examples';
import { get, items, str } from '../json';
import { parsesCleanly } from '../rule-kit';

const OFF: [RegExp, string][] = [
  [/^apparmor[:=]unconfined$/i, 'the AppArmor profile'],
  [/^label[:=]disable$/i, 'SELinux labelling'],
  [/^seccomp[:=]unconfined$/i, 'the seccomp filter'],
];

/** TD406: dockerSecurityOptions that remove confinement. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD406',
    id: 'taskdef-confinement-disabled',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 6.8 },
    description: '`dockerSecurityOptions` turns off AppArmor, SELinux or seccomp for a container.',
    messages: { off: 'Container "{{name}}" turns off {{what}} with "{{value}}".' },
    fixable: false,
    docs: {
      rationale:
        'On EC2 instances Docker confines containers with an AppArmor or SELinux profile and a seccomp filter. ' +
        '`apparmor:unconfined`, `label:disable` and `seccomp:unconfined` remove one layer each, usually to make ' +
        'one blocked operation work; write a profile that allows that operation instead.',
      attack:
        'An exploit in the container can use the kernel interfaces the profile was blocking, which is where most ' +
        'container escapes start.',
      incorrect: ec2Example({}, { dockerSecurityOptions: ['apparmor:unconfined'] }),
      correct: ec2Example({}, { dockerSecurityOptions: ['no-new-privileges'] }),
      peers: ['no checkov, trivy or KICS check'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    for (const c of containers(ctx.model.taskDef))
      for (const n of items(get(c.node, 'dockerSecurityOptions'))) {
        const value = str(n) ?? '';
        const off = OFF.find(([re]) => re.test(value.trim()));
        if (off)
          ctx.report({
            start: n.offset,
            end: n.offset + n.length,
            messageId: 'off',
            data: { name: c.name ?? '?', what: off[1], value },
          });
      }
  },
});
