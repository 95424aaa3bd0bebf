import type { Rule } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { lookupAction, majorOf, usesRef, RETIRED_RUNTIMES } from '../actions';

export const rule: Rule<WorkflowModel> = {
  meta: {
    code: 'WF013', id: 'outdated-action', kinds: ['workflow'], defaultSeverity: 'warning',
    description: 'Actions pinned to a major version older than the one their maintainers recommend, or running on a retired Node runtime.',
    messages: {
      outdated: '{{action}}@{{ref}} is outdated: its maintainers recommend {{recommended}}.',
      runtime: '{{action}} runs on {{runtime}}, which GitHub has retired; look for a maintained replacement.',
    },
    fixable: 'suggestion',
    docs: {
      rationale: 'Old majors run on Node versions GitHub no longer ships (node12, node16, soon node20) and miss fixes. The recommended major comes from the action\'s README, in the offline catalog.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v2\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n',
      peers: ['actionlint action'],
    },
  },
  check(ctx) {
    for (const job of ctx.model.jobs) for (const step of job.steps) {
      if (!step.uses) continue;
      const r = usesRef(step.uses);
      if (r.kind !== 'repo') continue;
      const found = lookupAction(r.name);
      if (!found) continue;
      const { action } = found;
      if (RETIRED_RUNTIMES.has(action.runtime)) {
        ctx.report({ start: step.uses.start, end: step.uses.end, messageId: 'runtime', data: { action: found.name, runtime: action.runtime } });
        continue;
      }
      const have = majorOf(r.ref);
      const rec = action.recommended ? majorOf(action.recommended) : undefined;
      if (have === undefined || rec === undefined || have >= rec) continue;
      const q = ctx.text[step.uses.start] === '"' || ctx.text[step.uses.start] === "'" ? 1 : 0;
      const refStart = step.uses.start + q + r.refStart;
      const refEnd = refStart + r.ref.length;
      ctx.report({
        start: step.uses.start, end: step.uses.end, messageId: 'outdated', data: { action: found.name, ref: r.ref, recommended: action.recommended! },
        suggestions: [{ title: `Bump to ${action.recommended}`, edits: [{ start: refStart, end: refEnd, newText: action.recommended! }], safe: false }],
      });
    }
  },
};
