import { defineRule } from '../../../engine/define';
import type { DockerignoreModel, IgnorePattern } from '../patterns';

/**
 * Whether pattern `a` matches every path `b` (as a literal path or pattern) could match — approximated on literal
 * paths.
 */
function covers(a: IgnorePattern, b: IgnorePattern): boolean {
  if (!a.regex) return false;
  const literal = !/[*?[\\]/.test(b.cleaned);
  if (literal) return a.regex.test(b.cleaned);
  // a pattern: a covers it when a is `**` or an ancestor folder of b's fixed prefix
  const fixed = b.cleaned.split('/').filter((_, k, arr) => !arr.slice(0, k + 1).some((s) => /[*?[\\]/.test(s)));
  return fixed.length > 0 && a.regex.test(fixed.join('/')) && !/[*?[]/.test(a.cleaned.split('/').pop() ?? '');
}

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
    pats.forEach((p, k) => {
      if (!p.negated || !p.regex) return;
      const later = pats.slice(k + 1).find((q) => !q.negated && covers(q, p));
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
        return;
      }
      const earlier = pats.slice(0, k).filter((q) => !q.negated);
      const literal = !/[*?[\\]/.test(p.cleaned);
      if (earlier.length === 0 || (literal && !earlier.some((q) => q.regex?.test(p.cleaned)))) {
        ctx.report({ start: p.start, end: p.end, messageId: 'nothingExcluded', data: { pattern: p.text } });
      }
    });
  },
});
