import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { isTrue, spanOf } from '../security';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP100',
    id: 'compose-privileged',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    security: { severity: 8.8 },
    fixable: false,
    description: 'A service runs privileged: root on the host, not just in the container.',
    messages: {
      privileged:
        '"{{service}}" runs privileged: every capability, every host device, no seccomp or AppArmor. Add the one ' +
        'capability or device it needs instead.',
    },
    docs: {
      rationale:
        '`privileged: true` turns off what separates a container from its host: all Linux capabilities, access ' +
        'to every device in `/dev` (the host disks included), no seccomp filter and no AppArmor/SELinux profile. ' +
        'A process in it can mount the host filesystem and load kernel modules. Few images need it (Docker in ' +
        'Docker, some hardware agents); most need one capability (`cap_add: [NET_BIND_SERVICE]`) or one device ' +
        '(`devices: ["/dev/fuse"]`).',
      attack:
        'Code execution in the container (a vulnerable dependency, an exposed admin page) becomes root on the ' +
        'host: mount its disk, read the data and secrets of every other container, persist outside Docker.',
      incorrect: 'services:\n  app:\n    image: acme/app:1.4\n    privileged: true\n',
      correct: 'services:\n  app:\n    image: acme/app:1.4\n    cap_add: [NET_BIND_SERVICE]\n',
      peers: ['KICS "Privileged Containers Enabled"', 'checkov and trivy do not read compose files'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const e = svc.get('privileged');
      if (e && isTrue(e.value)) ctx.report({ ...spanOf(svc, e), messageId: 'privileged', data: { service: svc.name } });
    }
  },
});
