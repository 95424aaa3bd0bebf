import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { selfHosted, triggers } from '../security';

/** Events that forks (anyone, on a public repository) can start, and whether the fork's code runs. */
const FORK_EVENTS: Record<string, boolean> = {
  pull_request: true,
  pull_request_review: true,
  pull_request_review_comment: true,
  pull_request_target: false,
  issue_comment: false,
};

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF108',
    id: 'self-hosted-runner-untrusted-trigger',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 8.3 },
    fixable: false,
    description: 'A job on a self-hosted runner can be started from a fork (pull requests, comments).',
    messages: {
      forkCode:
        'Job "{{job}}" runs on a self-hosted runner for `{{event}}`: on a public repository a pull request from ' +
        'any fork runs its own code on your machine.',
      forkTrigger:
        'Job "{{job}}" runs on a self-hosted runner for `{{event}}`, which anyone who can comment or open a pull ' +
        'request starts at will.',
    },
    docs: {
      rationale:
        'Self-hosted runners are not wiped between jobs and sit on your network. A job for `pull_request` runs ' +
        "the pull request's code, so on a public repository anyone with a GitHub account can run commands on the " +
        'runner, persist there and watch later jobs (with their secrets). GitHub’s own advice is to use ' +
        'self-hosted runners only with private repositories, or with ephemeral, isolated runners and approval of ' +
        'outside contributors’ runs. Runner labels named in `workflow.self-hosted-runner-labels` of ' +
        '`.shipshape.yaml` count as self-hosted too.',
      attack:
        'An outsider opens a pull request whose build script installs a backdoor on the runner; it stays after ' +
        'the job and reads the secrets, tokens and source of every later job on that machine, and reaches the ' +
        'internal network around it.',
      incorrect:
        'on: pull_request\njobs:\n  test:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: make test\n',
      correct: 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
      peers: ['zizmor self-hosted-runner', 'scorecard Dangerous-Workflow'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const on = triggers(model);
    const event = Object.keys(FORK_EVENTS).find((e) => on.has(e));
    if (!event) return;
    for (const job of model.jobs) {
      if (!selfHosted(model, job, ctx.settings)) continue;
      ctx.report({
        start: job.keyStart,
        end: job.keyEnd,
        messageId: FORK_EVENTS[event] ? 'forkCode' : 'forkTrigger',
        data: { job: job.id, event },
      });
    }
  },
});
