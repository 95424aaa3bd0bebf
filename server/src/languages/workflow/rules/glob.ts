import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entries, nodeRange, scalarText } from '../../../yaml/view';

const REF_KEYS = new Set(['branches', 'branches-ignore', 'tags', 'tags-ignore']);
const PATH_KEYS = new Set(['paths', 'paths-ignore']);

/** Problems of one filter pattern, or undefined. */
export function globProblem(p: string, isRef: boolean): string | undefined {
  if (p === '' || p === '!') return 'the pattern is empty';
  const body = p.startsWith('!') ? p.slice(1) : p;
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      if (depth) return 'a "[" inside a character class';
      depth = 1;
      if (body[i + 1] === ']') return 'an empty character class "[]"';
    } else if (c === ']' && depth) depth = 0;
  }
  if (depth) return 'a "[" is not closed with "]"';
  if (isRef) {
    if (/\s/.test(body)) return 'git ref names cannot contain spaces';
    if (/[~^:\\]/.test(body.replace(/\\./g, ''))) return 'git ref names cannot contain "~", "^", ":" or "\\"';
    if (body.includes('..')) return 'git ref names cannot contain ".."';
  } else if (body.startsWith('./'))
    return 'paths are matched from the repository root without "./"; this pattern never matches';
  return undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF019',
    id: 'glob',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Branch, tag and path filter patterns must be valid glob patterns that can match.',
    messages: { invalid: 'Invalid {{kind}} pattern "{{pattern}}": {{reason}}.' },
    fixable: false,
    docs: {
      rationale:
        'A broken pattern makes GitHub reject the workflow or silently never ' +
        'match, so the workflow never runs for the refs or paths you meant.',
      incorrect: "on:\n  push:\n    paths: ['./src/**']\n",
      correct: "on:\n  push:\n    paths: ['src/**']\n",
      peers: ['actionlint glob'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const t of ctx.model.triggers) {
      for (const e of entries(asMap(t.value, doc), doc, false)) {
        const isRef = REF_KEYS.has(e.key);
        if (!isRef && !PATH_KEYS.has(e.key)) continue;
        for (const it of asSeq(e.value, doc)?.items ?? [e.value]) {
          const s = asScalar(it, doc);
          const v = scalarText(s);
          if (!s || v === undefined || v.includes('${{')) continue;
          const reason = globProblem(v, isRef);
          if (reason) {
            const [start, end] = nodeRange(s);
            ctx.report({
              start,
              end,
              messageId: 'invalid',
              data: { kind: isRef ? e.key.replace('-ignore', '') : 'path', pattern: v, reason },
            });
          }
        }
      }
    }
  },
});
