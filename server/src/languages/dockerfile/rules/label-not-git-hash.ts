import { defineRule } from '../../../engine/define';
import { checkLabelType } from '../labels';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3055',
    id: 'label-not-git-hash',
    defaultSeverity: 'warning',
    description: 'A label the schema types as hash does not hold a git commit hash.',
    messages: {
      type: 'Label `{{label}}` should hold a git commit hash (`label-schema` says hash): `{{value}}` is not ' + 'one.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: a label your team requires (label-schema) does not hold the kind of value it should.',
      rationale:
        'With a `label-schema` in `.hadolint.yaml` that gives a label the type hash, its value must be a ' +
        'git commit hash: 7 (abbreviated) or 40 lower-case hex digits (64 in SHA-256 repositories). Tools ' +
        'that read the label (registries, scanners, release automation) rely on the type. An empty value ' +
        'is DL3051; a value from a variable is decided at build time and not judged.',
      incorrect: 'LABEL revision="main"',
      correct: 'LABEL revision="9fceb02"',
      peers: ['hadolint DL3055'],
      files: { '.hadolint.yaml': 'label-schema:\n  revision: hash\n' },
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'hash');
  },
});
