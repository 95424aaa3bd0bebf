import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF005',
    id: 'workflow-unknown-key',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      "Every key must be one the section accepts (GitHub's schema), keys that exclude each other must not be " +
      'combined, and no key may repeat, even in another case.',
    messages: {
      unknown: 'Unknown key "{{key}}" in {{section}}.{{hint}}',
      conflict: '"{{key}}" cannot be used together with "{{other}}" in {{section}}.',
      duplicate: '"{{key}}" repeats "{{other}}" in {{section}}: GitHub compares keys case-insensitively.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'GitHub rejects a workflow with a key it does not know, often a typo ' +
        'such as `run-on` for `runs-on`. A step is either `uses:` (with `with:`) or `run:` (with ' +
        '`shell:` and `working-directory:`); a job calling a reusable workflow takes no `runs-on` ' +
        "or `steps`. GitHub reads every mapping's keys case-insensitively, so `NODE_ENV` and `node_env` in one " +
        "`env:` (or two `with:` inputs that differ in case) are the same key twice. The keys come from GitHub's " +
        'own workflow schema (`workflow-v1.0.json` of @actions/workflow-parser), so newer syntax such as ' +
        'background steps is known. Severity error: GitHub rejects the workflow.',
      incorrect: 'jobs:\n  a:\n    run-on: ubuntu-latest\n',
      correct: 'jobs:\n  a:\n    runs-on: ubuntu-latest\n',
      peers: ['actionlint syntax-check'],
    },
  },
  check(ctx) {
    for (const i of ctx.model.schemaIssues) {
      if (i.kind === 'unknown-key') {
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: 'unknown',
          data: { key: i.key, section: i.section, hint: i.suggestion ? ` Did you mean "${i.suggestion}"?` : '' },
          suggestions: i.suggestion
            ? [
                {
                  title: `Rename to "${i.suggestion}"`,
                  edits: [{ start: i.start, end: i.end, newText: i.suggestion }],
                  safe: false,
                },
              ]
            : undefined,
        });
      } else if (i.kind === 'duplicate-key') {
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: 'duplicate',
          data: { key: i.key, other: i.other, section: i.section },
        });
      } else if (i.kind === 'conflict') {
        ctx.report({
          start: i.start,
          end: i.end,
          messageId: 'conflict',
          data: { key: i.key, other: i.other, section: i.section },
        });
      }
    }
  },
});
