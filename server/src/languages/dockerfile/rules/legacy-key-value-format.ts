import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { meta } from '../util';

export const rule: Rule<DockerfileModel> = {
  meta: meta({
    code: 'DF009', id: 'legacy-key-value-format', defaultSeverity: 'warning',
    description: 'Use `key=value` in ENV and LABEL, not the legacy `key value` form.',
    messages: { legacy: '`{{keyword}} {{name}} value` is the legacy form: write `{{keyword}} {{name}}=value`.' },
    fixable: 'safe',
    docs: {
      rationale: 'The space-separated form takes the rest of the line as the value, so `ENV A 1 B 2` sets A to `1 B 2`; it is deprecated. BuildKit `LegacyKeyValueFormat`. The fix writes `name=value`, quoting the value when it has blanks, and is safe: the value stays the same.',
      incorrect: 'ENV NODE_ENV production', correct: 'ENV NODE_ENV=production', peers: ['BuildKit LegacyKeyValueFormat'],
    },
  }),
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') continue;
      let props: any[] = [];
      try { props = (ins.node as any).getProperties(); } catch { props = []; }
      if (props.length !== 1) continue;
      const p = props[0];
      if (p.getAssignmentOperator() === '=' || p.getValue() === null) continue;
      const vr = p.getValueRange();
      if (!vr) continue;
      const nr = p.getNameRange();
      const nameEnd = ctx.lines.offset(nr.end);
      const valueStart = ctx.lines.offset(vr.start), valueEnd = ctx.lines.offset(vr.end);
      const raw = ctx.text.slice(valueStart, valueEnd);
      const simple = !/[\\\n'"`]/.test(raw);
      const newValue = /\s/.test(raw) || raw === '' ? JSON.stringify(raw) : raw;
      ctx.report({
        start: ctx.lines.offset(nr.start), end: nameEnd, messageId: 'legacy', data: { keyword: ins.keyword, name: p.getName() },
        fix: simple && !/[$]/.test(newValue.slice(1, -1)) || (simple && newValue === raw) ? { title: 'Use name=value', safe: true, edits: [{ start: nameEnd, end: valueEnd, newText: '=' + newValue }] } : undefined,
      });
    }
  },
};
