import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3011',
    id: 'valid-port',
    defaultSeverity: 'error',
    description: 'EXPOSE names a port outside 0–65535.',
    messages: { range: '{{port}} is not a port number (ports go from 0 to 65535).' },
    fixable: false,
    docs: {
      severity: 'BuildKit cannot parse a port above 65535: the build fails.',
      rationale: 'A port outside 0–65535 cannot be published; the build or the run fails.',
      incorrect: 'EXPOSE 80000',
      correct: 'EXPOSE 8000',
      peers: ['hadolint DL3011'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.exposedPorts) {
      for (const n of [p.port, p.endPort])
        if (n !== undefined && n > 65535)
          ctx.report({ start: p.start, end: p.end, messageId: 'range', data: { port: n } });
    }
  },
});
