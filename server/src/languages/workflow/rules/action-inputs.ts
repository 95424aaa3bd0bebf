import { defineRule } from '../../../engine/define';
import type { Fix, RuleContext } from '../../../engine/types';
import type { Step, WorkflowModel } from '../parse';
import { inputNames as namesOf, lookupAction, usesRef, type CatalogAction } from '../actions';
import { readLocalAction } from '../local-actions';
import { deleteEntryLines } from '../edits';
import { nearest } from '../../../text/nearest';
import { entry } from '../../../yaml/view';

/** The metadata of the action a step uses: the catalog for popular actions, the workspace for local ones. */
export function stepAction(
  ctx: { path: string; workspace: RuleContext<WorkflowModel>['workspace'] },
  step: Step,
): { name: string; action: CatalogAction; local?: string } | undefined {
  if (!step.uses) return undefined;
  const r = usesRef(step.uses);
  if (r.kind === 'repo') {
    const a = lookupAction(r.name);
    return a ? { name: a.name, action: a.action } : undefined;
  }
  if (r.kind === 'local') {
    const l = readLocalAction(ctx.path, r.path, ctx.workspace);
    return l ? { name: step.uses.value, action: l.action, local: l.file } : undefined;
  }
  return undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF012',
    id: 'action-inputs',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: 'Inputs given in `with:` must exist on the action, and should not be deprecated.',
    messages: {
      unknown: 'Input "{{input}}" is not defined by {{action}}.{{hint}}',
      deprecated: 'Input "{{input}}" of {{action}} is deprecated.{{note}}',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'An unknown input is ignored (GitHub prints "Unexpected input" and runs the action), usually a typo, so ' +
        'the setting you meant never applies; a deprecated input still works until the action drops it. Inputs ' +
        'are compared case-insensitively. Facts come from the offline action catalog (any ref of a catalogued ' +
        'action) and from local `action.yml` files. Severity warning: the run goes on without the setting. ' +
        '(Required inputs left out are WF041.)',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/setup-node@v7\n        with:\n          node_version: 20\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/setup-node@v7\n        with:\n          node-version: 20\n',
      peers: ['actionlint action'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    if (!doc) return;
    for (const job of ctx.model.jobs)
      for (const step of job.steps) {
        const found = stepAction(ctx, step);
        if (!found || !step.uses) continue;
        const { action, name } = found;
        const label = `"${name}"`;
        const { names: inputNames, lower: lowerInputs } = namesOf(action);
        for (const w of step.withEntries) {
          const def = lowerInputs.get(w.key.toLowerCase());
          if (!def) {
            // Docker actions take `entrypoint` and `args` besides their inputs.
            if ((w.key === 'entrypoint' || w.key === 'args') && action.runtime === 'docker') continue;
            const near = nearest(w.key, inputNames);
            const suggestions: Fix[] = [];
            if (near)
              suggestions.push({
                title: `Rename to "${near}"`,
                edits: [{ start: w.keyStart, end: w.keyEnd, newText: near }],
                safe: false,
              });
            // The only input: the whole `with:` goes (an empty `with:` is null, which GitHub refuses).
            const whole = step.withEntries.length === 1 ? entry(step.node, ctx.model.doc, 'with', false) : undefined;
            const del =
              step.with && !step.with.flow
                ? whole
                  ? deleteEntryLines(ctx.text, whole.keyStart, whole.value)
                  : deleteEntryLines(ctx.text, w.keyStart, w.value)
                : undefined;
            if (del) suggestions.push({ title: `Remove input "${w.key}"`, edits: [del], safe: false });
            ctx.report({
              start: w.keyStart,
              end: w.keyEnd,
              messageId: 'unknown',
              data: {
                input: w.key,
                action: label,
                hint: near ? ` Did you mean "${near}"?` : ` Its inputs are: ${inputNames.join(', ') || 'none'}.`,
              },
              suggestions,
            });
          } else if (action.inputs[def].deprecated) {
            ctx.report({
              start: w.keyStart,
              end: w.keyEnd,
              messageId: 'deprecated',
              data: {
                input: w.key,
                action: label,
                note: action.inputs[def].deprecationMessage ? ` ${action.inputs[def].deprecationMessage}` : '',
              },
            });
          }
        }
      }
  },
});
