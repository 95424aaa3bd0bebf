import type { TaskDefRule } from '../rule-kit';

/** TD000: the file is not valid JSON; the position is the parser's exact offset. */
export const rule: TaskDefRule = {
  meta: {
    code: 'TD000', id: 'syntax-error', kinds: ['taskdef'], defaultSeverity: 'error',
    description: 'The task definition is not valid JSON.',
    messages: { syntax: 'Invalid JSON: {{detail}}.' },
    fixable: false,
    docs: {
      rationale: '`aws ecs register-task-definition --cli-input-json` and every deploy action parse the file as strict JSON: comments, trailing commas and unquoted keys make them fail before anything reaches ECS.',
      incorrect: '{\n  "family": "web",\n  "containerDefinitions": [],\n}',
      correct: '{\n  "family": "web",\n  "containerDefinitions": []\n}',
      peers: ['AWS CLI parameter parsing'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.problems) ctx.report({ start: p.start, end: Math.max(p.end, p.start), messageId: 'syntax', data: { detail: p.data?.detail ?? p.message } });
  },
};
