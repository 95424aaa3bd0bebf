import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF016',
    id: 'if-condition',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'An `if:` with `${{ }}` must be exactly one `${{ }}`: any text around it makes the condition always true.',
    messages: {
      glued:
        'This condition is "${{ }}" with other text around it ({{what}}), so it is a non-empty string and always ' +
        'true. Put the whole condition inside one "${{ }}", or drop "${{ }}".',
    },
    fixable: false,
    docs: {
      rationale:
        '`if: ${{ a }} && ${{ b }}` is the string "true && false" after substitution, which is truthy: the step ' +
        'always runs. The same happens with a block scalar (`if: |` keeps a final newline) or a space inside ' +
        'quotes after `}}`. Severity warning: GitHub runs the workflow, but the condition never stops anything.',
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
      if (!site.isIf || !site.wrapped) continue;
      const s = site.scalar;
      if (seen.has(s)) continue;
      seen.add(s);
      const v = s.value;
      const count = v.split('${{').length - 1;
      const exact = count === 1 && v.startsWith('${{') && v.endsWith('}}');
      if (exact) continue;
      const what =
        count > 1
          ? 'several "${{ }}"'
          : v.trim() !== v
            ? v.endsWith('\n')
              ? 'a final newline kept by the block scalar'
              : 'spaces'
            : 'text';
      ctx.report({ start: s.start, end: s.end, messageId: 'glued', data: { what } });
    }
  },
});
