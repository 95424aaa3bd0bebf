import { defineRule } from '../../../engine/define';
import { checkLabelType } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3058',
    id: 'label-not-email',
    defaultSeverity: 'warning',
    description: 'A label the schema types as email does not hold an email address.',
    messages: {
      type: 'Label `{{label}}` should hold an email address (`label-schema` says email): `{{value}}` is not ' + 'one.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: a label your team requires (label-schema) does not hold the kind of value it should.',
      rationale:
        'With a `label-schema` in `.hadolint.yaml` that gives a label the type email, its value must be ' +
        'an email address: `infra@example.com`. Tools that read the label (registries, scanners, release ' +
        'automation) rely on the type. An empty value is DL3051; a value from a variable is decided at ' +
        'build time and not judged.',
      incorrect: 'LABEL contact="the infra team"',
      correct: 'LABEL contact="infra@example.com"',
      peers: ['hadolint DL3058'],
      files: { '.hadolint.yaml': 'label-schema:\n  contact: email\n' },
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'email');
  },
});
