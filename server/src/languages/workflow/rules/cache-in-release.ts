import { defineRule } from '../../../engine/define';
import { asMap, entry, items, str } from '../../../yaml/view';
import type { Job, Step, WorkflowModel } from '../parse';
import { PRIVILEGED_UNTRUSTED_TRIGGERS, actionOf, input, triggers } from '../security';

/** Steps that restore a cache: cache actions, and setup actions with caching on. */
function restoresCache(model: WorkflowModel, step: Step): boolean {
  const a = actionOf(step);
  if (!a) return false;
  if (
    /^(actions\/cache(\/restore)?|swatinem\/rust-cache|determinatesystems\/magic-nix-cache-action|mozilla-actions\/sccache-action|hendrikmuhs\/ccache-action)$/.test(
      a,
    )
  )
    return true;
  const on = (k: string) => {
    const v = input(model, step, k)?.value.trim().toLowerCase();
    return v !== undefined && v !== '' && v !== 'false';
  };
  if (/^actions\/setup-(node|python|java|dotnet)$/.test(a)) return on('cache');
  // these cache unless told not to
  if (a === 'actions/setup-go' || a === 'gradle/actions/setup-gradle')
    return (
      input(model, step, a === 'actions/setup-go' ? 'cache' : 'cache-disabled')?.value.trim() !==
      (a === 'actions/setup-go' ? 'false' : 'true')
    );
  if (a === 'ruby/setup-ruby') return on('bundler-cache');
  if (a === 'astral-sh/setup-uv') return on('enable-cache');
  if (a === 'docker/build-push-action') return /type=gha/.test(input(model, step, 'cache-from')?.value ?? '');
  return false;
}

/** Steps that publish what the job built. */
function publishes(model: WorkflowModel, step: Step): boolean {
  const a = actionOf(step);
  if (
    a &&
    /^(pypa\/gh-action-pypi-publish|softprops\/action-gh-release|goreleaser\/goreleaser-action|actions\/upload-release-asset|actions\/create-release)$/.test(
      a,
    )
  )
    return true;
  if (a === 'docker/build-push-action') return /^(true|\$\{\{)/.test(input(model, step, 'push')?.value.trim() ?? '');
  return (
    !!step.run &&
    /\b(npm|yarn|pnpm)\s+publish\b|\bcargo\s+publish\b|\btwine\s+upload\b|\bgem\s+push\b|\bgh\s+release\s+(create|upload)\b|\bdocker\s+push\b|\buv\s+publish\b|\bpoetry\s+publish\b/.test(
      step.run.value,
    )
  );
}

/** Whether the workflow runs for releases: `release`, or `push` limited to tags. */
function releaseTrigger(model: WorkflowModel): boolean {
  const on = triggers(model);
  if (on.has('release')) return true;
  const push = model.triggers.find((t) => t.name === 'push');
  const m = asMap(push?.value, model.doc);
  if (!m) return false;
  const tags = entry(m, model.doc, 'tags', false);
  return (
    !!tags && !entry(m, model.doc, 'branches', false) && (items(tags.value, model.doc).length > 0 || !!str(tags.value))
  );
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF112',
    id: 'cache-in-release',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 7.1 },
    fixable: false,
    description: 'A job that publishes a release restores a cache that other workflows can write.',
    messages: {
      release:
        'This workflow builds releases and job "{{job}}" restores a cache here: a cache poisoned by another ' +
        'workflow of the repository ends up in what you ship. Build releases without caches.',
      publish:
        'Job "{{job}}" publishes, restores a cache here, and runs for {{trigger}}: a cache entry written by a ' +
        'poisoned run ends up in what you publish. Build what you publish without caches.',
    },
    docs: {
      rationale:
        'GitHub Actions caches are shared by every workflow that runs on the same branch, and the default branch’s ' +
        'cache is visible to all branches. Any job that can write a cache there (a `pull_request_target` job ' +
        'running pull request code, a compromised dependency in a test job) can plant dependencies, compiler ' +
        'caches or build outputs that the release job restores and packages. Release jobs (workflows for ' +
        '`release` or tag pushes, or jobs that publish to a registry) should build from scratch.',
      attack:
        'Someone who can run code in any workflow of the repository writes a poisoned cache entry under the key ' +
        'the release job uses; the next release ships their code, signed and published by you.',
      incorrect:
        'on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n' +
        '          node-version: 22\n          cache: npm\n      - run: npm ci && npm publish\n',
      correct:
        'on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n' +
        '          node-version: 22\n      - run: npm ci && npm publish\n',
      peers: ['zizmor cache-poisoning'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const release = releaseTrigger(model);
    const on = triggers(model);
    const untrusted = PRIVILEGED_UNTRUSTED_TRIGGERS.find((t) => on.has(t));
    for (const job of model.jobs as Job[]) {
      const messageId = release ? 'release' : untrusted && job.steps.some((s) => publishes(model, s)) ? 'publish' : '';
      if (!messageId) continue;
      for (const step of job.steps)
        if (restoresCache(model, step) && step.uses)
          ctx.report({
            start: step.uses.start,
            end: step.uses.end,
            messageId,
            data: { job: job.id, trigger: `\`${untrusted}\`` },
          });
    }
  },
});
