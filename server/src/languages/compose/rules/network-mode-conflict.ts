import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { nodeEnd, str } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP037',
    id: 'network-mode-conflict',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A service sets both `network_mode` and `networks`.',
    messages: { conflict: '"{{service}}" sets network_mode "{{mode}}" and networks; they cannot be combined.' },
    docs: {
      severity: 'Compose refuses a service with both `network_mode` and `networks`.',
      rationale:
        '`network_mode` gives the container another network stack (the ' +
        "host's, none, or another container's), so it cannot also join networks; Compose refuses " +
        'the file ("network_mode and networks cannot be combined"). Keep one of the two.',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n    ' +
        'networks: [front]\nnetworks:\n  front:\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    networks: [front]\nnetworks:\n  front:\n',
      peers: ['docker compose config'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const mode = svc.get('network_mode');
      const nets = svc.get('networks');
      if (!mode || !nets) continue;
      ctx.report({
        start: mode.keyStart,
        end: mode.value ? nodeEnd(mode.value) : mode.keyEnd,
        messageId: 'conflict',
        data: { service: svc.name, mode: str(mode.value) ?? '' },
      });
    }
  },
});
