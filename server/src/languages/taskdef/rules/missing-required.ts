import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { visitsOf } from '../walk';
import { get } from '../json';

/** Required by the service although the model leaves them optional. */
const EXTRA_REQUIRED: Record<string, string[]> = { ContainerDefinition: ['name', 'image'], PortMapping: [] };

/** TD004: a required field is missing (family, containerDefinitions, a container's name or image, ...). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD004',
    id: 'missing-required',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A field that the ECS API requires is missing.',
    messages: { missing: '{{where}} is missing the required "{{key}}".' },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register without a required field.',
      rationale:
        'RegisterTaskDefinition rejects a task definition without `family` or ' +
        '`containerDefinitions`, a container without `name` or `image`, a secret without ' +
        '`valueFrom`, a log configuration without `logDriver`, and so on.',
      incorrect: fargateExample({}, { image: undefined }),
      correct: fargateExample(),
      peers: ['AWS Toolkit task definition schema', 'cfn-lint E3003'],
    },
  },
  check(ctx) {
    for (const v of visitsOf(ctx)) {
      if (v.shape.type !== 'structure' || v.node.type !== 'object') continue;
      // (the place is named, and the lists joined, only when a member is missing: most objects have them all)
      const missing = (v.shape.required ?? []).filter((key) => get(v.node, key) === undefined);
      for (const key of EXTRA_REQUIRED[v.shapeName] ?? []) if (get(v.node, key) === undefined) missing.push(key);
      if (!missing.length) continue;
      const where = v.path.length === 0 ? 'The task definition' : v.path.join('.').replace(/\.\[/g, '[');
      // Underline the key that holds the object, or the opening brace of an array item.
      const anchor = v.prop ? v.prop.children![0] : undefined;
      const start = anchor ? anchor.offset : v.node.offset;
      const end = anchor ? anchor.offset + anchor.length : v.node.offset + 1;
      for (const key of missing) ctx.report({ start, end, messageId: 'missing', data: { where, key } });
    }
  },
});
