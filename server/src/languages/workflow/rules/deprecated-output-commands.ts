import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { workflowCommands } from './deprecated-commands';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF032',
    id: 'deprecated-output-commands',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: 'The workflow commands `::set-output` and `::save-state` are deprecated.',
    messages: { output: '"::{{command}}" is deprecated; append "name=value" to the file in ${{file}} instead.' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'GitHub deprecated `::set-output` and `::save-state` (they print a warning on every run and are to be ' +
        'disabled like `::set-env`). Append `name=value` to the files named by `$GITHUB_OUTPUT` and ' +
        '`$GITHUB_STATE`; a one-line `echo` is rewritten by the suggestion. Severity warning: the command still ' +
        'works today.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - id: out\n        run: echo "::set-output name=dir::out"\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - id: out\n        run: echo "dir=out" >> "$GITHUB_OUTPUT"\n',
      peers: ['actionlint deprecated-commands'],
    },
  },
  check(ctx) {
    for (const c of ctx.once('workflow:commands', () => workflowCommands(ctx)))
      if (c.command === 'set-output' || c.command === 'save-state')
        ctx.report({
          start: c.start,
          end: c.end,
          messageId: 'output',
          data: { command: c.command, file: c.file },
          suggestions: c.suggestions,
        });
  },
});
