import { defineRule } from '../../../engine/define';
import { isScalar, isSeq } from 'yaml';
import type { ComposeModel } from '../parse';
import { entry, items, nodeEnd, nodeStart, str } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP032',
    id: 'healthcheck-test',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'A healthcheck `test` in a form Docker does not run as meant.',
    messages: {
      firstWord: 'A healthcheck test list must start with "CMD", "CMD-SHELL" or "NONE", not "{{value}}".',
      noCommand: '"{{value}}" needs a command after it.',
      noneAlone: '"NONE" turns the healthcheck off and takes nothing after it.',
      cmdInString:
        'The string form already runs in a shell, where "{{value}}" is not a ' +
        'command; use the list form ["{{value}}", ...] or drop "{{value}}".',
      empty: 'The healthcheck test is empty.',
      disableAndTest: 'A healthcheck cannot both set `test` and `disable: true`.',
    },
    docs: {
      severity:
        'The health check never passes: the container never becomes healthy and services that wait for it ' +
        'never start.',
      rationale:
        'Docker reads `test` as `["CMD", prog, args...]`, `["CMD-SHELL", ' +
        '"command"]`, `["NONE"]` or a plain string (run with `/bin/sh -c`). A list that starts ' +
        'with the program itself, or a string that starts with `CMD`, makes every check fail, so ' +
        'the container never becomes healthy and services that wait for it never start.',
      incorrect:
        'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["pg_isready", "-U", "postgres"]\n',
      correct:
        'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      ' +
        'test: ["CMD", "pg_isready", "-U", "postgres"]\n',
      peers: ['docker compose up'],
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    for (const svc of ctx.model.services) {
      const hc = svc.get('healthcheck')?.value;
      const t = entry(hc, doc, 'test')?.value;
      if (!t) continue;
      const disable = str(entry(hc, doc, 'disable')?.value);
      if (disable === 'true') ctx.report({ start: nodeStart(t), end: nodeEnd(t), messageId: 'disableAndTest' });
      if (isScalar(t) && typeof t.value === 'string') {
        const v = t.value.trim();
        if (!v) ctx.report({ start: nodeStart(t), end: nodeEnd(t), messageId: 'empty' });
        const m = /^(CMD-SHELL|CMD|NONE)\b/.exec(v);
        if (m) ctx.report({ start: nodeStart(t), end: nodeEnd(t), messageId: 'cmdInString', data: { value: m[1] } });
      } else if (isSeq(t)) {
        const list = items(t, doc);
        if (!list.length) {
          ctx.report({ start: nodeStart(t), end: nodeEnd(t), messageId: 'empty' });
          continue;
        }
        const first = list[0];
        const fv = str(first) ?? '';
        if (fv === 'NONE') {
          if (list.length > 1) ctx.report({ start: nodeStart(t), end: nodeEnd(t), messageId: 'noneAlone' });
        } else if (fv === 'CMD' || fv === 'CMD-SHELL') {
          if (list.length < 2 || list.slice(1).every((i) => !(str(i) ?? '').trim()))
            ctx.report({ start: nodeStart(t), end: nodeEnd(t), messageId: 'noCommand', data: { value: fv } });
        } else if (!fv.includes('$')) {
          const at = nodeStart(first);
          const quote = ctx.text[at] === "'" ? "'" : '"';
          const lineStart = ctx.text.lastIndexOf('\n', at - 1) + 1;
          const prefix = ctx.text.slice(lineStart, at);
          const newText =
            ctx.text[nodeStart(t)] === '['
              ? `${quote}CMD${quote}, `
              : /^\s*-\s+$/.test(prefix)
                ? `CMD\n${prefix}`
                : undefined;
          ctx.report({
            start: at,
            end: nodeEnd(first),
            messageId: 'firstWord',
            data: { value: fv },
            fix: newText
              ? { title: 'Insert "CMD" first', safe: false, edits: [{ start: at, end: at, newText }] }
              : undefined,
          });
        }
      }
    }
  },
});
