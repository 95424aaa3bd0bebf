import { defineRule } from '../../engine/define';
import type { ComposeFacts } from '../../languages/compose/facts';
import { exposedPorts, exposesDynamic } from '../../languages/dockerfile/facts';
import { imageSourceOfService } from '../builds';
import { own } from '../facts';
import { relativeTo, dirname } from '../../text/paths';

/** XF023: a published container port the built image does not EXPOSE. */
export const rule = defineRule<unknown>({
  meta: {
    code: 'XF023',
    id: 'port-not-exposed',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: false,
    description: "A container port in `ports:` is not a port the service's Dockerfile EXPOSEs.",
    messages: {
      notExposed:
        'Container port {{port}} is not EXPOSEd by {{dockerfile}} (it EXPOSEs ' +
        '{{exposed}}); nothing may be listening there.',
    },
    docs: {
      rationale:
        'Publishing a port the application does not listen on gives ' +
        '"connection reset" on the host while the container looks fine. When the service is built ' +
        'from a Dockerfile whose built stage EXPOSEs literal ports, the container side of each ' +
        '`ports:` entry should be one of them. A service that sets its own `command` or `entrypoint` ' +
        'is not checked: it decides what runs, and so what listens (`nodemon --inspect=0.0.0.0:9229`, ' +
        '`gunicorn -b 0.0.0.0:8000`), whatever the image EXPOSEs.',
      incorrect: 'services:\n  web:\n    build: .\n    ports:\n      - "8080:3000"\n',
      correct: 'services:\n  web:\n    build: .\n    ports:\n      - "8080:8080"\n',
      files: { Dockerfile: 'FROM node:22-slim\nEXPOSE 8080\nCMD ["node", "server.js"]\n' },
      peers: [],
    },
  },
  check(ctx) {
    for (const svc of own<ComposeFacts>(ctx)?.services ?? []) {
      // a service that sets its own command or entrypoint decides what listens, not the image's EXPOSE
      if (!svc.ports.length || svc.overridesCommand) continue;
      const src = imageSourceOfService(ctx.workspace, svc);
      if (!src || exposesDynamic(src.dockerfile, src.stage)) continue;
      const exposed = exposedPorts(src.dockerfile, src.stage);
      if (!exposed.length) continue;
      for (const t of svc.ports) {
        if (exposed.some((e) => e.port >= t.port && e.port <= t.endPort)) continue;
        ctx.report({
          start: t.start,
          end: t.end,
          messageId: 'notExposed',
          data: {
            port: t.port,
            dockerfile: relativeTo(dirname(ctx.path), src.dockerfilePath),
            exposed: [...new Set(exposed.map((e) => e.port))].join(', '),
          },
          related: [
            {
              path: src.dockerfilePath,
              ...exposed[0].span,
              message: 'EXPOSE in the Dockerfile that builds this service',
            },
          ],
        });
      }
    }
  },
});
