import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, insertProp, items, propNode, str } from '../json';
import { containers, isEssential } from '../ecs';
import { cite, strings } from '../limits';

const EXIT_CONDITIONS = strings('dependency-on-essential');

/** TD124: a COMPLETE/SUCCESS dependency waits for a container to exit, which an essential container must not do. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD124',
    id: 'dependency-on-essential-exit',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'dependsOn waits for an essential container to exit (COMPLETE or SUCCESS).',
    messages: {
      essential:
        '"{{name}}" waits for "{{target}}" to exit ({{condition}}), but "{{target}}" is essential: its exit ' +
        'stops the task. Mark it "essential": false.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'ECS refuses the registration (RegisterTaskDefinition fails), so the deploy fails; the limit is in the data file `taskdef/data/limits.json` with its source.',
      rationale:
        'COMPLETE and SUCCESS start a container after another one has exited, the way a migration or setup ' +
        'step runs first. An essential container that exits stops the whole task, so ECS refuses these ' +
        'conditions on one; the suggestion marks the awaited container non-essential. ' +
        cite('dependency-on-essential'),
      incorrect: fargateExample({}, { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }, [
        { name: 'migrate', image: 'app-migrate:1.0', essential: true },
      ]),
      correct: fargateExample({}, { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }, [
        { name: 'migrate', image: 'app-migrate:1.0', essential: false },
      ]),
    },
  },
  check(ctx) {
    const list = containers(ctx.model.taskDef);
    for (const c of list) {
      for (const d of items(get(c.node, 'dependsOn'))) {
        const condition = str(get(d, 'condition'));
        const targetNode = get(d, 'containerName');
        const target = list.find((x) => x.name !== undefined && x.name === str(targetNode));
        if (!condition || !EXIT_CONDITIONS.includes(condition) || !target || !isEssential(target.node)) continue;
        const flag = propNode(target.node, 'essential');
        const edit = flag
          ? { start: flag.children![1].offset, end: flag.offset + flag.length, newText: 'false' }
          : insertProp(ctx.text, target.node, 'essential', 'false');
        const suggestions = [{ title: `Mark "${target.name}" non-essential`, edits: [edit], safe: false }];
        ctx.report({
          start: targetNode!.offset,
          end: targetNode!.offset + targetNode!.length,
          messageId: 'essential',
          data: { name: c.name ?? '?', target: target.name!, condition },
          suggestions,
        });
      }
    }
  },
});
