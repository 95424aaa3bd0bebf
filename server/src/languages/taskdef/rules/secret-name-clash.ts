import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, isTemplated, items, str } from '../json';
import { containers } from '../ecs';
import { cite } from '../limits';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password';

/** TD225: one variable name given twice in a container's secrets, or both as a secret and as an environment value. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD225',
    id: 'secret-name-clash',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: "A container's secret has the name of another secret or of one of its environment variables.",
    messages: {
      twice: 'Secret "{{name}}" is defined twice in "{{container}}"; the container gets only one of the values.',
      environment:
        '"{{name}}" is both a secret and an environment variable of "{{container}}"; the container gets only ' +
        'one of the values.',
    },
    fixable: false,
    docs: {
      severity:
        'ECS registers the task definition, but the task fails to start or the setting is ignored when it runs: a likely bug, not a refusal of the file; the limit is in `taskdef/data/limits.json` with its source.',
      rationale:
        'Secrets and environment variables end up in one environment, where a name holds one value. A secret ' +
        'that repeats a name, or shadows (or is shadowed by) a plain `environment` entry, is usually a leftover ' +
        'from moving a value into Secrets Manager: one of the two is dead, and it may be the secret. ' +
        cite('secret-names'),
      incorrect: fargateExample(
        {},
        {
          environment: [{ name: 'DB_PASSWORD', value: 'changeme' }],
          secrets: [{ name: 'DB_PASSWORD', valueFrom: ARN }],
        },
      ),
      correct: fargateExample({}, { secrets: [{ name: 'DB_PASSWORD', valueFrom: ARN }] }),
    },
  },
  check(ctx) {
    for (const c of containers(ctx.model.taskDef)) {
      const env = new Set(
        items(get(c.node, 'environment'))
          .map((e) => str(get(e, 'name')))
          .filter((n) => n !== undefined),
      );
      const seen = new Set<string>();
      for (const s of items(get(c.node, 'secrets'))) {
        const n = get(s, 'name');
        const name = str(n);
        if (!n || name === undefined || isTemplated(name)) continue;
        const data = { name, container: c.name ?? '?' };
        if (seen.has(name)) ctx.report({ start: n.offset, end: n.offset + n.length, messageId: 'twice', data });
        else if (env.has(name))
          ctx.report({ start: n.offset, end: n.offset + n.length, messageId: 'environment', data });
        seen.add(name);
      }
    }
  },
});
