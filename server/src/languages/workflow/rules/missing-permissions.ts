import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { entry } from '../../../yaml/view';
import { lineStartOf, eol } from '../edits';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF022',
    id: 'missing-permissions',
    kinds: ['workflow'],
    defaultSeverity: 'info',
    description: 'Set `permissions:` so the GITHUB_TOKEN has no more rights than the workflow needs.',
    messages: {
      missing:
        'No "permissions:" is set, so the GITHUB_TOKEN gets the repository\'s ' +
        'default rights (often write to everything).',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Without `permissions:` the token has the repository default, which in ' +
        'older repositories is write access to contents, packages, issues and more. A compromised ' +
        'step can then push code. Start from `contents: read` and add what jobs need. Severity info: a practice; ' +
        'the workflow runs with the default.',
      incorrect: 'on: push\njobs:\n  test: { runs-on: ubuntu-latest, steps: [{ run: make }] }\n',
      correct:
        'on: push\npermissions:\n  contents: read\njobs:\n  test: { runs-on: ubuntu-latest, steps: [{ run: make }] }\n',
      peers: ['zizmor excessive-permissions', 'scorecard Token-Permissions'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.root || model.permissions || !model.jobs.length) return;
    if (model.jobs.every((j) => entry(j.node, model.doc, 'permissions', false))) return;
    const jobs = entry(model.root, model.doc, 'jobs', false);
    if (!jobs || model.root.flow) return;
    const at = lineStartOf(ctx.text, jobs.keyStart);
    if (at !== jobs.keyStart) return;
    const nl = eol(ctx.text);
    ctx.report({
      start: jobs.keyStart,
      end: jobs.keyEnd,
      messageId: 'missing',
      suggestions: [
        {
          title: 'Add top-level "permissions: contents: read"',
          edits: [{ start: at, end: at, newText: `permissions:${nl}  contents: read${nl}${nl}` }],
          safe: false,
        },
      ],
    });
  },
});
