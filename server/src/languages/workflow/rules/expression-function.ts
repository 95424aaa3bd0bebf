import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { expressionIssues } from '../expr/check';
import { renameSuggestion } from './expression-property';

const IDS: Record<string, string> = {
  'unknown-function': 'unknown',
  arity: 'arity',
  'unavailable-function': 'unavailable',
  format: 'format',
  fromjson: 'json',
};

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF003',
    id: 'expression-function',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      'Function calls in expressions: known functions, the number of arguments GitHub accepts, `format` ' +
      'placeholders that have a value, valid JSON in `fromJSON`, and status functions only in `if:`.',
    messages: {
      unknown: '{{message}}',
      arity: '{{message}}',
      unavailable: '{{message}}',
      format: '{{message}}',
      json: '{{message}}',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'An unknown function, a wrong argument count, or `success()`/`failure()`/`always()`/`cancelled()` outside ' +
        'an `if:` (`hashFiles()` outside steps) make GitHub reject the workflow when it loads it; a `format` ' +
        'placeholder with no value and a `fromJSON` of broken JSON fail the run when evaluated. Severity error ' +
        'for all of them. Arguments of a type the function makes no sense with are WF004 (a warning).',
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
    for (const i of expressionIssues(ctx)) {
      const id = IDS[i.kind];
      if (id)
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: id,
          data: { message: i.message },
          suggestions: renameSuggestion(ctx.text, i),
        });
    }
  },
});
