import { defineRule } from '../../../engine/define';
import type { RuleContext } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { PERMISSION_SCOPES } from '../schema';
import { asMap, asScalar, deref, entries, entry, nodeRange, scalarText } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';
import { isSeq } from 'yaml';

function checkPermissions(ctx: RuleContext<WorkflowModel>, node: unknown) {
  const doc = ctx.model.doc;
  const n = deref(node, doc);
  if (!n) return;
  const s = asScalar(n, doc);
  if (s) {
    const v = scalarText(s);
    if (v === undefined || s.value === null || v.includes('${{')) return;
    if (v !== 'read-all' && v !== 'write-all') {
      const [a, b] = nodeRange(s);
      ctx.report({ start: a, end: b, messageId: 'shorthand', data: { value: v } });
    }
    return;
  }
  if (isSeq(n)) return;
  for (const e of entries(asMap(n, doc), doc, false)) {
    const levels = PERMISSION_SCOPES[e.key];
    if (!levels) {
      const near = nearest(e.key, Object.keys(PERMISSION_SCOPES));
      ctx.report({
        start: e.keyStart,
        end: e.keyEnd,
        messageId: 'scope',
        data: { scope: e.key, hint: near ? ` Did you mean "${near}"?` : '' },
        suggestions: near
          ? [
              {
                title: `Change to "${near}"`,
                edits: [{ start: e.keyStart, end: e.keyEnd, newText: near }],
                safe: false,
              },
            ]
          : undefined,
      });
      continue;
    }
    const lv = asScalar(e.value, doc);
    const v = scalarText(lv);
    if (!lv || v === undefined || v.includes('${{')) continue;
    if (!levels.includes(v)) {
      const [a, b] = nodeRange(lv);
      ctx.report({
        start: a,
        end: b,
        messageId: 'level',
        data: { scope: e.key, level: v, levels: levels.map((l) => `"${l}"`).join(', ') },
      });
    }
  }
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF021',
    id: 'permissions',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: '`permissions:` must use known scopes and levels.',
    messages: {
      scope: 'Unknown permission scope "{{scope}}".{{hint}}',
      level: '"{{level}}" is not a level of "{{scope}}"; use {{levels}}.',
      shorthand:
        '"{{value}}" is not a permissions shorthand; use "read-all", "write-all", "{}" or a mapping of scopes.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'GitHub rejects a workflow with an unknown scope or level. `id-token` ' +
        "takes only `write` or `none`; `models` only `read` or `none` (the scopes and levels of GitHub's schema). " +
        'Severity error: GitHub rejects the workflow.',
      incorrect: 'permissions:\n  content: read\n  id-token: read\n',
      correct: 'permissions:\n  contents: read\n  id-token: write\n',
      peers: ['actionlint permissions'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    if (ctx.model.permissions) checkPermissions(ctx, ctx.model.permissions.value);
    for (const job of ctx.model.jobs) {
      const p = entry(job.node, doc, 'permissions', false);
      if (p) checkPermissions(ctx, p.value);
    }
  },
});
