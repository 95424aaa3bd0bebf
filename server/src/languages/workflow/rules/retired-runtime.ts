import { defineRule } from '../../../engine/define';
import type { Fix } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { actionVersion, RETIRED_RUNTIMES } from '../actions';
import { readLocalAction } from '../local-actions';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF029',
    id: 'retired-runtime',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: 'Actions whose version runs on a Node runtime GitHub has retired (node12, node16).',
    messages: {
      oldMajor: '{{action}}@{{ref}} runs on {{runtime}}, which GitHub has retired; use {{recommended}}.',
      newer: '{{action}}@{{ref}} runs on {{runtime}}, which GitHub has retired; use a newer major version.',
      retired: '{{action}} runs on {{runtime}}, which GitHub has retired; look for a maintained replacement.',
      local:
        'The local action {{action}} declares "using: {{runtime}}", which GitHub has retired; use node20 or node24.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'GitHub no longer ships node12 or node16 on its runners: an action ' +
        'declaring one of them is forced onto a newer Node, which it was never tested with, and ' +
        'breaks when it relies on the old one. The runtime of the current major comes from the ' +
        'offline catalog; those of old majors of common actions from a table in the catalog code. ' +
        'Bumping a major can change behaviour, so the bump is a suggestion. Local actions are read from their ' +
        '`action.yml`. Severity warning: the action still runs, on a runtime it was not written for.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v2\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7\n',
      peers: ['actionlint action'],
    },
  },
  check(ctx) {
    for (const job of ctx.model.jobs)
      for (const step of job.steps) {
        if (!step.uses) continue;
        if (step.uses.value.startsWith('./')) {
          const local = readLocalAction(ctx.path, step.uses.value, ctx.workspace);
          const runtime = local?.action.runtime;
          if (runtime && RETIRED_RUNTIMES.has(runtime))
            ctx.report({
              start: step.uses.start,
              end: step.uses.end,
              messageId: 'local',
              data: { action: step.uses.value, runtime },
            });
          continue;
        }
        const v = actionVersion(ctx.text, step.uses);
        if (!v?.runtime || !RETIRED_RUNTIMES.has(v.runtime)) continue;
        if (v.currentRuntime && RETIRED_RUNTIMES.has(v.currentRuntime)) {
          // Even the current release is on a retired runtime: the action is unmaintained.
          ctx.report({
            start: step.uses.start,
            end: step.uses.end,
            messageId: 'retired',
            data: { action: v.name, runtime: v.runtime },
          });
        } else if (v.older && v.recommended) {
          const suggestions: Fix[] = [
            {
              title: `Bump to ${v.recommended}`,
              edits: [{ start: v.refStart, end: v.refEnd, newText: v.recommended }],
              safe: false,
            },
          ];
          ctx.report({
            start: step.uses.start,
            end: step.uses.end,
            messageId: 'oldMajor',
            data: { action: v.name, ref: v.ref, runtime: v.runtime, recommended: v.recommended },
            suggestions,
          });
        } else {
          ctx.report({
            start: step.uses.start,
            end: step.uses.end,
            messageId: 'newer',
            data: { action: v.name, ref: v.ref, runtime: v.runtime },
          });
        }
      }
  },
});
