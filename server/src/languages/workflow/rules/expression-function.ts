import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { checkExpressions } from '../expr/check';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF003',
    id: 'expression-function',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      'Function calls in expressions: known functions, the right number of ' +
      'arguments, `format` placeholders, and status functions only in `if:`.',
    messages: { unknown: '{{message}}', arity: '{{message}}', unavailable: '{{message}}', format: '{{message}}' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'An unknown function or a wrong argument count fails the run. `format` ' +
        'must use exactly the placeholders `{0}`..`{n}` of its values; `success()`, `failure()`, ' +
        '`always()` and `cancelled()` only exist in `if:` conditions; `hashFiles()` only in steps.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: echo ${{ format('{0}-{1}', github.sha) }}\n",
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        "   - run: echo ${{ format('{0}-{1}', github.sha, github.run_id) }}\n",
      peers: ['actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of checkExpressions(ctx.model)) {
      const id =
        i.kind === 'unknown-function'
          ? 'unknown'
          : i.kind === 'arity'
            ? 'arity'
            : i.kind === 'unavailable-function'
              ? 'unavailable'
              : i.kind === 'format'
                ? 'format'
                : undefined;
      if (id)
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: id,
          data: { message: i.message },
          suggestions:
            i.replacement && /^[A-Za-z_][\w-]*$/.test(ctx.text.slice(i.start, i.end))
              ? [
                  {
                    title: `Change to "${i.replacement}"`,
                    edits: [{ start: i.start, end: i.end, newText: i.replacement }],
                    safe: false,
                  },
                ]
              : undefined,
        });
    }
  },
});
