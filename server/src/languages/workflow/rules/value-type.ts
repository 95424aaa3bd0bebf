import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF007',
    id: 'value-type',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      'Values must have the type their key expects, and expressions may only be used where GitHub evaluates them.',
    messages: {
      type: '{{section}} must be {{expected}}.',
      value: '"{{value}}" is not allowed in {{section}}; expected one of {{allowed}}.',
      expression: 'Expressions are not evaluated in {{section}}.',
      empty: '{{section}} must not be empty.',
    },
    fixable: false,
    docs: {
      rationale:
        'A mapping where a string is expected, `timeout-minutes: ten`, an empty `runs-on:`, a bare `env:` with no ' +
        'mapping, or `${{ }}` in `uses:` are rejected when the workflow is loaded. Types, allowed values, non-empty ' +
        "strings and the places that evaluate expressions (with the contexts each allows) come from GitHub's own " +
        'workflow schema. Severity error: GitHub rejects the workflow.',
      incorrect: 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: ten\n',
      correct: 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n',
      peers: ['actionlint syntax-check', 'actionlint expression'],
    },
  },
  check(ctx) {
    for (const i of ctx.model.schemaIssues) {
      if (i.kind === 'type')
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: 'type',
          data: { section: i.section, expected: i.expected },
        });
      else if (i.kind === 'value')
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: 'value',
          data: { section: i.section, value: i.value, allowed: i.allowed.map((a) => `"${a}"`).join(', ') },
        });
      else if (i.kind === 'empty')
        ctx.report({ start: i.start, end: i.end, messageId: 'empty', data: { section: i.section } });
      else if (i.kind === 'expression-not-allowed')
        ctx.report({ start: i.start, end: i.end, messageId: 'expression', data: { section: i.section } });
    }
  },
});
