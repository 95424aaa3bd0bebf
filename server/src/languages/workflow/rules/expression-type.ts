import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { checkExpressions } from '../expr/check';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF004',
    id: 'expression-type',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Expression operands must have types the operation accepts.',
    messages: { type: '{{message}}' },
    fixable: false,
    docs: {
      rationale:
        'Reading a property of a string, comparing objects with `<`, or ' +
        'passing an object where a string is expected always gives a useless result.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - run: echo hi\n        if: ${{ github.sha.length > 0 }}\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: echo hi\n        if: ${{ github.sha != '' }}\n",
      peers: ['actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of checkExpressions(ctx.model))
      if (i.kind === 'type')
        ctx.report({ start: i.start, end: i.end, messageId: 'type', data: { message: i.message } });
  },
});
