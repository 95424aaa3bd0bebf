import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { expressionIssues } from '../expr/check';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF004',
    id: 'expression-type',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'Expression values must have types the operation uses: no object, array or null inside a text, no ' +
      'comparison that is always false, arguments a function makes sense with, the type a key needs.',
    messages: { type: '{{message}}' },
    fixable: false,
    docs: {
      rationale:
        'GitHub evaluates expressions leniently: an object or an array put in a text becomes `Object` or ' +
        "`Array`, null becomes an empty string, `github.event == 'push'` is always false, an object indexed " +
        'with a number or a property read from a string give null, `join()` of a string gives the string back, ' +
        '`env: ${{ matrix.settings }}` needs a mapping and gets a string, and a `format` value no placeholder ' +
        'uses is dropped. The types come from the workflow (matrix values, inputs, action outputs, `fromJSON` of ' +
        'a literal). Severity warning: the run goes on with a value that is not the one meant.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: echo hi\n        if: ${{ github.event == 'push' }}\n",
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: echo hi\n        if: ${{ github.event_name == 'push' }}\n",
      peers: ['actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of expressionIssues(ctx))
      if (i.kind === 'type')
        ctx.report({ start: i.start, end: i.end, messageId: 'type', data: { message: i.message } });
  },
});
