import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entries, nodeRange, scalarText } from '../../../yaml/view';
import { contentRange } from '../../../yaml/scalar';

const REF_KEYS = new Set(['branches', 'branches-ignore', 'tags', 'tags-ignore']);
const PATH_KEYS = new Set(['paths', 'paths-ignore']);

export interface GlobProblem {
  /** Offset of the character inside the pattern. */
  at: number;
  reason: string;
  /** `syntax`: a broken pattern (error); `never`: a pattern that cannot match what it is meant to (warning). */
  kind: 'syntax' | 'never';
}

/** Special characters of filter patterns that may not follow one another (`*?`, `v*+`) or start a pattern. */
const QUANTIFIERS = new Set(['?', '+']);

/**
 * The problems of one filter pattern: its syntax (GitHub's filter cheat sheet: `*`, `**`, `?` and `+` after a
 * character, `[...]` classes with ascending ranges, `\` escaping a special character, `!` negating), and what makes a
 * branch or tag pattern unable to match a git ref name (spaces, `~ ^ :`, a leading or trailing `/`, a trailing `.`).
 */
export function globProblems(pattern: string, isRef: boolean): GlobProblem[] {
  const out: GlobProblem[] = [];
  if (pattern === '' || pattern === '!') return [{ at: 0, reason: 'the pattern is empty', kind: 'syntax' }];
  let i = pattern.startsWith('!') ? 1 : 0;
  if (!isRef && /^\s/.test(pattern.slice(i)))
    out.push({ at: i, reason: 'a path pattern starting with a space never matches', kind: 'never' });
  if (!isRef && pattern.startsWith('./', i))
    out.push({ at: i, reason: 'paths are matched from the repository root without "./"', kind: 'never' });
  if (isRef && pattern[i] === '/') out.push({ at: i, reason: 'a git ref name cannot start with "/"', kind: 'never' });
  // Whether the previous character can be repeated by ? or + (a plain character, a class or an escape).
  let prev = false;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n !== undefined && '[?*+\\!'.includes(n)) i++;
      prev = true;
      continue;
    }
    if (QUANTIFIERS.has(c)) {
      if (!prev)
        out.push({
          at: i,
          reason: `"${c}" repeats the character before it, which must not be a special character`,
          kind: 'syntax',
        });
      prev = false;
      continue;
    }
    if (c === '*') {
      prev = false;
      continue;
    }
    if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        out.push({ at: pattern.length, reason: 'a "[" is not closed with "]"', kind: 'syntax' });
        return out;
      }
      const body = pattern.slice(i + 1, close);
      if (!body) out.push({ at: close, reason: 'an empty character class "[]"', kind: 'syntax' });
      const chars = body.startsWith('!') ? body.slice(1) : body;
      for (let j = 0; j + 2 < chars.length; j++) {
        if (chars[j + 1] !== '-') continue;
        if (chars[j] > chars[j + 2])
          out.push({
            at: i + 1 + (body.length - chars.length) + j + 2,
            reason: `the range "${chars[j]}-${chars[j + 2]}" goes down`,
            kind: 'syntax',
          });
        j += 2;
      }
      if (body.endsWith('-') && body.length > 1)
        out.push({ at: close, reason: 'a range in "[]" has no end', kind: 'syntax' });
      if (isRef) out.push(...refChars(body, i + 1));
      i = close;
      prev = true;
      continue;
    }
    if (isRef && (c === ' ' || c === '\t' || c === '~' || c === '^' || c === ':'))
      out.push({
        at: i,
        reason: `git ref names cannot contain ${c === ' ' || c === '\t' ? 'spaces' : `"${c}"`}`,
        kind: 'never',
      });
    prev = true;
  }
  if (isRef && /[/.]$/.test(pattern) && !pattern.endsWith('\\.'))
    out.push({ at: pattern.length - 1, reason: 'a git ref name cannot end with "/" or "."', kind: 'never' });
  if (isRef && pattern.includes('..'))
    out.push({ at: pattern.indexOf('..'), reason: 'git ref names cannot contain ".."', kind: 'never' });
  return out;
}

function refChars(body: string, base: number): GlobProblem[] {
  const out: GlobProblem[] = [];
  for (let j = 0; j < body.length; j++)
    if (body[j] === ' ' || body[j] === '~' || body[j] === '^' || body[j] === ':')
      out.push({ at: base + j, reason: `git ref names cannot contain "${body[j]}"`, kind: 'never' });
  return out;
}

/** `branches-ignore` → branch, `tags` → tag, `paths` → path. */
export function kindOf(key: string): string {
  return key.startsWith('branch') ? 'branch' : key.startsWith('tag') ? 'tag' : 'path';
}

export interface FilterPattern {
  key: string;
  isRef: boolean;
  pattern: string;
  /** Offset of the pattern's first character in the document. */
  at: number;
  start: number;
  end: number;
  problems: GlobProblem[];
}

/** Every branch, tag and path filter pattern of the triggers, checked once per check. */
export function filterPatterns(ctx: { model: WorkflowModel; text: string }): FilterPattern[] {
  const doc = ctx.model.doc;
  const out: FilterPattern[] = [];
  for (const t of ctx.model.triggers)
    for (const e of entries(asMap(t.value, doc), doc, false)) {
      const isRef = REF_KEYS.has(e.key);
      if (!isRef && !PATH_KEYS.has(e.key)) continue;
      for (const it of asSeq(e.value, doc)?.items ?? [e.value]) {
        const s = asScalar(it, doc);
        const v = scalarText(s);
        if (!s || v === undefined || v.includes('${{') || /^\$[a-z][a-z-]*$/.test(v)) continue;
        const [start, end] = nodeRange(s);
        const { start: at } = contentRange(s);
        out.push({ key: e.key, isRef, pattern: v, at, start, end, problems: globProblems(v, isRef) });
      }
    }
  return out;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF019',
    id: 'glob',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Branch, tag and path filter patterns must be valid glob patterns.',
    messages: { invalid: 'Invalid {{kind}} pattern "{{pattern}}": {{reason}}.' },
    fixable: false,
    docs: {
      rationale:
        'Filter patterns use `*`, `**`, `?` and `+` (after a character), `[...]` classes with ascending ranges, ' +
        '`\\` to escape a special character and a leading `!` to negate. A `+` or `?` after another special ' +
        'character, an unclosed `[`, an empty class or a range that goes down is a broken pattern. Severity ' +
        'error: GitHub refuses the pattern. (Patterns that are valid but cannot match a ref name are WF036.)',
      incorrect: "on:\n  push:\n    tags: ['v[5-2].*']\n",
      correct: "on:\n  push:\n    tags: ['v[2-5].*']\n",
      peers: ['actionlint glob'],
    },
  },
  check(ctx) {
    for (const f of ctx.once('workflow:filters', () => filterPatterns(ctx)))
      for (const p of f.problems)
        if (p.kind === 'syntax')
          ctx.report({
            start: Math.min(f.at + p.at, f.end),
            end: Math.min(f.at + p.at + 1, f.end),
            messageId: 'invalid',
            data: { kind: kindOf(f.key), pattern: f.pattern, reason: p.reason },
          });
  },
});
