import { defineRule } from '../../../engine/define';
import { isScalar } from 'yaml';
import type { ComposeModel } from '../parse';
import { formattedValues, isDuration } from '../formats';
import { nodeEnd, nodeStart, str } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP027',
    id: 'invalid-duration',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description:
      'A duration (healthcheck interval, stop_grace_period, deploy delays) ' +
      'that is not a number with a unit such as `30s` or `1m30s`.',
    messages: {
      duration:
        '"{{value}}" is not a duration for {{path}}: write a number with a ' +
        'unit (ns, us, ms, s, m, h), e.g. "30s" or "1m30s".',
    },
    docs: {
      severity: 'Compose refuses a duration it cannot parse.',
      rationale:
        'Compose reads durations the way Go does: numbers each followed by a ' +
        'unit (`1h30m`, `10s`, `500ms`). A bare number or a unit like `sec` or `d` makes the file ' +
        'fail to load. The fix for a bare number adds `s`.',
      incorrect: 'services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: "30"\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: 30s\n',
      peers: ['docker compose config'],
    },
  },
  check(ctx) {
    for (const v of formattedValues(ctx)) {
      if (v.fmt !== 'duration' || !isScalar(v.node) || typeof v.node.value !== 'string') continue;
      const s = str(v.node)!;
      if (s.includes('$') || isDuration(s)) continue;
      const start = nodeStart(v.node),
        end = nodeEnd(v.node);
      const fix = /^\d+$/.test(s)
        ? { title: `Change to "${s}s"`, safe: false, edits: [{ start, end, newText: `${s}s` }] }
        : undefined;
      ctx.report({ start, end, messageId: 'duration', data: { value: s, path: v.path.replace(/^\./, '') }, fix });
    }
  },
});
