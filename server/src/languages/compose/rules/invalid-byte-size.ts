import { defineRule } from '../../../engine/define';
import { isScalar } from 'yaml';
import type { ComposeModel } from '../parse';
import { formattedValues, isByteSize } from '../formats';
import { nodeEnd, nodeStart, str } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP028',
    id: 'invalid-byte-size',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description:
      'A memory or size value (mem_limit, shm_size, deploy memory, tmpfs ' +
      'size) that is not a byte count like `512m` or `1g`.',
    messages: {
      bytes:
        '"{{value}}" is not a size for {{path}}: write a number with an ' +
        'optional unit b, k, m, g (e.g. "512m", "1.5g").',
    },
    docs: {
      severity: 'Compose refuses a byte size it cannot parse.',
      rationale:
        'Sizes are a number of bytes, or a number followed by a unit (`k`, ' +
        '`m`, `g`, `t`, `p`, optionally `b` or `ib`). Docker rejects anything else when the ' +
        'container is created, e.g. `512 MB` with a space and two units or `1,5g`.',
      incorrect: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1,5g\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1536m\n',
      peers: ['docker compose up'],
    },
  },
  check(ctx) {
    for (const v of formattedValues(ctx)) {
      if (v.fmt !== 'bytes' || !isScalar(v.node) || typeof v.node.value !== 'string') continue;
      const s = str(v.node)!;
      if (s.includes('$') || isByteSize(s)) continue;
      ctx.report({
        start: nodeStart(v.node),
        end: nodeEnd(v.node),
        messageId: 'bytes',
        data: { value: s, path: v.path.replace(/^\./, '') },
      });
    }
  },
});
