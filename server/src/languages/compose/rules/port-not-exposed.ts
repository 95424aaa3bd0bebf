import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { exposedPorts, exposesDynamic } from '../../crossfile/models';
import { imageSourceOfService } from '../../crossfile/links';
import { servicePorts } from '../../crossfile/compose';
import { relativeTo, dirname } from '../../crossfile/paths';
import { items, str } from '../../../yaml/view';

/** XF023: a published container port the built image does not EXPOSE. */
export const rule = defineRule<ComposeModel>({
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
        "`ports:` entry should be one of them, unless the service's own `command` or `entrypoint` " +
        'names that port (`gunicorn -b 0.0.0.0:8000` overrides what the image runs).',
      incorrect: 'services:\n  web:\n    build: .\n    ports:\n      - "8080:3000"\n',
      correct: 'services:\n  web:\n    build: .\n    ports:\n      - "8080:8080"\n',
      files: { Dockerfile: 'FROM node:22-slim\nEXPOSE 8080\nCMD ["node", "server.js"]\n' },
      peers: [],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      if (!svc.get('ports')) continue;
      const src = imageSourceOfService(ctx.workspace, ctx.model, svc, ctx.path);
      if (!src || exposesDynamic(src.dockerfile.model, src.stage)) continue;
      const exposed = exposedPorts(src.dockerfile.model, src.stage);
      if (!exposed.length) continue;
      // the service's own command line, which may start the server on another port than the image's
      const commandLine = ['command', 'entrypoint']
        .map((k) => {
          const v = svc.get(k)?.value;
          return (
            str(v) ??
            items(v, ctx.model.doc)
              .map((n) => str(n) ?? '')
              .join(' ')
          );
        })
        .join(' ');
      for (const t of servicePorts(ctx.model, svc).targets) {
        if (exposed.some((e) => e.port >= t.port && e.port <= t.endPort)) continue;
        if (new RegExp(`(^|[^0-9])${t.port}([^0-9]|$)`).test(commandLine)) continue;
        ctx.report({
          start: t.start,
          end: t.end,
          messageId: 'notExposed',
          data: {
            port: t.port,
            dockerfile: relativeTo(dirname(ctx.path), src.dockerfile.path),
            exposed: [...new Set(exposed.map((e) => e.port))].join(', '),
          },
          related: [
            {
              path: src.dockerfile.path,
              ...exposed[0].span,
              message: 'EXPOSE in the Dockerfile that builds this service',
            },
          ],
        });
      }
    }
  },
});
