import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entry, nodeRange, scalarText } from '../../../yaml/view';

/** GitHub's limit on `workflow_dispatch` inputs (it was 10 until 2025). */
const MAX_DISPATCH_INPUTS = 25;

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF027',
    id: 'workflow-inputs',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      '`workflow_dispatch` and `workflow_call` inputs: choices need options, ' +
      'defaults must fit the type and the options.',
    messages: {
      noOptions: 'Input "{{name}}" is a choice but has no options.',
      optionsNotChoice: '"options" only applies to inputs of type choice; "{{name}}" is {{type}}.',
      defaultNotOption: 'The default "{{value}}" of input "{{name}}" is not one of its options.',
      defaultType: 'The default of input "{{name}}" must be {{type}}.',
      tooMany: 'workflow_dispatch takes at most {{max}} inputs; {{count}} are declared.',
    },
    fixable: false,
    docs: {
      rationale:
        'A `choice` input needs `options` and a default among them; a `boolean` default is `true` or `false`, a ' +
        '`number` default a number; `workflow_dispatch` takes at most 25 inputs. Severity error: GitHub rejects ' +
        'the workflow, or shows a form that cannot be submitted. (Input types themselves come from the schema: ' +
        'WF007.)',
      incorrect:
        'on:\n  workflow_dispatch:\n    inputs:\n      env:\n        type: ' +
        'choice\n        default: qa\n        options: [dev, prod]\njobs:\n  build:\n    runs-on: ' +
        'ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.env }}\n',
      correct:
        'on:\n  workflow_dispatch:\n    inputs:\n      env:\n        type: ' +
        'choice\n        default: dev\n        options: [dev, prod]\njobs:\n  build:\n    runs-on: ' +
        'ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.env }}\n',
      peers: ['actionlint events'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const dispatch = ctx.model.triggers.find((t) => t.name === 'workflow_dispatch');
    const inputs = asMap(entry(asMap(dispatch?.value, doc), doc, 'inputs', false)?.value, doc);
    const count = inputs ? inputs.items.length : 0;
    if (dispatch && count > MAX_DISPATCH_INPUTS)
      ctx.report({
        start: dispatch.start,
        end: dispatch.end,
        messageId: 'tooMany',
        data: { max: MAX_DISPATCH_INPUTS, count },
      });
    for (const input of ctx.model.inputs.values()) {
      const def = input.node;
      if (!def) continue;
      const opts = entry(def, doc, 'options', false);
      const dflt = entry(def, doc, 'default', false);
      const ds = asScalar(dflt?.value, doc);
      const dv = scalarText(ds);
      if (input.type === 'choice') {
        const items = asSeq(opts?.value, doc)?.items ?? [];
        const values = items.map((i) => scalarText(asScalar(i, doc)));
        if (!items.length)
          ctx.report({ start: input.start, end: input.end, messageId: 'noOptions', data: { name: input.name } });
        else if (ds && dv !== undefined && !dv.includes('${{') && !values.includes(dv)) {
          const [a, b] = nodeRange(ds);
          ctx.report({ start: a, end: b, messageId: 'defaultNotOption', data: { name: input.name, value: dv } });
        }
      } else if (opts)
        ctx.report({
          start: opts.keyStart,
          end: opts.keyEnd,
          messageId: 'optionsNotChoice',
          data: { name: input.name, type: input.type },
        });
      if (ds && dv !== undefined && !dv.includes('${{') && ds.value !== null) {
        if (input.type === 'boolean' && typeof ds.value !== 'boolean' && dv !== 'true' && dv !== 'false') {
          const [a, b] = nodeRange(ds);
          ctx.report({ start: a, end: b, messageId: 'defaultType', data: { name: input.name, type: 'true or false' } });
        }
        if (input.type === 'number' && typeof ds.value !== 'number' && !/^-?\d+(\.\d+)?$/.test(dv)) {
          const [a, b] = nodeRange(ds);
          ctx.report({ start: a, end: b, messageId: 'defaultType', data: { name: input.name, type: 'a number' } });
        }
      }
    }
  },
});
