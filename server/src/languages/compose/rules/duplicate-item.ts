import { schemaRule, where } from '../schema-rule';

export const rule = schemaRule(
  {
    code: 'CP005',
    id: 'duplicate-item',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'safe',
    description: 'A list that must hold distinct items repeats one.',
    messages: { duplicate: '{{path}} repeats an item given earlier in the list.' },
    docs: {
      severity: 'Compose refuses the whole file when a list that must be unique repeats an item.',
      rationale:
        'Lists such as `ports`, `volumes`, `environment` (list form), ' +
        '`cap_add`, `dns_opt` or `depends_on` must not repeat an item: Compose rejects the file ' +
        '("items must be unique"). Removing the second copy changes nothing else, so the fix is ' +
        'safe.',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n      - NET_BIND_SERVICE\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n',
      peers: ['docker compose config', 'compose-spec JSON schema (uniqueItems)'],
    },
  },
  ['unique'],
  (ctx, issue) => {
    const fix = removeListItem(ctx.text, issue.start, issue.end);
    ctx.report({
      start: issue.start,
      end: issue.end,
      messageId: 'duplicate',
      data: { path: where(issue.path) },
      fix: fix ? { title: 'Remove the repeated item', safe: true, edits: [fix] } : undefined,
    });
  },
);

/** The edit that deletes a block-list item's whole line (`  - x\n`), or a flow item with its comma. */
function removeListItem(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; newText: string } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  if (/^\s*-\s*$/.test(before)) {
    const nl = text.indexOf('\n', end);
    const after = text.slice(end, nl < 0 ? text.length : nl);
    if (/^\s*(#.*)?$/.test(after)) return { start: lineStart, end: nl < 0 ? text.length : nl + 1, newText: '' };
    return undefined;
  }
  const m = /^\s*,/.exec(text.slice(end));
  const p = /,\s*$/.exec(text.slice(0, start));
  if (p) return { start: p.index, end, newText: '' };
  if (m) return { start, end: end + m[0].length, newText: '' };
  return undefined;
}
