import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { expressionIssues } from '../expr/check';
import { renameSuggestion } from './expression-property';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF002',
    id: 'expression-context',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Contexts read by expressions must exist and be available where they are used.',
    messages: { undefined: '{{message}}', unavailable: '{{message}}' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Each place of a workflow evaluates its expressions with some contexts only: `secrets` is not available in ' +
        "a job's `if:`, `matrix` not in a step's `shell:`, nothing at all in a workflow-level `defaults.run.shell`. " +
        "Which place allows which context comes from the `context` lists of GitHub's own workflow schema. " +
        'Severity error: GitHub rejects a workflow that names an unknown context, or one that is not available ' +
        'where it is used, when it loads it.',
      incorrect:
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    if: secrets.TOKEN != ''\n    steps:\n" +
        '      - run: make\n',
      correct:
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n' +
        "        if: env.TOKEN != ''\n        env:\n          TOKEN: ${{ secrets.TOKEN }}\n",
      peers: ['actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of expressionIssues(ctx)) {
      const id = i.kind === 'undefined-context' ? 'undefined' : i.kind === 'unavailable-context' ? 'unavailable' : '';
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
