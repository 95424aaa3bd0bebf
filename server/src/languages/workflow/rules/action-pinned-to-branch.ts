import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { BRANCH_REFS, recommendedRef, usesSites } from '../pins';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF104',
    id: 'action-pinned-to-branch',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 6.8 },
    fixable: 'suggestion',
    description: 'A third-party action or reusable workflow is used at a branch, so every push to it runs here.',
    messages: {
      branch:
        '`{{name}}@{{ref}}` follows the branch {{ref}}: whatever its owner (or whoever takes over the account) ' +
        'pushes next runs in this workflow. Pin a release tag, or better a full commit SHA.',
    },
    docs: {
      rationale:
        'A branch moves with every push: a workflow that uses `someone/action@main` runs code nobody here has ' +
        'read, changed at any time, with this workflow’s token and secrets. A release tag is reviewed by its ' +
        'maintainers (and usually immutable in practice); a full commit SHA cannot change at all. Actions of ' +
        'GitHub itself (`actions/*`, `github/*`) are not reported. The suggestion switches to the major release ' +
        'the offline catalog recommends, when it knows the action. WF105 (off by default) asks for a SHA for ' +
        'every third-party action.',
      attack:
        'Whoever can push to that branch (its maintainer, a compromised maintainer account, a malicious new owner ' +
        'of a transferred repository) runs their code in your workflow on its next run, with your secrets and ' +
        'token: the tj-actions/changed-files compromise of 2025 spread exactly this way.',
      incorrect:
        'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: softprops/action-gh-release@master\n',
      correct:
        'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: softprops/action-gh-release@v2\n',
      peers: ['zizmor unpinned-uses', 'scorecard Pinned-Dependencies'],
    },
  },
  check(ctx) {
    for (const u of usesSites(ctx.model)) {
      if (!u.thirdParty || !BRANCH_REFS.test(u.ref)) continue;
      const tag = u.workflow ? undefined : recommendedRef(u.name);
      ctx.report({
        start: u.refStart,
        end: u.refEnd,
        messageId: 'branch',
        data: { name: u.name, ref: u.ref },
        fix: tag
          ? {
              title: `Use the release ${tag}`,
              safe: false,
              edits: [{ start: u.refStart, end: u.refEnd, newText: tag }],
            }
          : undefined,
      });
    }
  },
});
