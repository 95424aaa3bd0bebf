import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { nodeEnd } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP040',
    id: 'obsolete-version',
    kinds: ['compose'],
    defaultSeverity: 'info',
    fixable: 'safe',
    description: 'The top-level `version` key is obsolete.',
    messages: { obsolete: '`version` is obsolete: Compose ignores it (and warns); remove it.' },
    docs: {
      severity: 'Style: Compose ignores the key and only warns that it is obsolete.',
      rationale:
        'The Compose Specification merged the old 2.x and 3.x formats; `docker ' +
        'compose` ignores `version` and prints a warning on every command. Removing the line ' +
        'changes nothing, so the fix is safe.',
      incorrect: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n',
      peers: ['docker compose (the attribute `version` is obsolete)'],
    },
  },
  check(ctx) {
    const v = ctx.model.top.find((e) => e.key === 'version' && !e.merged);
    if (!v) return;
    const { text } = ctx;
    const lineStart = text.lastIndexOf('\n', v.keyStart - 1) + 1;
    const valueEnd = v.rawValue ? nodeEnd(v.rawValue) : v.keyEnd;
    const nl = text.indexOf('\n', valueEnd);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const onOwnLines =
      /^\s*$/.test(text.slice(lineStart, v.keyStart)) && /^\s*(#.*)?\r?\n?$/.test(text.slice(valueEnd, lineEnd));
    // a blank line right after `version` goes too, so the file does not start with one
    let end = lineEnd;
    if (onOwnLines && lineStart === 0) {
      const m = /^(\r?\n)+/.exec(text.slice(end));
      if (m) end += m[0].length;
    }
    ctx.report({
      start: v.keyStart,
      end: valueEnd,
      messageId: 'obsolete',
      fix: onOwnLines
        ? { title: 'Remove `version`', safe: true, edits: [{ start: lineStart, end, newText: '' }] }
        : undefined,
    });
  },
});
