import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportOverridden } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4003',
    id: 'single-cmd',
    defaultSeverity: 'warning',
    description: 'A stage has more than one CMD.',
    messages: { multiple: 'This CMD overrides the one on line {{line}}: only the last one in a stage takes effect.' },
    fixable: 'suggestion',
    docs: {
      severity: 'A likely bug: the build succeeds but the earlier CMD is silently dropped.',
      rationale:
        'A stage has one CMD; earlier ones are silently overridden, which ' +
        'usually means a mistake or dead code. Same check as BuildKit ' +
        '`MultipleInstructionsDisallowed`. Each later one is reported (as hadolint does, so an ignore comment ' +
        'goes above it); the fix deletes the one it overrides (a suggestion).',
      incorrect: 'CMD ["node", "a.js"]\nCMD ["node", "b.js"]',
      correct: 'CMD ["node", "b.js"]',
      peers: ['hadolint DL4003', 'BuildKit MultipleInstructionsDisallowed'],
    },
  },
  check(ctx) {
    reportOverridden(ctx, 'CMD');
  },
});
