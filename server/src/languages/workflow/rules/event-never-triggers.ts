import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, entry } from '../../../yaml/view';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF035',
    id: 'event-never-triggers',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'Triggers GitHub accepts but never fires: `workflow_run` without `workflows:`, `pull_request_comment`.',
    messages: {
      workflows:
        '"workflow_run" needs "workflows:", the workflows whose runs trigger this one; without it, it never fires.',
      prComment: '"pull_request_comment" never fires: comments on pull requests come as "issue_comment" events.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A `workflow_run` trigger fires for the runs of the workflows named in `workflows:`; with none named it ' +
        'never fires. GitHub delivers comments on pull requests as `issue_comment` (check ' +
        '`github.event.issue.pull_request`), so `pull_request_comment` never fires. Severity warning: the workflow ' +
        'is accepted, it just never runs for that trigger.',
      incorrect:
        'on:\n  workflow_run:\n    types: [completed]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      correct:
        'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  a:\n    runs-on: ubuntu-latest\n' +
        '    steps:\n      - run: make\n',
      peers: ['actionlint events'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const t of ctx.model.triggers) {
      if (t.name === 'workflow_run' && !entry(asMap(t.value, doc), doc, 'workflows', false))
        ctx.report({ start: t.start, end: t.end, messageId: 'workflows' });
      if (t.name === 'pull_request_comment')
        ctx.report({
          start: t.start,
          end: t.end,
          messageId: 'prComment',
          suggestions: [
            {
              title: 'Use "issue_comment"',
              edits: [{ start: t.start, end: t.end, newText: 'issue_comment' }],
              safe: false,
            },
          ],
        });
    }
  },
});
