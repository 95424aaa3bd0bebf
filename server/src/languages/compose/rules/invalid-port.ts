import { defineRule } from '../../../engine/define';
import { isMap, isScalar } from 'yaml';
import type { ComposeModel } from '../parse';
import { entry, items, nodeEnd, nodeStart, str } from '../../../yaml/view';
import { contentStart } from '../refs';
import { isIp, parsePortSpec, rangeProblem, PROTOCOLS } from '../ports';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP025',
    id: 'invalid-port',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description:
      'A `ports` or `expose` entry Docker cannot read: bad syntax, a port ' +
      'outside 1-65535, ranges of different sizes, an unknown protocol.',
    messages: { port: 'Invalid port "{{value}}": {{problem}}.' },
    docs: {
      severity: 'Compose refuses a port it cannot parse.',
      rationale:
        'Port strings follow ' +
        '`[host_ip:][host_port:]container_port[/protocol]`, with ranges like `8000-8010`. Docker ' +
        'rejects ports outside 1-65535, a container range whose host range has another size, and ' +
        'protocols other than tcp, udp and sctp, but only at `up`. Quote port strings: unquoted ' +
        '`80:80`-like values are numbers in base 60 for YAML 1.1 readers.',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80800"\n      - "9000-9002:9000-9001"\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:8080"\n      - "9000-9001:9000-9001"\n',
      peers: ['docker compose up'],
    },
  },
  check(ctx) {
    const { doc, text } = ctx.model;
    for (const svc of ctx.model.services) {
      for (const p of items(svc.get('ports')?.value, doc)) {
        if (isScalar(p)) {
          const v = str(p);
          if (v === undefined || v.includes('$')) continue;
          if (typeof p.value === 'number') {
            const problem = rangeProblem(v, 'container');
            if (problem)
              ctx.report({ start: nodeStart(p), end: nodeEnd(p), messageId: 'port', data: { value: v, problem } });
            continue;
          }
          const parsed = parsePortSpec(v);
          const base = contentStart(p, text);
          for (const e of parsed.errors)
            ctx.report({
              start: base + e.at,
              end: base + e.at + e.length,
              messageId: 'port',
              data: { value: v, problem: e.message },
            });
        } else if (isMap(p)) {
          const check = (key: string, fn: (s: string) => string | undefined) => {
            const n = entry(p, doc, key)?.value;
            const s = str(n);
            if (!n || s === undefined || s.includes('$')) return;
            const problem = fn(s);
            if (problem)
              ctx.report({ start: nodeStart(n), end: nodeEnd(n), messageId: 'port', data: { value: s, problem } });
          };
          check('target', (s) => rangeProblem(s, 'container'));
          check('published', (s) => rangeProblem(s, 'host', true));
          check('protocol', (s) =>
            PROTOCOLS.includes(s.toLowerCase()) ? undefined : `"${s}" is not a protocol (tcp, udp or sctp)`,
          );
          check('mode', (s) => (s === 'host' || s === 'ingress' ? undefined : `mode must be "host" or "ingress"`));
          check('host_ip', (s) => (isIp(s) ? undefined : `"${s}" is not an IP address`));
        }
      }
      for (const p of items(svc.get('expose')?.value, doc)) {
        const v = str(p);
        if (v === undefined || v.includes('$')) continue;
        const [port, proto] = v.split('/');
        const problem =
          rangeProblem(port, 'container') ??
          (proto !== undefined && !PROTOCOLS.includes(proto.toLowerCase())
            ? `"${proto}" is not a protocol (tcp, udp or sctp)`
            : undefined);
        if (problem)
          ctx.report({ start: nodeStart(p), end: nodeEnd(p), messageId: 'port', data: { value: v, problem } });
      }
    }
  },
});
