import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { exposedPorts, exposesDynamic } from '../../crossfile/models';
import { imageSourceOfService } from '../../crossfile/links';
import { serviceHealthcheck, servicePorts } from '../../crossfile/compose';
import { externalBase, installs, knownBase, probeOf } from '../../crossfile/images';
import { nodeEnd, nodeStart } from '../../../yaml/view';

/** XF024: the compose health check probes a port the service does not serve, or runs a client the image lacks. */
export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'XF024',
    id: 'healthcheck-target',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'A service healthcheck probes a port the container does not serve, or ' +
      'calls `curl`/`wget` that its image does not have.',
    messages: {
      port: 'The healthcheck probes port {{port}}, but the container serves {{ports}}.',
      tool:
        'The healthcheck runs `{{tool}}`, which the image does not have: its ' +
        'final stage is based on {{image}} ({{family}}) and does not install it.{{alternative}}',
      noShell:
        'This healthcheck runs in a shell, but the image has none: its final stage is based on {{image}} ({{family}}).',
    },
    docs: {
      rationale:
        'A healthcheck that can never pass keeps the service "unhealthy", and ' +
        'every service that `depends_on` it with `condition: service_healthy` never starts. The ' +
        'ports served are the container side of `ports:`, `expose:` and the EXPOSEs of the ' +
        "Dockerfile the service builds; the image is that Dockerfile's final (or `target`) stage, " +
        'judged from a shipped list of base images (Alpine has only BusyBox `wget`; slim, ' +
        'distroless and scratch have neither).',
      incorrect:
        'services:\n  web:\n    build: .\n    ports:\n      - "8080:8080"\n    ' +
        'healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n',
      correct:
        'services:\n  web:\n    build: .\n    ports:\n      - "8080:8080"\n    ' +
        'healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]\n',
      files: { Dockerfile: 'FROM node:22-alpine\nEXPOSE 8080\nCMD ["node", "server.js"]\n' },
      peers: [],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const hc = serviceHealthcheck(ctx.model, svc);
      if (!hc) continue;
      const at = { start: nodeStart(hc.node), end: nodeEnd(hc.node) };
      const probe = probeOf(hc.command);
      const ports = servicePorts(ctx.model, svc);
      const src = imageSourceOfService(ctx.workspace, ctx.model, svc, ctx.path);
      const served = new Set<number>(ports.expose);
      for (const t of ports.targets) for (let p = t.port; p <= t.endPort && p - t.port < 64; p++) served.add(p);
      let dynamic = ports.dynamic;
      if (src) {
        if (exposesDynamic(src.dockerfile.model, src.stage)) dynamic = true;
        for (const e of exposedPorts(src.dockerfile.model, src.stage)) served.add(e.port);
      }
      const related = src
        ? [
            {
              path: src.dockerfile.path,
              start: src.stage.from.start,
              end: src.stage.from.end,
              message: 'the final stage of the image',
            },
          ]
        : undefined;
      // Without literal EXPOSEs a probe of a port not published may be an internal one: only judged with them.
      const exposed = src && !dynamic ? exposedPorts(src.dockerfile.model, src.stage) : [];
      if (exposed.length) {
        for (const port of probe.ports)
          if (!served.has(port))
            ctx.report({
              ...at,
              messageId: 'port',
              data: { port, ports: [...served].sort((a, b) => a - b).join(', ') },
              related,
            });
      }
      if (!src) continue;
      const image = externalBase(src.dockerfile.model, src.stage);
      const base = image ? knownBase(image) : undefined;
      if (!image || !base) continue;
      if (probe.shellForm && !base.shell && !installs(src.dockerfile.model, src.stage, 'sh')) {
        ctx.report({ ...at, messageId: 'noShell', data: { image, family: base.family }, related });
        continue;
      }
      if (probe.tool && !base[probe.tool] && !installs(src.dockerfile.model, src.stage, probe.tool)) {
        const other = probe.tool === 'curl' ? 'wget' : 'curl';
        ctx.report({
          ...at,
          messageId: 'tool',
          data: {
            tool: probe.tool,
            image,
            family: base.family,
            alternative: base[other] ? ` It has \`${other}\`.` : '',
          },
          related,
        });
      }
    }
  },
});
