import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { inputNames as namesOf } from '../actions';
import { appendToBlockMap, columnOf, lineEndOf } from '../edits';
import { asScalar } from '../../../yaml/view';
import { stepAction } from './action-inputs';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF041',
    id: 'action-required-input',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Inputs an action declares as required (with no default) must be given in `with:`.',
    messages: { missing: 'Missing required input "{{input}}" of {{action}}.' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'An action reads a required input and stops when it is missing (`core.getInput(name, { required: true })` ' +
        'throws "Input required and not supplied"). Required inputs come from the offline action catalog and ' +
        'from local `action.yml` files; one with a default is not reported. Severity error: the step fails.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n' +
        '        with:\n          path: node_modules\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n' +
        "        with:\n          path: node_modules\n          key: deps-${{ hashFiles('package-lock.json') }}\n",
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
        const { names: inputNames } = namesOf(action);
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
