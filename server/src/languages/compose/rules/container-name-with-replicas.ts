import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { entry, nodeEnd, str } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP043',
    id: 'container-name-with-replicas',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: '`container_name` on a service that runs more than one container.',
    messages: {
      conflict:
        '"{{service}}" sets container_name but asks for {{count}} containers ' +
        '({{via}}); container names must be unique.',
    },
    docs: {
      severity: '`up` fails: several containers cannot share one name.',
      rationale:
        'A container name is unique on a host, so a service with a fixed ' +
        '`container_name` can only run one container; with `deploy.replicas` or `scale` above 1, ' +
        '`docker compose up` fails. Drop `container_name` (Compose names replicas ' +
        '`<project>-<service>-<n>`) or run one replica.',
      incorrect:
        'services:\n  worker:\n    image: worker:1.0\n    container_name: worker\n    deploy:\n      replicas: 3\n',
      correct: 'services:\n  worker:\n    image: worker:1.0\n    deploy:\n      replicas: 3\n',
      peers: ['docker compose up'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const name = svc.get('container_name');
      if (!name) continue;
      const num = (s: string | undefined) => {
        const n = Number(s);
        return s !== undefined && Number.isFinite(n) ? n : 0;
      };
      const replicas = num(str(entry(svc.get('deploy')?.value, ctx.model.doc, 'replicas')?.value));
      const scale = num(str(svc.get('scale')?.value));
      const count = Math.max(replicas, scale);
      if (count <= 1) continue;
      ctx.report({
        start: name.keyStart,
        end: name.value ? nodeEnd(name.value) : name.keyEnd,
        messageId: 'conflict',
        data: { service: svc.name, count, via: replicas >= scale ? 'deploy.replicas' : 'scale' },
      });
    }
  },
});
