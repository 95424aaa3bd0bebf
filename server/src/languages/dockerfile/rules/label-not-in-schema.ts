import { defineRule } from '../../../engine/define';
import { hadolintConfig } from '../hadolint-config';
import { labelPairs, labelSchema } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3050',
    id: 'label-not-in-schema',
    defaultSeverity: 'info',
    description: 'A label outside the label schema, with strict labels on.',
    messages: {
      superfluous: 'Label `{{label}}` is not in the `label-schema` of `.hadolint.yaml`, and `strict-labels` is on.',
    },
    fixable: false,
    docs: {
      severity: 'Practice your team asked for (strict-labels): the image builds with the extra label.',
      rationale:
        'With `strict-labels: true` in `.hadolint.yaml`, an image carries only the labels of its `label-schema` ' +
        '(with no schema, no label at all), so the labels stay the documented set.',
      incorrect: 'LABEL owner="infra@example.com" team="infra"',
      correct: 'LABEL owner="infra@example.com"',
      peers: ['hadolint DL3050'],
      files: { '.hadolint.yaml': 'label-schema:\n  owner: email\nstrict-labels: true\n' },
    },
  },
  check(ctx) {
    if (!hadolintConfig(ctx)?.strictLabels) return;
    const schema = labelSchema(ctx);
    for (const p of labelPairs(ctx))
      if (!(p.key in schema))
        ctx.report({ start: p.prop.nameStart, end: p.prop.nameEnd, messageId: 'superfluous', data: { label: p.key } });
  },
});
