import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportOverridden } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3012',
    id: 'single-healthcheck',
    defaultSeverity: 'warning',
    presets: { hadolint: 'error' },
    description: 'A stage has more than one HEALTHCHECK.',
    messages: {
      multiple: 'This HEALTHCHECK overrides the one on line {{line}}: only the last one in a stage takes effect.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'A likely bug: the build succeeds but an earlier HEALTHCHECK is silently dropped (hadolint calls it ' +
        'an error).',
      rationale:
        'A stage has one HEALTHCHECK; earlier ones are silently overridden, ' +
        'which usually means a mistake or dead code. Same check as BuildKit ' +
        '`MultipleInstructionsDisallowed`. Each later one is reported (as hadolint does, so an ignore comment ' +
        'goes above it); the fix deletes the one it overrides (a suggestion).',
      incorrect: 'HEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -q -O - http://localhost/',
      correct: 'HEALTHCHECK CMD wget -q -O - http://localhost/',
      peers: ['hadolint DL3012', 'BuildKit MultipleInstructionsDisallowed'],
    },
  },
  check(ctx) {
    reportOverridden(ctx, 'HEALTHCHECK');
  },
});
