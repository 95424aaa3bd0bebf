import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { visitsOf, typeMatches, describeShape } from '../walk';

function actual(t: string, v: unknown): string {
  if (t === 'null') return 'null';
  if (t === 'number') return Number.isInteger(v) ? 'a number' : 'a decimal number';
  if (t === 'string') return 'a string';
  if (t === 'array') return 'an array';
  if (t === 'object') return 'an object';
  return t === 'boolean' ? 'a boolean' : t;
}

/** TD002: a value of the wrong JSON type (a containerPort given as a string, a command as a string). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD002',
    id: 'taskdef-wrong-type',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A value whose JSON type differs from what the ECS API expects.',
    messages: { wrongType: '"{{key}}" must be {{expected}}, not {{actual}}.' },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS refuses to register a value of the wrong type.',
      rationale:
        "The AWS CLI checks every parameter's type before sending it: " +
        '`"containerPort": "80"` or `"cpu": 256` at the task level fails with "Invalid type for ' +
        'parameter". Templated strings such as `"${PORT}"` are accepted, since they are filled in ' +
        'before registration.',
      incorrect: fargateExample({}, { portMappings: [{ containerPort: '80' }] }),
      correct: fargateExample(),
      peers: ['AWS Toolkit task definition schema'],
    },
  },
  check(ctx) {
    // Right after a syntax error the tree holds the parser's guesses (`"cpu": ${CPU}` reads as an object): skip them.
    const nearError = (offset: number) => ctx.model.problems.some((p) => offset >= p.start && offset <= p.end + 1);
    for (const v of visitsOf(ctx)) {
      if (typeMatches(v.node, v.shape) || nearError(v.node.offset)) continue;
      const key = v.path.length ? v.path[v.path.length - 1] : 'taskDefinition';
      const expected = describeShape(v.shape);
      const data = { key, expected, actual: actual(v.node.type, v.node.value) };
      const report = { start: v.node.offset, end: v.node.offset + v.node.length, messageId: 'wrongType', data };
      const t = v.shape.type;
      if (
        v.node.type === 'string' &&
        (t === 'integer' || t === 'long') &&
        /^-?\d+$/.test(String(v.node.value).trim())
      ) {
        const n = String(Number(String(v.node.value).trim()));
        ctx.report({
          ...report,
          fix: {
            title: `Write ${n} as a number`,
            edits: [{ start: report.start, end: report.end, newText: n }],
            safe: false,
          },
        });
      } else if (v.node.type === 'number' && t === 'string') {
        const s = JSON.stringify(String(v.node.value));
        ctx.report({
          ...report,
          fix: {
            title: `Write ${s} as a string`,
            edits: [{ start: report.start, end: report.end, newText: s }],
            safe: false,
          },
        });
      } else if (v.node.type === 'string' && t === 'boolean' && /^(true|false)$/i.test(String(v.node.value))) {
        const b = String(v.node.value).toLowerCase();
        ctx.report({
          ...report,
          fix: {
            title: `Write ${b} as a boolean`,
            edits: [{ start: report.start, end: report.end, newText: b }],
            safe: false,
          },
        });
      } else {
        ctx.report(report);
      }
    }
  },
});
