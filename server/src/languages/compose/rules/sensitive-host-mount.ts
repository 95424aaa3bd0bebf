import { defineRule } from '../../../engine/define';
import { isEngineSocket, sensitiveHostPath } from '../../../text/container-security';
import type { ComposeModel } from '../parse';
import { itemSpan, volumesOf } from '../security';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP102',
    id: 'compose-sensitive-host-mount',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    security: { severity: 8.8 },
    fixable: false,
    description: 'A service mounts the Docker socket, or a host folder that gives it the host (`/`, `/etc`, …).',
    messages: {
      socket:
        '"{{service}}" mounts {{path}}: whoever controls the container controls the container engine, so the ' +
        'host (read-only does not help: it is an API).',
      root: '"{{service}}" mounts the host\'s root filesystem{{ro}}: every file of the host, secrets included.',
      sensitive: '"{{service}}" mounts the host\'s {{dir}} read-write: the container can change what the host runs.',
      propagation:
        '"{{service}}" mounts {{dir}} with `{{propagation}}` propagation: mounts made inside the container appear ' +
        'on the host.',
    },
    docs: {
      rationale:
        'A bind mount hands the container a piece of the host. The Docker (or containerd, Podman) socket is the ' +
        'whole host: `docker run --privileged -v /:/host` is one API call away, and `:ro` does not change that. ' +
        "The host's root filesystem exposes every file (SSH keys, `/etc/shadow`, other containers' volumes), and a " +
        'writable `/etc`, `/proc`, `/sys`, `/dev`, `/var/lib/docker` or `/usr` lets the container change what the ' +
        'host runs. Tools that need one (reverse proxies that watch containers, monitoring agents) are better ' +
        'given a filtering socket proxy, or read-only access to the one file they need. A bind mount with `shared` or ' +
        '`rshared` propagation sends the mounts the container makes back to the host (`slave`/`rslave`, the usual ' +
        "choice of monitoring agents, only brings the host's mounts in, and is not reported).",
      attack:
        'Code execution in the container becomes root on the host: start a privileged container through the ' +
        'socket, or rewrite a host file that root runs (cron, systemd units, binaries).',
      incorrect:
        'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      correct:
        'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n',
      peers: [
        'KICS "Docker Socket Mounted In Container", "Volume Has Sensitive Host Directory", ' +
          '"Volume Mounted In Multiple Containers" (shared propagation)',
      ],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const e = svc.get('volumes');
      if (!e) continue;
      for (const v of volumesOf(ctx.model, svc)) {
        const src = v.source?.trim();
        if (!src?.startsWith('/')) continue;
        const at = itemSpan(svc, e, v.node);
        if (isEngineSocket(src)) ctx.report({ ...at, messageId: 'socket', data: { service: svc.name, path: src } });
        else if (sensitiveHostPath(src) === '/')
          ctx.report({ ...at, messageId: 'root', data: { service: svc.name, ro: v.readOnly ? ' (read-only)' : '' } });
        else {
          const dir = sensitiveHostPath(src);
          if (dir && !v.readOnly) ctx.report({ ...at, messageId: 'sensitive', data: { service: svc.name, dir: src } });
          else if (v.propagation === 'shared' || v.propagation === 'rshared')
            ctx.report({
              ...at,
              messageId: 'propagation',
              data: { service: svc.name, dir: src, propagation: v.propagation },
            });
        }
      }
    }
  },
});
