import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { actionVersion, CATALOG_DATE, RETIRED_RUNTIMES } from '../actions';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF013',
    id: 'outdated-action',
    kinds: ['workflow'],
    defaultSeverity: 'info',
    description:
      'Actions pinned to a major version older than the one their ' +
      'maintainers recommend (when the old major still runs on a supported runtime; WF029 covers ' +
      'retired ones).',
    messages: {
      outdated: '{{action}}@{{ref}} is older than the major its maintainers recommend, {{recommended}}.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'An older major still works, but misses fixes and features, and its ' +
        "runtime is the next to be retired. The recommended major comes from the action's README, " +
        'in the offline catalog. Reported as information: bumping a major can change behaviour, so ' +
        'read the release notes first. An old major on a Node runtime GitHub has retired is ' +
        'reported by WF029 (retired-runtime) instead, as a warning. ' +
        `The catalog's recommended majors are as of ${CATALOG_DATE}: a major released since is not known ` +
        'until `npm run refresh-data` takes the catalog again.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n',
      peers: ['actionlint action'],
    },
  },
  check(ctx) {
    for (const job of ctx.model.jobs)
      for (const step of job.steps) {
        if (!step.uses) continue;
        const v = actionVersion(ctx.text, step.uses);
        if (!v?.older || (v.runtime && RETIRED_RUNTIMES.has(v.runtime))) continue;
        ctx.report({
          start: step.uses.start,
          end: step.uses.end,
          messageId: 'outdated',
          data: { action: v.name, ref: v.ref, recommended: v.recommended! },
          suggestions: [
            {
              title: `Bump to ${v.recommended}`,
              edits: [{ start: v.refStart, end: v.refEnd, newText: v.recommended! }],
              safe: false,
            },
          ],
        });
      }
  },
});
