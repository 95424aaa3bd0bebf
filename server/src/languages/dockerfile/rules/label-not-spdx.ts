import { defineRule } from '../../../engine/define';
import { checkLabelType } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3054',
    id: 'label-not-spdx',
    defaultSeverity: 'warning',
    description: 'A label the schema types as spdx does not hold an SPDX license id.',
    messages: {
      type: 'Label `{{label}}` should hold an SPDX license id (`label-schema` says spdx): `{{value}}` is not ' + 'one.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: a label your team requires (label-schema) does not hold the kind of value it should.',
      rationale:
        'With a `label-schema` in `.hadolint.yaml` that gives a label the type spdx, its value must be an ' +
        'SPDX license id: `Apache-2.0`, `MIT`: an id of the SPDX license list, deprecated ids included. ' +
        'Tools that read the label (registries, scanners, release automation) rely on the type. An empty ' +
        'value is DL3051; a value from a variable is decided at build time and not judged.',
      incorrect: 'LABEL license="Apache License"',
      correct: 'LABEL license="Apache-2.0"',
      peers: ['hadolint DL3054'],
      files: { '.hadolint.yaml': 'label-schema:\n  license: spdx\n' },
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'spdx');
  },
});
