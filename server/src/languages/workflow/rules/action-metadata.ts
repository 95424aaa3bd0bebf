import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { localActionProblems } from './local-action';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF044',
    id: 'action-metadata',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: "A local action's `action.yml` should use known keys and a valid `branding` icon and color.",
    messages: { problem: 'The metadata of the local action {{action}}: {{problem}} in {{file}}.' },
    fixable: false,
    docs: {
      rationale:
        '`branding.icon` must be one of the Feather icons GitHub offers and `branding.color` one of its colors, ' +
        'unknown top-level keys are ignored, and a `pre-if`/`post-if` without its `pre`/`post` does nothing. ' +
        "Checked against GitHub's action metadata schema. Severity warning: the action runs; the Marketplace " +
        'or a reader is misled.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - uses: ./.github/actions/setup\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - uses: ./.github/actions/lint\n',
      files: {
        '../actions/setup/action.yml':
          'name: setup\ndescription: Set up\nruns:\n  using: composite\n  steps:\n    - run: make\n      shell: bash\n' +
          'branding:\n  icon: rocket-ship\n  color: pink\n',
        '../actions/lint/action.yml':
          'name: lint\ndescription: Lint\nruns:\n  using: composite\n  steps:\n    - run: make\n      shell: bash\n' +
          'branding:\n  icon: check\n  color: green\n',
      },
      peers: ['actionlint action'],
    },
  },
  check(ctx) {
    for (const { step, meta } of localActionProblems(ctx))
      for (const p of meta.problems)
        if (p.severity === 'warning')
          ctx.report({
            start: step.uses!.start,
            end: step.uses!.end,
            messageId: 'problem',
            data: {
              action: step.uses!.value,
              problem: p.message,
              file: meta.file.slice(meta.file.lastIndexOf('/') + 1),
            },
            related: [{ path: meta.file, start: p.start, end: p.end, message: p.message }],
          });
  },
});
