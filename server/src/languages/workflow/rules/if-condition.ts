import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF016',
    id: 'if-condition',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: '`if:` conditions must not be constant, and `${{ }}` must not be glued to other text in them.',
    messages: {
      glued:
        'This condition mixes "${{ }}" with other text, so it is a non-empty ' +
        'string and always true. Put the whole condition inside one "${{ }}", or drop "${{ }}".',
      constant: 'The condition is always {{value}}.',
    },
    fixable: false,
    docs: {
      rationale:
        '`if: ${{ a }} && ${{ b }}` is the string "true && false" after ' +
        'substitution, which is truthy: the step always runs. A literal `if: true` or `if: false` ' +
        'is dead code.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: make deploy\n        if: ${{ github.event_name == 'push' }} && ${{ github.ref " +
        "== 'refs/heads/main' }}\n",
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: make deploy\n        if: github.event_name == 'push' && github.ref == " +
        "'refs/heads/main'\n",
      peers: ['actionlint if-cond'],
    },
  },
  check(ctx) {
    const seen = new Set<unknown>();
    for (const site of ctx.model.expressions) {
      if (!site.isIf) continue;
      const s = site.scalar;
      if (site.wrapped) {
        if (seen.has(s)) continue;
        const v = s.value.trim();
        const isWhole = v.startsWith('${{') && v.endsWith('}}') && v.indexOf('${{', 3) < 0;
        if (!isWhole) {
          seen.add(s);
          ctx.report({ start: s.start, end: s.end, messageId: 'glued' });
          continue;
        }
      }
      const e = site.expr;
      if (e && (e.kind === 'bool' || e.kind === 'number' || e.kind === 'string' || e.kind === 'null')) {
        const truthy =
          e.kind === 'bool'
            ? e.value
            : e.kind === 'number'
              ? e.value !== 0 && !Number.isNaN(e.value)
              : e.kind === 'string'
                ? e.value !== ''
                : false;
        ctx.report({
          start: site.start,
          end: site.end,
          messageId: 'constant',
          data: { value: truthy ? 'true' : 'false' },
        });
      }
    }
  },
});
