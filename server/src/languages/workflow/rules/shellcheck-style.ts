import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { reportShellcheck } from './shellcheck';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF047',
    id: 'shellcheck-style',
    kinds: ['workflow'],
    defaultSeverity: 'info',
    description: 'ShellCheck info and style notes in bash and sh `run:` scripts (trusted workspaces).',
    messages: { finding: 'shellcheck SC{{code}} ({{level}}): {{message}}' },
    fixable: false,
    tools: ['shellcheck'],
    docs: {
      rationale:
        'The same shellcheck run as WF028, its `info` and `style` levels: unquoted variables (SC2086), `$(...)` ' +
        'preferred to backticks and similar advice. Severity info: practice; the script works as it is in the ' +
        'cases its author tried.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp $SRC $DEST\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp "$SRC" "$DEST"\n',
      peers: ['actionlint shellcheck'],
    },
  },
  check(ctx) {
    reportShellcheck(ctx, ['info', 'style']);
  },
});
