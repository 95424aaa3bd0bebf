import { fargateExample } from '../examples';
import { walk } from '../walk';
import { templatedNode } from '../json';
import type { TaskDefRule } from '../rule-kit';

/** TD005: the model's min/max: string lengths, list sizes, integer bounds (e.g. at most 50 tags). */
export const rule: TaskDefRule = {
  meta: {
    code: 'TD005', id: 'value-out-of-range', kinds: ['taskdef'], defaultSeverity: 'error',
    description: 'A value outside the bounds the ECS API model declares (length, count or range).',
    messages: {
      tooShort: '"{{key}}" must have at least {{min}} {{unit}}.',
      tooLong: '"{{key}}" may have at most {{max}} {{unit}}.',
      tooSmall: '"{{key}}" must be at least {{min}}.',
      tooLarge: '"{{key}}" must be at most {{max}}.',
    },
    fixable: false,
    docs: {
      rationale: 'The API enforces the model\'s bounds: a tag key longer than 128 characters or more than 50 tags make registration fail.',
      incorrect: fargateExample({ tags: [{ key: '', value: 'x' }] }),
      correct: fargateExample({ tags: [{ key: 'team', value: 'x' }] }),
    },
  },
  check(ctx) {
    walk(ctx.model.taskDef, (v) => {
      const { min, max } = v.shape;
      if (min === undefined && max === undefined) return;
      const key = [...v.path].reverse().find((p) => !p.startsWith('[')) ?? 'value';
      const r = { start: v.node.offset, end: v.node.offset + v.node.length };
      let size: number | undefined, unit = '';
      if (v.node.type === 'string' && v.shape.type === 'string' && !templatedNode(v.node)) { size = String(v.node.value).length; unit = 'characters'; }
      else if (v.node.type === 'array' && v.shape.type === 'list') { size = v.node.children?.length ?? 0; unit = 'items'; }
      if (size !== undefined) {
        if (min !== undefined && size < min) ctx.report({ ...r, messageId: 'tooShort', data: { key, min, unit } });
        if (max !== undefined && size > max) ctx.report({ ...r, messageId: 'tooLong', data: { key, max, unit } });
      } else if (v.node.type === 'number') {
        const n = v.node.value as number;
        if (min !== undefined && n < min) ctx.report({ ...r, messageId: 'tooSmall', data: { key, min } });
        if (max !== undefined && n > max) ctx.report({ ...r, messageId: 'tooLarge', data: { key, max } });
      }
    });
  },
};
