import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF006',
    id: 'reserved-stage-name',
    defaultSeverity: 'error',
    description: 'Reserved words should not be used as stage names.',
    messages: { reserved: '`{{name}}` is reserved and cannot name a stage.' },
    fixable: false,
    docs: {
      rationale:
        '`scratch` (the empty image) and `context` (the build context) have ' +
        'meanings in `FROM` and `--from`; a stage with that name cannot be referenced. BuildKit ' +
        '`ReservedStageName`.',
      incorrect: 'FROM alpine:3.20 AS scratch',
      correct: 'FROM alpine:3.20 AS base',
      peers: ['BuildKit ReservedStageName'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages)
      if (s.name && ['scratch', 'context'].includes(s.name.toLowerCase()))
        ctx.report({ start: s.nameStart!, end: s.nameEnd!, messageId: 'reserved', data: { name: s.name } });
  },
});
