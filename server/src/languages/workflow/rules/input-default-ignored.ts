import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { entry } from '../../../yaml/view';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF042',
    id: 'input-default-ignored',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: 'A `workflow_call` input that is required never uses its `default`.',
    messages: {
      ignored: 'Input "{{name}}" is required, so its default is never used; make it optional or drop the default.',
    },
    fixable: false,
    docs: {
      rationale:
        'Callers must pass a required input, so its `default` never applies: either the input was meant to be ' +
        'optional, or the default is dead text that misleads readers. (In `workflow_dispatch`, a required input ' +
        'with a default is normal: the form is pre-filled.) Severity warning: the workflow works, not as written.',
      incorrect:
        'on:\n  workflow_call:\n    inputs:\n      region:\n        type: string\n        required: true\n' +
        '        default: eu-west-1\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
      correct:
        'on:\n  workflow_call:\n    inputs:\n      region:\n        type: string\n        default: eu-west-1\n' +
        'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
      peers: ['actionlint events'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const i of ctx.model.inputs.values()) {
      if (i.event !== 'workflow_call' || !i.required) continue;
      const d = entry(i.node, doc, 'default', false);
      if (d) ctx.report({ start: d.keyStart, end: d.keyEnd, messageId: 'ignored', data: { name: i.name } });
    }
  },
});
