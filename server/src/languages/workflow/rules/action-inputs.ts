import { defineRule } from '../../../engine/define';
import type { Fix, RuleContext } from '../../../engine/types';
import type { Step, WorkflowModel } from '../parse';
import { inputNames as namesOf, lookupAction, usesRef, type CatalogAction } from '../actions';
import { readLocalAction } from '../local-actions';
import { appendToBlockMap, columnOf, deleteEntryLines, lineEndOf } from '../edits';
import { asScalar } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';

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
    defaultSeverity: 'error',
    description:
      'Inputs given in `with:` must exist on the action; required inputs must be given; deprecated inputs are flagged.',
    messages: {
      unknown: 'Input "{{input}}" is not defined by {{action}}.{{hint}}',
      missing: 'Missing required input "{{input}}" of {{action}}.',
      deprecated: 'Input "{{input}}" of {{action}} is deprecated.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'An unknown input is silently ignored (usually a typo, so the setting ' +
        'you meant never applies); a missing required input makes the action fail. Facts come from ' +
        'the offline action catalog and from local `action.yml` files.',
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
            const del = step.with && !step.with.flow ? deleteEntryLines(ctx.text, w.keyStart, w.value) : undefined;
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
              data: { input: w.key, action: label },
            });
          }
        }
        let given: Set<string> | undefined;
        for (const input of inputNames) {
          const def = action.inputs[input];
          if (!def.required || def.default !== undefined) continue;
          given ??= new Set(step.withEntries.map((w) => w.key.toLowerCase()));
          if (given.has(input.toLowerCase())) continue;
          let edit;
          if (step.with) edit = appendToBlockMap(doc, ctx.text, step.with, [`${input}: `]);
          else if (!step.withEntries.length) {
            const usesKeyStart = ctx.text.lastIndexOf('uses', step.uses.start);
            const indent = ' '.repeat(columnOf(ctx.text, usesKeyStart));
            const at = lineEndOf(ctx.text, step.uses.end);
            const valueEndsLine =
              asScalar(step.uses.node, doc) &&
              ctx.text.slice(step.uses.end, at).trim().startsWith('#') === false &&
              ctx.text.slice(step.uses.end, at).trim() === '';
            if (valueEndsLine) edit = { start: at, end: at, newText: `\n${indent}with:\n${indent}  ${input}: ` };
          }
          ctx.report({
            start: step.uses.start,
            end: step.uses.end,
            messageId: 'missing',
            data: { input, action: label },
            suggestions: edit ? [{ title: `Add required input "${input}"`, edits: [edit], safe: false }] : undefined,
          });
        }
      }
  },
});
