import { defineRule } from '../../../engine/define';
import type { Step, WorkflowModel } from '../parse';
import { PRIVILEGED_UNTRUSTED_TRIGGERS, actionOf, input, runsWorkspaceCode, stepsAfter, triggers } from '../security';

/** Expressions (and literal refs) that name the head of the pull request or of the triggering run. */
const HEAD =
  /github\s*\.\s*head_ref|github\s*\.\s*event\s*\.\s*(pull_request\s*\.\s*head|workflow_run\s*\.\s*(head_sha|head_branch|head_commit|head_repository|pull_requests))|refs\/pull\/|github\s*\.\s*event\s*\.\s*(number|pull_request\s*\.\s*number|issue\s*\.\s*number)|steps\s*\.\s*[\w-]+\s*\.\s*outputs\s*\.\s*(head_sha|head_ref|pr_sha|pr_head_sha|pr_ref)/i;

/** `git checkout|fetch|switch|pull|worktree` of the head, or `gh pr checkout`, in a script. */
function scriptChecksOutHead(script: string): number {
  for (const m of script.matchAll(
    /\bgh\s+pr\s+checkout\b|\bgit\s+(checkout|fetch|switch|pull|worktree\s+add|clone)\b[^\n;&|]*/g,
  )) {
    if (m[0].startsWith('gh') || HEAD.test(m[0])) return m.index;
  }
  return -1;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF100',
    id: 'untrusted-checkout',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 9.0 },
    fixable: false,
    description:
      'A `pull_request_target`, `workflow_run` or `issue_comment` workflow checks out the pull request and runs it.',
    messages: {
      checkout:
        'This {{trigger}} workflow runs with secrets and a write token, and checks out the code of the pull ' +
        'request; the steps after it then run what the author of the pull request wrote.',
    },
    docs: {
      rationale:
        '`pull_request_target`, `workflow_run` and `issue_comment` run in the context of the base repository: ' +
        'the token can write, secrets are available, and caches are shared with the default branch. That is safe ' +
        'only while the workflow runs its own code. Checking out the head of the pull request (`ref: ' +
        '${{ github.event.pull_request.head.sha }}`, `refs/pull/N/merge`, `gh pr checkout`, the head of the run ' +
        'that triggered a `workflow_run`) and then building, testing or installing it hands all of that to ' +
        'whoever opened the pull request (a "pwn request"). Do the untrusted part in a `pull_request` workflow ' +
        'without secrets and pass results as artifacts, treated as data; or check out only files you read, ' +
        'never run.',
      attack:
        'Anyone who can open a pull request (on a public repository, anyone at all) changes a build script, a ' +
        "test or a `package.json` hook, and their code runs with the workflow's secrets and a token that can " +
        'push to the repository, publish releases or poison the caches of the default branch.',
      incorrect:
        'on: pull_request_target\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n' +
        '      - run: npm ci && npm test\n',
      correct:
        'on: pull_request\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n' +
        '    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n',
      peers: ['zizmor dangerous-triggers', 'CodeQL actions/untrusted-checkout'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const on = triggers(model);
    const trigger = PRIVILEGED_UNTRUSTED_TRIGGERS.find((t) => on.has(t));
    if (!trigger) return;
    const report = (start: number, end: number) =>
      ctx.report({ start, end, messageId: 'checkout', data: { trigger: `\`${trigger}\`` } });
    for (const job of model.jobs) {
      for (const step of job.steps) {
        const later = () => stepsAfter(job, step).some(runsWorkspaceCode);
        if (actionOf(step) === 'actions/checkout') {
          const ref = input(model, step, 'ref');
          const repo = input(model, step, 'repository');
          const hit = [ref, repo].find((x) => x && HEAD.test(x.value) && !/github\.repository\b/.test(x.value));
          if (hit?.entry.value && later()) {
            const r = (hit.entry.value as { range?: number[] }).range;
            if (r) report(r[0], r[1]);
          }
        } else if (step.run) {
          const at = scriptChecksOutHead(step.run.value);
          if (at >= 0 && later()) reportInScript(ctx.text, step, at, report);
        }
      }
    }
  },
});

/** Reports at the line of the script where the checkout is (the script's text may be a block scalar). */
function reportInScript(text: string, step: Step, at: number, report: (s: number, e: number) => void) {
  const run = step.run!;
  const src = text.slice(run.start, run.end);
  const line = run.value.slice(at).split('\n')[0];
  const found = src.indexOf(line);
  if (found >= 0 && line) report(run.start + found, run.start + found + line.length);
  else report(run.start, run.end);
}
