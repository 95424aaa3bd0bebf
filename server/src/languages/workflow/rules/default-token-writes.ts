import { defineRule } from '../../../engine/define';
import type { Job, WorkflowModel } from '../parse';
import { appendToBlockMap } from '../edits';
import { actionOf, input, permissionsOf } from '../security';

/** Actions that write with the default token, and the scopes they need. */
const WRITING_ACTIONS: Record<string, string[]> = {
  'softprops/action-gh-release': ['contents'],
  'actions/create-release': ['contents'],
  'actions/upload-release-asset': ['contents'],
  'peter-evans/create-pull-request': ['contents', 'pull-requests'],
  'stefanzweifel/git-auto-commit-action': ['contents'],
  'jamesives/github-pages-deploy-action': ['contents'],
  'peaceiris/actions-gh-pages': ['contents'],
  'release-drafter/release-drafter': ['contents'],
  'goreleaser/goreleaser-action': ['contents'],
  'actions/labeler': ['pull-requests'],
  'actions/stale': ['issues', 'pull-requests'],
  'marocchino/sticky-pull-request-comment': ['pull-requests'],
  'actions/deploy-pages': ['pages', 'id-token'],
};

/** Commands in a script that write with the token, and the scope. */
const WRITING_COMMANDS: [RegExp, string][] = [
  [/\bgit\s+push\b/, 'contents'],
  [/\bgh\s+release\s+(create|upload|edit|delete)\b/, 'contents'],
  [/\bgh\s+pr\s+(create|merge|comment|edit|review|close|ready)\b/, 'pull-requests'],
  [/\bgh\s+issue\s+(create|comment|edit|close|reopen)\b/, 'issues'],
  [/\bgh\s+label\s+(create|edit|delete)\b/, 'issues'],
  [/\bdocker\s+push\s+ghcr\.io\//, 'packages'],
];

/** The scopes a job writes to with the default token, and the first place that does. */
function writes(model: WorkflowModel, job: Job): { scopes: Set<string>; at?: { start: number; end: number } } {
  const scopes = new Set<string>();
  let at: { start: number; end: number } | undefined;
  for (const step of job.steps) {
    const a = actionOf(step);
    // an explicit token is not the default one
    if (a && WRITING_ACTIONS[a] && !/secrets\./.test(input(model, step, 'token')?.value ?? '')) {
      for (const s of WRITING_ACTIONS[a]) scopes.add(s);
      at ??= step.uses;
    }
    if (a === 'docker/login-action' && /ghcr\.io/.test(input(model, step, 'registry')?.value ?? '')) {
      if (/github\.token|GITHUB_TOKEN/.test(input(model, step, 'password')?.value ?? '')) {
        scopes.add('packages');
        at ??= step.uses;
      }
    }
    if (step.run)
      for (const [re, scope] of WRITING_COMMANDS)
        if (re.test(step.run.value)) {
          scopes.add(scope);
          at ??= step.run;
        }
  }
  return { scopes, at };
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF103',
    id: 'default-token-writes',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 5.3 },
    fixable: 'suggestion',
    description: 'A job writes with the GITHUB_TOKEN, but neither it nor the workflow says which permissions it needs.',
    messages: {
      writes:
        'Job "{{job}}" writes ({{scopes}}) with the default token, and no `permissions:` says so: every job of ' +
        'the workflow gets the repository default, often write to everything. Declare `{{first}}: write` on this ' +
        'job.',
    },
    docs: {
      rationale:
        'Without `permissions:` every job receives the repository’s default token, which for many repositories ' +
        'is read-write on every scope, so the jobs that only build and test can push code too. Declaring the ' +
        'scopes on the job that writes (a release, a push, a comment) documents what it needs, keeps the other ' +
        'jobs read-only once the top level says `contents: read`, and keeps the workflow working when the default ' +
        'is switched to read-only. WF022 asks for `permissions:` in every workflow; this rule points at the jobs ' +
        'that write. The suggestion adds the scopes to the job.',
      attack:
        'A compromised step in any job of the workflow (a dependency, an action, an injected command) inherits ' +
        'write access it never needed, and uses it to push a backdoor or publish a release.',
      incorrect:
        'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/checkout@v4\n      - run: gh release create "$GITHUB_REF_NAME" --generate-notes\n' +
        '        env:\n          GH_TOKEN: ${{ github.token }}\n',
      correct:
        'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    permissions:\n' +
        '      contents: write\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - run: gh release create "$GITHUB_REF_NAME" --generate-notes\n        env:\n' +
        '          GH_TOKEN: ${{ github.token }}\n',
      peers: ['zizmor excessive-permissions', 'scorecard Token-Permissions'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (model.permissions || model.hasCallTrigger) return;
    for (const job of model.jobs) {
      if (job.uses || permissionsOf(model, job)) continue;
      const { scopes, at } = writes(model, job);
      if (!at || !scopes.size) continue;
      const list = [...scopes];
      const lines = [
        'permissions:',
        ...(scopes.has('contents') ? [] : ['  contents: read']),
        ...list.map((s) => `  ${s}: write`),
      ];
      const edit = job.node ? appendToBlockMap(model.doc!, ctx.text, job.node, lines) : undefined;
      ctx.report({
        start: job.keyStart,
        end: job.keyEnd,
        messageId: 'writes',
        data: { job: job.id, scopes: list.join(', '), first: list[0] },
        fix: edit && { title: `Declare the permissions of "${job.id}"`, safe: false, edits: [edit] },
        related: [{ path: ctx.path, start: at.start, end: at.end, message: 'writes with the token here' }],
      });
    }
  },
});
