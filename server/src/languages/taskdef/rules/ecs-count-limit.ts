import type { Node } from 'jsonc-parser';
import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, propNode, str } from '../json';
import { containers } from '../ecs';
import { cite, fact } from '../limits';

const COUNTS = [
  'containers-per-task',
  'placement-constraints-per-task',
  'environment-files-per-container',
  'credential-specs-per-container',
  'ignored-exit-codes',
  'port-ranges-per-container',
];

/** TD122: lists ECS caps (containers, placement constraints, environment files, credential specs, exit codes, ranges). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD122',
    id: 'ecs-count-limit',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A list longer than ECS allows, though the API model sets no maximum.',
    messages: {
      tooMany: '{{what}}: {{count}}, but ECS allows at most {{max}}.',
    },
    fixable: false,
    docs: {
      severity:
        'ECS refuses the registration (RegisterTaskDefinition fails), so the deploy fails; the limit is in the data file `taskdef/data/limits.json` with its source.',
      rationale:
        'ECS refuses the registration of a task definition with more than 10 containers (a quota that cannot be ' +
        'raised) or 10 placement constraints, a container with more than 10 environment files, more than one ' +
        'credential spec, more than 100 port ranges, or a restart policy that ignores more than 50 exit codes. ' +
        cite(...COUNTS),
      incorrect: fargateExample({}, { environmentFiles: envFiles(11) }),
      correct: fargateExample({}, { environmentFiles: envFiles(2) }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td) return;
    const check = (n: Node | undefined, at: Node | undefined, id: string, what: string) => {
      const count = items(n).length;
      const max = fact(id).max!;
      if (!at || count <= max) return;
      ctx.report({ start: at.offset, end: at.offset + at.length, messageId: 'tooMany', data: { what, count, max } });
    };
    const keyOf = (obj: Node, key: string) => propNode(obj, key)?.children?.[0];
    check(get(td, 'containerDefinitions'), keyOf(td, 'containerDefinitions'), 'containers-per-task', 'Containers');
    check(
      get(td, 'placementConstraints'),
      keyOf(td, 'placementConstraints'),
      'placement-constraints-per-task',
      'Placement constraints',
    );
    for (const c of containers(td)) {
      const name = c.name ?? '?';
      check(
        get(c.node, 'environmentFiles'),
        keyOf(c.node, 'environmentFiles'),
        'environment-files-per-container',
        `Environment files of "${name}"`,
      );
      check(
        get(c.node, 'credentialSpecs'),
        keyOf(c.node, 'credentialSpecs'),
        'credential-specs-per-container',
        `Credential specs of "${name}"`,
      );
      const policy = get(c.node, 'restartPolicy');
      if (policy)
        check(
          get(policy, 'ignoredExitCodes'),
          keyOf(policy, 'ignoredExitCodes'),
          'ignored-exit-codes',
          `Exit codes "${name}" ignores`,
        );
      const mappings = get(c.node, 'portMappings');
      const ranges = items(mappings).filter((pm) => str(get(pm, 'containerPortRange')) !== undefined);
      if (ranges.length > fact('port-ranges-per-container').max!)
        check(
          { ...mappings!, children: ranges } as Node,
          keyOf(c.node, 'portMappings'),
          'port-ranges-per-container',
          `Port ranges of "${name}"`,
        );
    }
  },
});

function envFiles(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    value: `arn:aws:s3:::my-config/web/${i + 1}.env`,
    type: 's3',
  }));
}
