import { defineRule } from '../../../engine/define';
import { labelPairs, labelSchema } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3051',
    id: 'label-schema-empty',
    defaultSeverity: 'warning',
    description: 'A label the label schema requires is empty.',
    messages: { empty: 'Label `{{label}}` is empty: `label-schema` in `.hadolint.yaml` requires a value.' },
    fixable: false,
    docs: {
      severity: 'A likely bug: a label your team requires (label-schema) is empty.',
      rationale:
        'A label of the `label-schema` in `.hadolint.yaml` is there to be read; an empty value usually means a ' +
        'build argument that was not passed.',
      incorrect: 'LABEL owner=""',
      correct: 'LABEL owner="infra@example.com"',
      peers: ['hadolint DL3051'],
      files: { '.hadolint.yaml': 'label-schema:\n  owner: email\n' },
    },
  },
  check(ctx) {
    const schema = labelSchema(ctx);
    if (!Object.keys(schema).length) return;
    for (const p of labelPairs(ctx))
      if (p.key in schema && p.value === '')
        ctx.report({
          start: p.prop.nameStart,
          end: p.prop.valueEnd ?? p.prop.nameEnd,
          messageId: 'empty',
          data: { label: p.key },
        });
  },
});
