import { defineRule } from '../../../engine/define';
import { str } from '../../../yaml/view';
import type { ComposeModel } from '../parse';
import { spanOf } from '../security';

/** The keys that can share a host namespace, and what sharing it gives the container. */
const KEYS: Record<string, string> = {
  network_mode: "the host's network stack: every port on every interface, and services bound to localhost",
  pid: 'every process of the host: it can see their command lines and environment, and signal them',
  ipc: "the host's shared memory and semaphores",
  userns_mode: 'no user namespace remapping: root in the container is root on the host',
  uts: "the host's hostname (it can change it)",
  cgroup: "the host's cgroup tree",
};

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP101',
    id: 'compose-host-namespace',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    security: { severity: 7.3 },
    fixable: false,
    description: 'A service shares a namespace with the host (`network_mode`, `pid`, `ipc`, `userns_mode`: host).',
    messages: {
      host: '"{{service}}" sets `{{key}}: host`, so it shares {{what}}.',
    },
    docs: {
      rationale:
        'Namespaces are what give a container its own view of the machine. `network_mode: host` puts it on the ' +
        "host's interfaces (every port it opens is public, and it reaches services the host binds to 127.0.0.1); " +
        '`pid: host` shows it every host process (their arguments and environment often hold secrets); `ipc: ' +
        'host`, `uts: host`, `cgroup: host` and `userns_mode: host` remove the other walls. Publish ports with ' +
        '`ports:` and talk to other services over a compose network instead.',
      attack:
        'From the compromised container an attacker reaches what the namespace was hiding: services listening ' +
        'only on the localhost of the host (databases, cloud metadata proxies, the Docker API on tcp), secrets in ' +
        'the environment of other processes, and signals to kill or trace them.',
      incorrect: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n',
      peers: [
        'KICS "Shared Host Network Namespace", "Host Namespace is Shared", "Shared Host IPC Namespace", ' +
          '"Shared Host User Namespace"',
      ],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services)
      for (const [key, what] of Object.entries(KEYS)) {
        const e = svc.get(key);
        if (e && str(e.value)?.trim().toLowerCase() === 'host')
          ctx.report({ ...spanOf(svc, e), messageId: 'host', data: { service: svc.name, key, what } });
      }
  },
});
