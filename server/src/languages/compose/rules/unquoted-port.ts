import { defineRule } from '../../../engine/define';
import { isScalar } from 'yaml';
import type { ComposeModel } from '../parse';
import { items, nodeEnd, nodeStart } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP044',
    id: 'unquoted-port',
    kinds: ['compose'],
    defaultSeverity: 'info',
    fixable: 'safe',
    description: 'A `HOST:CONTAINER` port mapping written without quotes, which YAML 1.1 reads as a base-60 number.',
    messages: {
      unquoted:
        'Quote "{{value}}": YAML 1.1 readers (docker-compose v1, PyYAML tools) ' +
        'read unquoted numbers with colons as base-60 numbers.',
    },
    docs: {
      severity: 'Style and a trap for YAML 1.1 readers; Compose itself reads the value as intended.',
      rationale:
        'In YAML 1.1, `22:22` is the sexagesimal number 1342, and tools built ' +
        'on YAML 1.1 parsers (docker-compose v1, Ansible, many linters) see a number instead of a ' +
        'port mapping. Compose v2 reads YAML 1.2 and is not affected, but quoting costs nothing ' +
        'and keeps every reader in agreement, so the fix is safe.',
      incorrect: 'services:\n  ssh:\n    image: linuxserver/openssh-server:9.7\n    ports:\n      - 22:22\n',
      correct: 'services:\n  ssh:\n    image: linuxserver/openssh-server:9.7\n    ports:\n      - "22:22"\n',
      peers: ['docker-compose v1 (ports must be a string)', 'yamllint truthy/octal checks'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      for (const p of items(svc.get('ports')?.value, ctx.model.doc)) {
        if (!isScalar(p) || p.type !== 'PLAIN' || typeof p.value !== 'string') continue;
        if (!/^\d+(:[0-5]?\d)+$/.test(p.value)) continue;
        const start = nodeStart(p),
          end = nodeEnd(p);
        ctx.report({
          start,
          end,
          messageId: 'unquoted',
          data: { value: p.value },
          fix: { title: 'Quote the port mapping', safe: true, edits: [{ start, end, newText: `"${p.value}"` }] },
        });
      }
    }
  },
});
