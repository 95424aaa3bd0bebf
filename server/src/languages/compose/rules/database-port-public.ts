import { isMap, isScalar } from 'yaml';
import { defineRule } from '../../../engine/define';
import { DATA_STORE_PORTS, dataStoreImage } from '../../../text/container-security';
import { contentRange } from '../../../yaml/scalar';
import { entry, items, str } from '../../../yaml/view';
import type { ComposeModel } from '../parse';
import { isWildcardIp, parsePortSpec } from '../ports';
import { itemSpan } from '../security';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP105',
    id: 'compose-database-port-public',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    security: { severity: 6.5 },
    fixable: 'suggestion',
    description: 'A database or cache publishes its port on every interface of the host.',
    messages: {
      public:
        '"{{service}}" publishes {{what}} port {{port}} on every interface of the host; bind it to 127.0.0.1 ' +
        '(or drop `ports:` and reach it over the compose network).',
    },
    docs: {
      rationale:
        '`ports: ["5432:5432"]` listens on 0.0.0.0: every network the host is on reaches the database, and ' +
        "Docker's own firewall rules go around `ufw`/`firewalld`. Other services of the file reach it by service " +
        'name without any `ports:`; for a tool on the host, bind to the loopback: `"127.0.0.1:5432:5432"`. The ' +
        'suggestion adds `127.0.0.1:` to the short syntax.',
      attack:
        'Anyone who can reach the host (the office network, a cloud VM with a public address, a café Wi-Fi for a ' +
        'laptop) connects to the database directly, often with a default or development password, and reads or ' +
        'rewrites the data.',
      incorrect: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
      correct: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
      peers: ['KICS "Container Traffic Not Bound To Host Interface"'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const svc of model.services) {
      const e = svc.get('ports');
      if (!e) continue;
      const store = dataStoreImage(str(svc.get('image')?.value));
      for (const it of items(e.value, model.doc)) {
        let hostIp = '';
        let target: number | undefined;
        if (isScalar(it)) {
          const s = str(it);
          if (s === undefined || s.includes('$')) continue;
          const p = parsePortSpec(s);
          if (p.errors.length || !p.target) continue;
          hostIp = p.hostIp;
          target = p.target.start;
        } else if (isMap(it)) {
          hostIp = str(entry(it, model.doc, 'host_ip')?.value) ?? '';
          const t = str(entry(it, model.doc, 'target')?.value);
          if (!t || t.includes('$')) continue;
          target = Number(t.split('-')[0]);
        } else continue;
        if (target === undefined || !isWildcardIp(hostIp)) continue;
        const known = DATA_STORE_PORTS[target];
        if (!known && !store) continue;
        // the web consoles some stores also serve
        if (!known && store && ((target >= 8000 && target < 9100) || target === 15672)) continue;
        const what = known ?? 'the data store';
        const own = !e.merged && isScalar(it) && hostIp === '';
        const c = own ? contentRange(it as never) : undefined;
        ctx.report({
          ...itemSpan(svc, e, it),
          messageId: 'public',
          data: { service: svc.name, what, port: target },
          fix: c
            ? {
                title: 'Bind it to 127.0.0.1',
                safe: false,
                edits: [
                  {
                    start: c.start,
                    end: c.start,
                    newText: /:/.test(str(it) ?? '') ? '127.0.0.1:' : '127.0.0.1::',
                  },
                ],
              }
            : undefined,
        });
      }
    }
  },
});
