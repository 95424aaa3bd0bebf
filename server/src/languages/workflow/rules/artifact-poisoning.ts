import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { actionOf, input, runsWorkspaceCode, stepsAfter, triggers } from '../security';

/** Actions that download the artifacts of another run. */
const DOWNLOADERS = new Set(['actions/download-artifact', 'dawidd6/action-download-artifact']);

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF101',
    id: 'artifact-poisoning',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 8.1 },
    fixable: false,
    description:
      'A `workflow_run` workflow unpacks artifacts of the triggering run into the workspace and then runs code there.',
    messages: {
      download:
        'The artifacts of the run that triggered this `workflow_run` come from untrusted code; unpacked into the ' +
        'workspace they can replace the files later steps run. Download to `${{ runner.temp }}` and read them as ' +
        'data.',
    },
    docs: {
      rationale:
        'A `workflow_run` workflow is the usual way to give a pull request workflow write access safely: the pull ' +
        'request run has no secrets and uploads its results, and the privileged run only reads them. That holds ' +
        'only while the artifacts stay data. Unpacked into the workspace (the default of `download-artifact`), an ' +
        'artifact can carry a `package.json`, a script, a `.git/hooks` file or a binary with the name of one the ' +
        'next steps run. Download into `${{ runner.temp }}/artifacts` (outside the checkout), check what you ' +
        'expect, and never execute it.',
      attack:
        'The author of a pull request makes its workflow upload an artifact holding a file named like one of the ' +
        "privileged workflow's scripts; the privileged run unpacks it over the real one and executes it with " +
        'secrets and a write token.',
      incorrect:
        'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  report:\n' +
        '    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - uses: actions/download-artifact@v4\n        with:\n          run-id: ${{ github.event.workflow_run.id }}\n' +
        '          github-token: ${{ github.token }}\n      - run: ./scripts/post-report.sh\n',
      correct:
        'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  report:\n' +
        '    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - uses: actions/download-artifact@v4\n        with:\n          run-id: ${{ github.event.workflow_run.id }}\n' +
        '          github-token: ${{ github.token }}\n          path: ${{ runner.temp }}/artifacts\n' +
        '      - run: ./scripts/post-report.sh "$RUNNER_TEMP/artifacts"\n',
      peers: ['CodeQL actions/artifact-poisoning', 'zizmor dangerous-triggers (the trigger only)'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!triggers(model).has('workflow_run')) return;
    for (const job of model.jobs)
      for (const step of job.steps) {
        const action = actionOf(step);
        let at: { start: number; end: number } | undefined;
        if (action && DOWNLOADERS.has(action)) {
          // without run-id, download-artifact reads this run's own artifacts
          if (action === 'actions/download-artifact' && !input(model, step, 'run-id')) continue;
          const path = input(model, step, 'path')?.value ?? '';
          if (/runner\.temp|RUNNER_TEMP|^\/tmp\//.test(path)) continue;
          at = step.uses!;
        } else if (step.run && /\bgh\s+run\s+download\b/.test(step.run.value)) {
          const line = /\bgh\s+run\s+download\b[^\n]*/.exec(step.run.value)![0];
          if (/(-D|--dir)[\s=]+["']?(\$RUNNER_TEMP|\$\{RUNNER_TEMP\}|\/tmp\/|\$\{\{\s*runner\.temp)/.test(line))
            continue;
          at = step.run;
        }
        if (at && stepsAfter(job, step).some(runsWorkspaceCode))
          ctx.report({ start: at.start, end: at.end, messageId: 'download' });
      }
  },
});
