import type { Rule } from '../../../engine/types';
import type { WorkflowModel } from '../parse';

export const rule: Rule<WorkflowModel> = {
  meta: {
    code: 'WF000', id: 'yaml-syntax', kinds: ['workflow'], defaultSeverity: 'error',
    description: 'The workflow must be valid YAML, without duplicate keys.',
    messages: { yaml: 'YAML syntax error: {{message}}', duplicateKey: 'Duplicate key: {{message}}' },
    fixable: false,
    docs: {
      rationale: 'GitHub refuses to run a workflow file that is not valid YAML, and a key written twice in one mapping is an error rather than an override.',
      incorrect: 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    runs-on: windows-latest\n',
      correct: 'jobs:\n  test:\n    runs-on: ubuntu-latest\n',
      peers: ['actionlint syntax-check'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.problems) {
      ctx.report({ start: p.start, end: p.end, messageId: p.messageId === 'duplicateKey' ? 'duplicateKey' : 'yaml', data: { message: p.message } });
    }
  },
};
