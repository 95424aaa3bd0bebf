import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, insertProp, replaceNode } from '../json';
import { containers, isWindows } from '../ecs';
import { parsesCleanly } from '../rule-kit';

/** TD304: readonlyRootFilesystem not set on a Linux container. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD304',
    id: 'readonly-root-filesystem',
    kinds: ['taskdef'],
    defaultSeverity: 'hint',
    description: 'A Linux container does not set readonlyRootFilesystem.',
    messages: {
      notSet:
        'Container "{{name}}" can write to its root filesystem; set ' +
        '"readonlyRootFilesystem": true and mount volumes where it must write.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'Hardening practice: the container runs either way. ' +
        'A hint, not an info: most real task definitions lack it (all 14 aws-samples ones we checked), and ' +
        'with TD303–TD306 as infos every container got four findings that buried the ones ' +
        'that matter. `TD304: info` in `.shipshape.yaml` shows it in the Problems list.',
      rationale:
        'A read-only root filesystem stops an attacker (or a bug) from ' +
        "changing the container's binaries and configuration. Writable places can be given back " +
        'with volumes. Not supported on Windows containers.',
      incorrect: fargateExample(),
      correct: fargateExample({}, { readonlyRootFilesystem: true }),
      peers: ['checkov CKV_AWS_336 (Terraform)', 'AWS Security Hub ECS.5'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (isWindows(td)) return;
    for (const c of containers(td)) {
      if (get(c.node, 'readonlyRootFilesystem')?.value === true) continue;
      const explicit = get(c.node, 'readonlyRootFilesystem');
      const at = explicit ?? c.nameNode ?? c.node;
      const edit = explicit
        ? replaceNode(explicit, 'true')
        : insertProp(ctx.text, c.node, 'readonlyRootFilesystem', 'true');
      ctx.report({
        start: at.offset,
        end: explicit || c.nameNode ? at.offset + at.length : at.offset + 1,
        messageId: 'notSet',
        data: { name: c.name ?? '?' },
        fix: { title: 'Set "readonlyRootFilesystem": true', edits: [edit], safe: false },
      });
    }
  },
});
