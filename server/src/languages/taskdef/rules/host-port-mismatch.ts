import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, num, replaceNode } from '../json';
import { isFargate, containers, networkMode } from '../ecs';

/** TD106: in awsvpc and host mode (and so on Fargate) hostPort is absent or equal to containerPort. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD106',
    id: 'host-port-mismatch',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'With the awsvpc or host network mode, hostPort must be left out or equal containerPort.',
    messages: {
      mismatch:
        'With networkMode "{{mode}}", hostPort {{hostPort}} must equal ' +
        'containerPort {{containerPort}} (or be left out).',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS refuses to register a hostPort that differs from containerPort in these network modes.',
      rationale:
        'In awsvpc mode the task has its own network interface and in host ' +
        "mode it uses the host's, so there is no port translation: ECS rejects a hostPort that " +
        'differs from containerPort. Only the bridge mode maps ports (and a hostPort of 0 there ' +
        'means "dynamic").',
      incorrect: fargateExample({}, { portMappings: [{ containerPort: 3000, hostPort: 80 }] }),
      correct: fargateExample({}, { portMappings: [{ containerPort: 3000 }] }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const mode = networkMode(td) ?? (isFargate(td) ? 'awsvpc' : undefined);
    if (mode !== 'awsvpc' && mode !== 'host') return;
    for (const c of containers(td)) {
      for (const pm of items(get(c.node, 'portMappings'))) {
        const cp = num(get(pm, 'containerPort'));
        const hpNode = get(pm, 'hostPort');
        const hp = num(hpNode);
        if (cp === undefined || hp === undefined || hp === cp) continue;
        ctx.report({
          start: hpNode!.offset,
          end: hpNode!.offset + hpNode!.length,
          messageId: 'mismatch',
          data: { mode, hostPort: hp, containerPort: cp },
          fix: { title: `Set hostPort to ${cp}`, edits: [replaceNode(hpNode!, String(cp))], safe: false },
        });
      }
    }
  },
});
