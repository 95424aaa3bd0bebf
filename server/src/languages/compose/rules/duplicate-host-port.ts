import { defineRule } from '../../../engine/define';
import { isMap, isScalar } from 'yaml';
import type { ComposeModel, ServiceModel } from '../parse';
import { entry, items, nodeEnd, nodeStart, str } from '../../../yaml/view';
import { isWildcardIp, parsePortSpec, parseRange, type PortRange } from '../ports';

interface Published {
  service: ServiceModel;
  ip: string;
  protocol: string;
  range: PortRange;
  start: number;
  end: number;
  profiles: string[];
}

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP026',
    id: 'duplicate-host-port',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The same host port (and protocol and address) is published twice.',
    messages: { duplicate: 'Host port {{port}}/{{protocol}} is already published by "{{other}}".' },
    docs: {
      severity: 'The second container cannot bind the host port: `up` fails.',
      rationale:
        'Two containers cannot bind the same host port on the same address; ' +
        'the second fails at `up` with "port is already allocated". Services in different profiles ' +
        'that never run together are not compared.',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n  ' +
        'admin:\n    image: adminer:4\n    ports: ["8080:8080"]\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n  ' +
        'admin:\n    image: adminer:4\n    ports: ["8081:8080"]\n',
      peers: ['docker compose up (port is already allocated)'],
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const seen: Published[] = [];
    for (const svc of ctx.model.services) {
      const profiles = items(svc.get('profiles')?.value, doc)
        .map((n) => str(n) ?? '')
        .filter(Boolean);
      for (const p of items(svc.get('ports')?.value, doc)) {
        let ip = '',
          protocol = 'tcp',
          range: PortRange | undefined;
        if (isScalar(p)) {
          const v = str(p);
          if (!v || v.includes('$') || typeof p.value === 'number') continue;
          const parsed = parsePortSpec(v);
          if (parsed.errors.length || !parsed.published || parsed.published.start === 0) continue;
          ip = parsed.hostIp;
          protocol = parsed.protocol.toLowerCase();
          range = parsed.published;
        } else if (isMap(p)) {
          const pub = str(entry(p, doc, 'published')?.value);
          if (!pub || pub.includes('$')) continue;
          range = parseRange(pub);
          ip = str(entry(p, doc, 'host_ip')?.value) ?? '';
          protocol = (str(entry(p, doc, 'protocol')?.value) ?? 'tcp').toLowerCase();
        }
        if (!range || range.start === 0) continue;
        const me: Published = { service: svc, ip, protocol, range, start: nodeStart(p), end: nodeEnd(p), profiles };
        const clash = seen.find(
          (o) =>
            o.protocol === me.protocol &&
            (o.ip === me.ip || isWildcardIp(o.ip) || isWildcardIp(me.ip)) &&
            o.range.start <= me.range.end &&
            me.range.start <= o.range.end &&
            mayRunTogether(o.profiles, me.profiles),
        );
        if (clash) {
          const port = Math.max(clash.range.start, me.range.start);
          ctx.report({
            start: me.start,
            end: me.end,
            messageId: 'duplicate',
            data: { port, protocol: me.protocol, other: clash.service.name },
            related: [{ path: ctx.path, start: clash.start, end: clash.end, message: 'first published here' }],
          });
        } else seen.push(me);
      }
    }
  },
});

/** Services with profiles run only when one is enabled; two with disjoint profiles may be alternatives. */
function mayRunTogether(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true;
  return a.some((x) => b.includes(x));
}
