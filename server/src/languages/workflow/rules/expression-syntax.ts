import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { expressionIssues } from '../expr/check';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF001',
    id: 'expression-syntax',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: '`${{ }}` expressions must be well-formed.',
    messages: { syntax: 'Invalid expression: {{message}}' },
    fixable: false,
    docs: {
      rationale:
        'A malformed expression fails the run when GitHub evaluates it. ' +
        'Strings use single quotes, comparison is `==`, and every `${{` needs its `}}`. Severity error: GitHub ' +
        'rejects the workflow when it loads it.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - run: echo hi\n        if: ${{ github.ref = "refs/heads/main" }}\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: echo hi\n        if: ${{ github.ref == 'refs/heads/main' }}\n",
      peers: ['actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of expressionIssues(ctx))
      if (i.kind === 'syntax')
        ctx.report({ start: i.start, end: i.end, messageId: 'syntax', data: { message: i.message } });
  },
});
