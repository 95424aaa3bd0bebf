import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF014',
    id: 'expose-invalid-format',
    defaultSeverity: 'warning',
    description: 'EXPOSE should name container ports only, without an IP address or host port.',
    messages: {
      format:
        '`{{value}}` maps a host address or port: EXPOSE documents container ' +
        'ports only; publish with `docker run -p` or compose `ports:`.',
    },
    fixable: 'safe',
    docs: {
      severity:
        'A likely misunderstanding with a real risk: EXPOSE never publishes to the host, and BuildKit plans ' +
        'to stop accepting the address and host port.',
      rationale:
        'EXPOSE cannot publish a port; an IP or host port in it is ignored ' +
        '(and deprecated). BuildKit `ExposeInvalidFormat`. The fix keeps only the container port ' +
        'and is safe: Docker already ignores the rest.',
      incorrect: 'EXPOSE 8080:80',
      correct: 'EXPOSE 80',
      peers: ['BuildKit ExposeInvalidFormat'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.exposedPorts) {
      if (!p.value.includes(':') || p.value.includes('$')) continue;
      const container = p.value.slice(p.value.lastIndexOf(':') + 1);
      ctx.report({
        start: p.start,
        end: p.end,
        messageId: 'format',
        data: { value: p.value },
        fix: /^\d+(-\d+)?(\/\w+)?$/.test(container)
          ? { title: `Expose ${container}`, safe: true, edits: [{ start: p.start, end: p.end, newText: container }] }
          : undefined,
      });
    }
  },
});
