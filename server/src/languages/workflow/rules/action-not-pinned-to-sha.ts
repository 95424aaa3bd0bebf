import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { catalogPin, usesSites } from '../pins';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF105',
    id: 'action-not-pinned-to-sha',
    kinds: ['workflow'],
    defaultSeverity: 'off',
    security: { severity: 5.0 },
    fixable: 'suggestion',
    description: 'A third-party action is not pinned to a full commit SHA (a policy to turn on).',
    messages: {
      sha:
        '`{{name}}@{{ref}}` can change under the same name: pin the full commit SHA it points to (and keep ' +
        '`# {{ref}}` beside it for updates).',
    },
    docs: {
      rationale:
        'Tags can be moved or deleted by whoever controls the action’s repository; only a full 40-character ' +
        'commit SHA always names the same code. This is a policy many organisations adopt (with Dependabot or ' +
        'Renovate keeping the pins fresh), so it is off by default: turn it on with `WF105: warning` in ' +
        '`.shipshape.yaml`. Actions of GitHub itself (`actions/*`, `github/*`) are not reported. When the offline ' +
        'catalog knows the action at the major in use, the suggestion pins the commit its metadata was read from ' +
        '(the head of the default branch at that time): check that it is the release you want before accepting.',
      attack:
        'Whoever gains control of the action’s repository re-points its tags to malicious code, and every ' +
        'workflow that uses the tag runs it on its next run, as happened with tj-actions/changed-files in 2025.',
      incorrect:
        'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: astral-sh/setup-uv@v10\n',
      correct:
        'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: astral-sh/setup-uv@19b4d1e990bec64818914c40230bde93a0de300b # v10\n',
      peers: ['zizmor unpinned-uses (hash-pin policy)', 'scorecard Pinned-Dependencies'],
    },
  },
  check(ctx) {
    for (const u of usesSites(ctx.model)) {
      if (!u.thirdParty || /^[0-9a-f]{40}$/.test(u.ref)) continue;
      const pin = u.workflow ? undefined : catalogPin(u.name, u.ref);
      const lineEnd = ctx.text.indexOf('\n', u.refEnd);
      const rest = ctx.text.slice(u.refEnd, lineEnd < 0 ? ctx.text.length : lineEnd);
      const quoted = /^["']/.test(rest);
      const hasComment = /#/.test(rest);
      ctx.report({
        start: u.refStart,
        end: u.refEnd,
        messageId: 'sha',
        data: { name: u.name, ref: u.ref },
        fix: pin
          ? {
              title: `Pin ${pin.slice(0, 12)} (the catalog's commit for ${u.ref})`,
              safe: false,
              edits: [
                { start: u.refStart, end: u.refEnd, newText: pin },
                ...(hasComment
                  ? []
                  : [{ start: u.refEnd + (quoted ? 1 : 0), end: u.refEnd + (quoted ? 1 : 0), newText: ` # ${u.ref}` }]),
              ],
            }
          : undefined,
      });
    }
  },
});
