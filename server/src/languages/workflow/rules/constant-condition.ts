import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF033',
    id: 'constant-condition',
    kinds: ['workflow'],
    defaultSeverity: 'info',
    description: 'An `if:` that is a literal (`true`, `false`, a number or a string) is always the same.',
    messages: { constant: 'The condition is always {{value}}.' },
    fixable: false,
    docs: {
      rationale:
        'A literal condition is dead code (`if: false`) or noise (`if: true`), often left from debugging. ' +
        'Severity info: it is deliberate as often as not, and the workflow works.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        if: false\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      peers: [],
    },
  },
  check(ctx) {
    for (const site of ctx.model.expressions) {
      const e = site.expr;
      if (!site.isIf || !e) continue;
      if (e.kind !== 'bool' && e.kind !== 'number' && e.kind !== 'string' && e.kind !== 'null') continue;
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
  },
});
