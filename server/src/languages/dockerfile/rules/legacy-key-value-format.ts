import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF009',
    id: 'legacy-key-value-format',
    defaultSeverity: 'info',
    description: 'Use `key=value` in ENV and LABEL, not the legacy `key value` form.',
    messages: {
      legacy: '`{{keyword}} {{name}} {{value}}` is the legacy form: write `{{keyword}} {{name}}={{quoted}}`.',
    },
    fixable: 'safe',
    docs: {
      severity: 'Style: the legacy form still builds; `key=value` is only clearer (and the one BuildKit recommends).',
      rationale:
        'The space-separated form takes the rest of the line as the value, so ' +
        '`ENV A 1 B 2` sets A to `1 B 2`; it is deprecated. BuildKit `LegacyKeyValueFormat`. The ' +
        'fix writes `name=value`, quoting the value when it has blanks, and is safe: the value ' +
        'stays the same.',
      incorrect: 'ENV NODE_ENV production',
      correct: 'ENV NODE_ENV=production',
      peers: ['BuildKit LegacyKeyValueFormat'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') continue;
      const props = ins.properties;
      if (props.length !== 1) continue;
      const p = props[0];
      if (p.operator === '=' || p.value === null || p.valueStart === undefined || p.valueEnd === undefined) continue;
      const nameEnd = p.nameEnd;
      const valueStart = p.valueStart,
        valueEnd = p.valueEnd;
      const raw = ctx.text.slice(valueStart, valueEnd);
      const simple = !/[\\\n'"`]/.test(raw);
      const newValue = /\s/.test(raw) || raw === '' ? JSON.stringify(raw) : raw;
      ctx.report({
        start: p.nameStart,
        end: nameEnd,
        messageId: 'legacy',
        data: {
          keyword: ins.keyword,
          name: p.name,
          value: shorten(oneLine(raw)),
          quoted: shorten(oneLine(simple ? newValue : raw)),
        },
        fix:
          (simple && !/[$]/.test(newValue.slice(1, -1))) || (simple && newValue === raw)
            ? {
                title: 'Use name=value',
                safe: true,
                edits: [{ start: nameEnd, end: valueEnd, newText: '=' + newValue }],
              }
            : undefined,
      });
    }
  },
});

/** The value on one line (continuations joined), as the message quotes it. */
function oneLine(v: string): string {
  // (a match starts where white space starts, or at a `\`: tried from every blank it was quadratic)
  return v.replace(/(?<!\s)\s*\\?\r?\n\s*|\\\r?\n\s*/g, ' ');
}

/** Long values are cut in the message (the fix keeps them whole). */
function shorten(v: string): string {
  return v.length > 40 ? v.slice(0, 37) + '...' : v;
}
