import { defineRule } from '../../../engine/define';
import type { DockerignoreModel, IgnorePattern } from '../patterns';

/**
 * Whether pattern `a` matches every path `b` (as a literal path or pattern) could match — approximated on literal
 * paths.
 */
function covers(a: IgnorePattern, b: IgnorePattern): boolean {
  if (!a.matcher) return false;
  const literal = !/[*?[\\]/.test(b.cleaned);
  if (literal) return a.matcher.test(b.cleaned);
  // a pattern: a covers it when a is `**` or an ancestor folder of b's fixed prefix
  const fixed = b.cleaned.split('/').filter((_, k, arr) => !arr.slice(0, k + 1).some((s) => /[*?[\\]/.test(s)));
  return fixed.length > 0 && a.matcher.test(fixed.join('/')) && !/[*?[]/.test(a.cleaned.split('/').pop() ?? '');
}

/**
 * How many pattern pairs one file may compare: each re-include is compared with the excludes around
 * it, which is quadratic in the lines of a generated file; past this the rule stops (about 50 ms).
 */
const MAX_COMPARISONS = 50_000;

export const rule = defineRule<DockerignoreModel>({
  meta: {
    code: 'DI003',
    id: 'useless-reinclude',
    kinds: ['dockerignore'],
    defaultSeverity: 'warning',
    description: 'A `!` re-include that can never take effect.',
    messages: {
      nothingExcluded: '`!{{pattern}}` re-includes paths that no earlier pattern excludes: it has no effect.',
      overridden:
        '`!{{pattern}}` is undone by `{{later}}` on line {{line}}: the last ' +
        'matching pattern wins, so move the re-include after it.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Patterns apply in order and the last match wins: a re-include before ' +
        'the pattern that excludes the same path does nothing, and one that follows no matching ' +
        'exclude is noise. The fix for the first case moves the re-include to the end (a ' +
        'suggestion).',
      incorrect: '!README.md\n*.md',
      correct: '*.md\n!README.md',
      peers: [],
    },
  },
  check(ctx) {
    const pats = ctx.model.patterns;
    const excludes: IgnorePattern[] = pats.filter((p) => !p.negated);
    let budget = MAX_COMPARISONS;
    /** Excludes before the current pattern (they come in file order). */
    let before = 0;
    for (const p of pats) {
      if (!p.negated) {
        before++;
        continue;
      }
      if (!p.matcher) continue;
      let later: IgnorePattern | undefined;
      for (let j = before; j < excludes.length && !later && budget > 0; j++, budget--)
        if (covers(excludes[j], p)) later = excludes[j];
      if (!later && budget <= 0) return;
      if (later) {
        let lineEnd = ctx.text.indexOf('\n', p.end);
        lineEnd = lineEnd < 0 ? ctx.text.length : lineEnd + 1;
        const lineStart = ctx.text.lastIndexOf('\n', p.start - 1) + 1;
        const sep = ctx.text.endsWith('\n') ? '' : '\n';
        ctx.report({
          start: p.start,
          end: p.end,
          messageId: 'overridden',
          data: { pattern: p.text, later: later.text, line: ctx.lines.position(later.start).line + 1 },
          fix: {
            title: 'Move the re-include to the end',
            safe: false,
            edits: [
              { start: lineStart, end: lineEnd, newText: '' },
              { start: ctx.text.length, end: ctx.text.length, newText: sep + ctx.text.slice(p.start, p.end) + '\n' },
            ],
          },
        });
        continue;
      }
      const literal = !/[*?[\\]/.test(p.cleaned);
      if (literal && before > budget) return;
      if (before === 0 || (literal && !excludes.slice(0, before).some((q) => q.matcher?.test(p.cleaned)))) {
        ctx.report({ start: p.start, end: p.end, messageId: 'nothingExcluded', data: { pattern: p.text } });
      }
      if (literal) budget -= before;
    }
  },
});
