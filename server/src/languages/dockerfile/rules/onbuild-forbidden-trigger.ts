import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3043',
    id: 'onbuild-forbidden-trigger',
    defaultSeverity: 'error',
    description: 'ONBUILD triggers ONBUILD, FROM or MAINTAINER, which is not allowed.',
    messages: { trigger: '`ONBUILD {{trigger}}` is not allowed: ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.' },
    fixable: false,
    docs: {
      severity: 'BuildKit refuses these ONBUILD triggers: the build fails.',
      rationale:
        'Docker rejects these triggers when a child image builds on this one, far from where the mistake was made.',
      incorrect: 'ONBUILD FROM alpine:3.20',
      correct: 'ONBUILD RUN echo child build',
      peers: ['hadolint DL3043'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const t = ins.trigger;
      if (ins.keyword === 'ONBUILD' && t && ['ONBUILD', 'FROM', 'MAINTAINER'].includes(t.keyword))
        ctx.report({ start: t.keywordStart, end: t.keywordEnd, messageId: 'trigger', data: { trigger: t.keyword } });
    }
  },
});
