import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF045',
    id: 'unused-anchor',
    kinds: ['workflow'],
    defaultSeverity: 'info',
    description: 'A YAML anchor (`&name`) that no alias (`*name`) uses.',
    messages: { unused: 'Anchor "&{{name}}" is not used by any alias.' },
    fixable: 'safe',
    docs: {
      rationale:
        'GitHub reads YAML anchors and aliases in workflows. An anchor nothing refers to is left over from an edit, ' +
        'or the alias meant to use it is misspelt (an alias to a missing anchor is a YAML error, WF000). ' +
        'Severity info: it changes nothing.',
      incorrect:
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env: &common\n      CI: "1"\n    steps:\n      - run: make\n',
      correct:
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      CI: "1"\n    steps:\n      - run: make\n',
      peers: ['actionlint syntax-check'],
    },
  },
  check(ctx) {
    for (const a of ctx.model.anchors) {
      if (a.used) continue;
      // Removing `&name` with one space beside it leaves the value as it was.
      const after = ctx.text[a.end] === ' ';
      const start = !after && ctx.text[a.start - 1] === ' ' ? a.start - 1 : a.start;
      const end = after ? a.end + 1 : a.end;
      ctx.report({
        start: a.start,
        end: a.end,
        messageId: 'unused',
        data: { name: a.name },
        fix: { title: `Remove "&${a.name}"`, edits: [{ start, end, newText: '' }], safe: true },
      });
    }
  },
});
