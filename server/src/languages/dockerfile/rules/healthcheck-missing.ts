import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3057',
    id: 'healthcheck-missing',
    defaultSeverity: 'off',
    description: 'The final stage has no HEALTHCHECK.',
    messages: { missing: 'The final stage has no HEALTHCHECK.' },
    fixable: false,
    docs: {
      rationale:
        'A HEALTHCHECK lets Docker (and compose `depends_on: condition: ' +
        'service_healthy`) tell a started container from a working one. Off by default, as in ' +
        'hadolint: orchestrators such as Kubernetes and ECS define their own probes.',
      incorrect: 'FROM nginx:1.27',
      correct: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
      peers: ['hadolint DL3057'],
    },
  },
  check(ctx) {
    const s = ctx.model.finalStage;
    if (!s) return;
    if (ctx.model.stages.some((x) => x.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) return;
    ctx.report({ start: s.from.keywordStart, end: s.from.keywordEnd, messageId: 'missing' });
  },
});
