import { defineRule } from '../../../engine/define';
import { checkLabelType } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3053',
    id: 'label-not-rfc3339',
    defaultSeverity: 'warning',
    description: 'A label the schema types as rfc3339 does not hold an RFC 3339 time.',
    messages: {
      type:
        'Label `{{label}}` should hold an RFC 3339 time (`label-schema` says rfc3339): `{{value}}` is not ' + 'one.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: a label your team requires (label-schema) does not hold the kind of value it should.',
      rationale:
        'With a `label-schema` in `.hadolint.yaml` that gives a label the type rfc3339, its value must be ' +
        'an RFC 3339 time: `2024-06-01T08:15:30Z` (an offset such as `-04:00` and fractional seconds are ' +
        'allowed). Tools that read the label (registries, scanners, release automation) rely on the type. ' +
        'An empty value is DL3051; a value from a variable is decided at build time and not judged.',
      incorrect: 'LABEL built="yesterday"',
      correct: 'LABEL built="2024-06-01T08:15:30Z"',
      peers: ['hadolint DL3053'],
      files: { '.hadolint.yaml': 'label-schema:\n  built: rfc3339\n' },
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'rfc3339');
  },
});
