import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF013',
    id: 'expose-proto-casing',
    defaultSeverity: 'info',
    description: 'The protocol in EXPOSE should be lowercase.',
    messages: { casing: 'Write the protocol in lowercase: `{{want}}`.' },
    fixable: 'safe',
    docs: {
      severity: 'Style: the port is published the same way.',
      rationale:
        'Protocols are `tcp`, `udp`, `sctp`; uppercase works today by ' +
        'accident. BuildKit `ExposeProtoCasing`. The fix lowercases it and is safe.',
      incorrect: 'EXPOSE 80/TCP',
      correct: 'EXPOSE 80/tcp',
      peers: ['BuildKit ExposeProtoCasing'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.exposedPorts) {
      if (!p.protocol || p.protocol === p.protocol.toLowerCase()) continue;
      const at = p.end - p.protocol.length;
      ctx.report({
        start: at,
        end: p.end,
        messageId: 'casing',
        data: { want: p.protocol.toLowerCase() },
        fix: {
          title: 'Lowercase the protocol',
          safe: true,
          edits: [{ start: at, end: p.end, newText: p.protocol.toLowerCase() }],
        },
      });
    }
  },
});
