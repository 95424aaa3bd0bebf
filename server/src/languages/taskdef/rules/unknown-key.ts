import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { visitsOf, READ_ONLY } from '../walk';
import { isMember, memberNames } from '../ecs';
import { props, keyOf, keyNode } from '../json';
import { suggestKey } from '../../../engine/schema';

/** TD001: a key the RegisterTaskDefinition API does not know, with the nearest valid name. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD001',
    id: 'taskdef-unknown-key',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A key that the ECS RegisterTaskDefinition API does not accept.',
    messages: {
      unknown: 'Unknown key "{{key}}" in {{where}}.',
      unknownSuggest: 'Unknown key "{{key}}" in {{where}}; did you mean "{{suggestion}}"?',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS (and the AWS CLI) refuse to register a task definition with an unknown key.',
      rationale:
        'The AWS CLI and SDKs validate parameter names: one misspelt key ' +
        '(`portMapping`, `Image`) makes the whole registration fail with "Unknown parameter in ' +
        'input".',
      incorrect: fargateExample({}, { portMapping: [{ containerPort: 80 }], portMappings: undefined }),
      correct: fargateExample(),
      peers: ['AWS Toolkit task definition schema', 'cfn-lint E3002'],
    },
  },
  check(ctx) {
    for (const v of visitsOf(ctx)) {
      if (v.shape.type !== 'structure' || v.node.type !== 'object') continue;
      const atRoot = v.path.length === 0;
      for (const p of props(v.node)) {
        const key = keyOf(p);
        if (isMember(v.shapeName, key) || (atRoot && READ_ONLY.has(key))) continue;
        const names = memberNames(v.shapeName);
        const k = keyNode(p);
        const suggestion = suggestKey(key, names, new Set(props(v.node).map(keyOf)));
        const where = atRoot ? 'the task definition' : v.path.join('.').replace(/\.\[/g, '[');
        if (suggestion) {
          ctx.report({
            start: k.offset,
            end: k.offset + k.length,
            messageId: 'unknownSuggest',
            data: { key, where, suggestion },
            fix: {
              title: `Rename to "${suggestion}"`,
              edits: [{ start: k.offset, end: k.offset + k.length, newText: JSON.stringify(suggestion) }],
              safe: false,
            },
          });
        } else {
          ctx.report({ start: k.offset, end: k.offset + k.length, messageId: 'unknown', data: { key, where } });
        }
      }
    }
  },
});
