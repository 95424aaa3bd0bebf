import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { checkExpressions } from '../expr/check';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF002',
    id: 'expression-context',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Contexts and properties read by expressions must exist and be available where they are used.',
    messages: { undefined: '{{message}}', unavailable: '{{message}}', property: '{{message}}' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Reading `steps.build.outputs.x` where no step has id `build`, ' +
        '`needs.test` without `needs: test`, `matrix.os` without a matrix, or `secrets` in a ' +
        'job-level `if:` yields an empty value or an error at run time. The types come from the ' +
        'workflow: step ids before the step, declared needs and their outputs, matrix keys, inputs.',
      incorrect:
        'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.build.outputs.dir }}\n',
      correct:
        'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: ' +
        'build\n        run: echo "dir=out" >> "$GITHUB_OUTPUT"\n      - run: echo ${{ ' +
        'steps.build.outputs.dir }}\n',
      peers: ['actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of checkExpressions(ctx.model)) {
      const id =
        i.kind === 'undefined-context'
          ? 'undefined'
          : i.kind === 'unavailable-context'
            ? 'unavailable'
            : i.kind === 'unknown-property'
              ? 'property'
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
