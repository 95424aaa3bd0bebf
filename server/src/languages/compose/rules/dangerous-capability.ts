import { defineRule } from '../../../engine/define';
import { DANGEROUS_CAPABILITIES, dangerousCapability } from '../../../text/container-security';
import { items, str } from '../../../yaml/view';
import type { ComposeModel } from '../parse';
import { itemSpan } from '../security';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP103',
    id: 'compose-dangerous-capability',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    security: { severity: 7.8 },
    fixable: false,
    description: 'A service adds a Linux capability that reaches past the container (ALL, SYS_ADMIN, NET_ADMIN, …).',
    messages: {
      cap: '"{{service}}" adds {{cap}}: {{what}}.',
    },
    docs: {
      rationale:
        "Docker's default capability set is already trimmed to what ordinary programs need. `ALL` and " +
        '`SYS_ADMIN` are as good as `privileged`; `SYS_MODULE`, `SYS_RAWIO`, `SYS_PTRACE`, `DAC_READ_SEARCH`, ' +
        '`BPF` and `NET_ADMIN` each have known ways out of the container or into its neighbours. Add only what the ' +
        'program needs, and prefer `cap_drop: [ALL]` with a short `cap_add` list.',
      attack:
        'Code execution in the container uses the capability to escape it (mount the host disk, load a module, ' +
        'read host files by handle) or to take over the network (sniff, redirect or block traffic of the host).',
      incorrect: 'services:\n  vpn:\n    image: acme/vpn:2\n    cap_add:\n      - SYS_ADMIN\n',
      correct: 'services:\n  vpn:\n    image: acme/vpn:2\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n',
      peers: ['KICS "Container Capabilities Unrestricted"'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const e = svc.get('cap_add');
      if (!e) continue;
      for (const it of items(e.value, ctx.model.doc)) {
        const cap = dangerousCapability(str(it) ?? '');
        if (cap)
          ctx.report({
            ...itemSpan(svc, e, it),
            messageId: 'cap',
            data: { service: svc.name, cap, what: DANGEROUS_CAPABILITIES[cap] },
          });
      }
    }
  },
});
