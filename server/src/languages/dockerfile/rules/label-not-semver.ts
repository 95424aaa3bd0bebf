import { defineRule } from '../../../engine/define';
import { checkLabelType } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3056',
    id: 'label-not-semver',
    defaultSeverity: 'warning',
    description: 'A label the schema types as semver does not hold a semantic version.',
    messages: {
      type:
        'Label `{{label}}` should hold a semantic version (`label-schema` says semver): `{{value}}` is ' + 'not one.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: a label your team requires (label-schema) does not hold the kind of value it should.',
      rationale:
        'With a `label-schema` in `.hadolint.yaml` that gives a label the type semver, its value must be ' +
        'a semantic version: `3.1.4`, `3.2.0-beta.2`, `1.0.0+build.5` (Semantic Versioning 2.0; no ' +
        'leading `v`). Tools that read the label (registries, scanners, release automation) rely on the ' +
        'type. An empty value is DL3051; a value from a variable is decided at build time and not judged.',
      incorrect: 'LABEL version="v-next"',
      correct: 'LABEL version="3.1.4"',
      peers: ['hadolint DL3056'],
      files: { '.hadolint.yaml': 'label-schema:\n  version: semver\n' },
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'semver');
  },
});
