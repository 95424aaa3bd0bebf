import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { visitsOf } from '../walk';
import { isTemplated } from '../json';
import { nearest } from '../../../text/nearest';

/** TD003: a value outside the API's enumeration (networkMode "vpc", protocol "TCP"). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD003',
    id: 'invalid-enum-value',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A value that is not one of the values the ECS API allows for that field.',
    messages: {
      invalid: '"{{value}}" is not a valid {{key}}; expected one of {{allowed}}.',
      invalidSuggest: '"{{value}}" is not a valid {{key}}; did you mean "{{suggestion}}"?',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS refuses to register a value it does not allow.',
      rationale:
        'Enumerated fields are checked by the API and values are ' +
        'case-sensitive: `"protocol": "TCP"` or `"networkMode": "vpc"` make RegisterTaskDefinition ' +
        'fail.',
      incorrect: fargateExample({ networkMode: 'vpc' }),
      correct: fargateExample(),
      peers: ['AWS Toolkit task definition schema', 'cfn-lint E3030'],
    },
  },
  check(ctx) {
    for (const v of visitsOf(ctx)) {
      const values = v.shape.enum;
      if (!values || v.node.type !== 'string') continue;
      const value = String(v.node.value);
      if (values.includes(value) || isTemplated(value)) continue;
      const key = v.path.length
        ? v.path[v.path.length - 1].replace(/^\[\d+\]$/, v.path[v.path.length - 2] ?? 'value')
        : 'value';
      const suggestion =
        values.find((e) => e.toLowerCase() === value.toLowerCase()) ?? nearest(value, values, { mode: 'rename' });
      const r = { start: v.node.offset, end: v.node.offset + v.node.length };
      if (suggestion) {
        ctx.report({
          ...r,
          messageId: 'invalidSuggest',
          data: { value, key, suggestion },
          fix: {
            title: `Change to "${suggestion}"`,
            edits: [{ ...r, newText: JSON.stringify(suggestion) }],
            safe: false,
          },
        });
      } else {
        ctx.report({
          ...r,
          messageId: 'invalid',
          data: { value, key, allowed: values.map((e) => `"${e}"`).join(', ') },
        });
      }
    }
  },
});
