import { defineRule } from '../../../engine/define';
import type { Fix } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { expressionIssues, type ExprIssue } from '../expr/check';

/** "Change to" a nearby name, when the misspelt text is a plain name. */
export function renameSuggestion(text: string, i: ExprIssue): Fix[] | undefined {
  if (!i.replacement || !/^[A-Za-z_][\w-]*$/.test(text.slice(i.start, i.end))) return undefined;
  return [
    {
      title: `Change to "${i.replacement}"`,
      edits: [{ start: i.start, end: i.end, newText: i.replacement }],
      safe: false,
    },
  ];
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF030',
    id: 'expression-property',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'Properties read from typed contexts must exist: step ids, needed jobs and their outputs, matrix keys, ' +
      'inputs, declared secrets, action outputs.',
    messages: { property: '{{message}}' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'The contexts are typed from the workflow: `steps` holds the ids of the steps before this one (with the ' +
        'outputs their action declares: popular actions from the offline catalog, local actions from their ' +
        '`action.yml`), `needs` the jobs in `needs:` with their `outputs:`, `matrix` the keys of the matrix and its ' +
        '`include` with the types of their values, `inputs` the declared inputs, `secrets` the secrets a called ' +
        "workflow declares, `github` and `runner` GitHub's own properties, a `fromJSON()` of a literal its JSON. " +
        'Reading anything else gives an empty value at run time. Severity warning: GitHub runs the workflow, ' +
        'but the value is not what was meant.',
      incorrect:
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.build.outputs.dir }}\n',
      correct:
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: ' +
        'build\n        run: echo "dir=out" >> "$GITHUB_OUTPUT"\n      - run: echo ${{ ' +
        'steps.build.outputs.dir }}\n',
      peers: ['actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of expressionIssues(ctx))
      if (i.kind === 'unknown-property')
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: 'property',
          data: { message: i.message },
          suggestions: renameSuggestion(ctx.text, i),
        });
  },
});
