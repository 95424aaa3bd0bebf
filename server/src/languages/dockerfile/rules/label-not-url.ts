import { defineRule } from '../../../engine/define';
import { checkLabelType } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3052',
    id: 'label-not-url',
    defaultSeverity: 'warning',
    description: 'A label the schema types as url does not hold a URL.',
    messages: {
      type: 'Label `{{label}}` should hold a URL (`label-schema` says url): `{{value}}` is not one.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: a label your team requires (label-schema) does not hold the kind of value it should.',
      rationale:
        'With a `label-schema` in `.hadolint.yaml` that gives a label the type url, its value must be a ' +
        'URL: `https://example.com/docs`. Tools that read the label (registries, scanners, release ' +
        'automation) rely on the type. An empty value is DL3051; a value from a variable is decided at ' +
        'build time and not judged.',
      incorrect: 'LABEL docs="see the wiki"',
      correct: 'LABEL docs="https://wiki.example.com/app"',
      peers: ['hadolint DL3052'],
      files: { '.hadolint.yaml': 'label-schema:\n  docs: url\n' },
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'url');
  },
});
