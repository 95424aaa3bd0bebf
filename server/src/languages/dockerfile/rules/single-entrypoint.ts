import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportOverridden } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4004',
    id: 'single-entrypoint',
    defaultSeverity: 'warning',
    presets: { hadolint: 'error' },
    description: 'A stage has more than one ENTRYPOINT.',
    messages: {
      multiple: 'This ENTRYPOINT overrides the one on line {{line}}: only the last one in a stage takes effect.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'A likely bug: the build succeeds but the earlier ENTRYPOINT is silently dropped (hadolint calls it ' +
        'an error).',
      rationale:
        'A stage has one ENTRYPOINT; earlier ones are silently overridden, ' +
        'which usually means a mistake or dead code. Same check as BuildKit ' +
        '`MultipleInstructionsDisallowed`. Each later one is reported (as hadolint does, so an ignore comment ' +
        'goes above it); the fix deletes the one it overrides (a suggestion).',
      incorrect: 'ENTRYPOINT ["a"]\nENTRYPOINT ["b"]',
      correct: 'ENTRYPOINT ["b"]',
      peers: ['hadolint DL4004', 'BuildKit MultipleInstructionsDisallowed'],
    },
  },
  check(ctx) {
    reportOverridden(ctx, 'ENTRYPOINT');
  },
});
