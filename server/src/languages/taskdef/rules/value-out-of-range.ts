import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { visitsOf } from '../walk';
import { templatedNode } from '../json';
import { MODEL } from '../ecs';

/** Names the service restricts beyond the model (documented, not in the shapes). */
const NAMED: Record<string, string> = {
  family: 'up to 255 letters, digits, underscores and hyphens',
  'containerDefinitions.name': 'up to 255 letters, digits, underscores and hyphens',
};

/** The last member name of each NAMED path: only values under such a name can be one of them. */
const NAMED_LAST: ReadonlySet<string> = new Set(Object.keys(NAMED).map((k) => k.slice(k.lastIndexOf('.') + 1)));

/** The model's patterns are whole-value patterns with Unicode classes (\\p{L}), compiled once, when the rule loads. */
const PATTERNS: ReadonlyMap<string, RegExp | undefined> = new Map(
  Object.values(MODEL.shapes)
    .flatMap((shape) => (shape.type === 'string' && shape.pattern ? [shape.pattern] : []))
    .map((pattern) => {
      try {
        return [pattern, new RegExp(`^(?:${pattern})$`, 'u')] as const;
      } catch {
        return [pattern, undefined] as const;
      }
    }),
);

/** TD005: the model's min/max: string lengths, list sizes, integer bounds (e.g. at most 50 tags). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD005',
    id: 'value-out-of-range',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A value outside the bounds the ECS API model declares (length, count or range).',
    messages: {
      tooShort: '"{{key}}" must have at least {{min}} {{unit}}.',
      tooLong: '"{{key}}" may have at most {{max}} {{unit}}.',
      tooSmall: '"{{key}}" must be at least {{min}}.',
      tooLarge: '"{{key}}" must be at most {{max}}.',
      pattern: '"{{value}}" is not a valid {{key}}: {{allowed}}.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a value outside its bounds.',
      rationale:
        "The API enforces the model's bounds and patterns: a tag key longer " +
        'than 128 characters, more than 50 tags, or a family or container name with characters ' +
        'other than letters, digits, `_` and `-` (up to 255) make registration fail.',
      incorrect: fargateExample({ tags: [{ key: '', value: 'x' }] }),
      correct: fargateExample({ tags: [{ key: 'team', value: 'x' }] }),
    },
  },
  check(ctx) {
    for (const v of visitsOf(ctx)) {
      // the last member name of the path (not an index), without copying the path: this runs for every value
      let key = 'value';
      for (let i = v.path.length - 1; i >= 0; i--)
        if (!v.path[i].startsWith('[')) {
          key = v.path[i];
          break;
        }
      const r = { start: v.node.offset, end: v.node.offset + v.node.length };
      const named = NAMED_LAST.has(key) ? NAMED[v.path.filter((p) => !p.startsWith('[')).join('.')] : undefined;
      if (
        named &&
        v.node.type === 'string' &&
        !templatedNode(v.node) &&
        !/^[A-Za-z0-9_-]{1,255}$/.test(String(v.node.value))
      ) {
        ctx.report({ ...r, messageId: 'pattern', data: { key, value: String(v.node.value), allowed: named } });
      }
      const pattern = v.shape.type === 'string' && v.shape.pattern ? PATTERNS.get(v.shape.pattern) : undefined;
      if (pattern && v.node.type === 'string' && !templatedNode(v.node) && !pattern.test(String(v.node.value))) {
        ctx.report({
          ...r,
          messageId: 'pattern',
          data: { key, value: String(v.node.value), allowed: 'letters, digits, spaces and _ . : / = + - @ only' },
        });
      }
      const { min, max } = v.shape;
      if (min === undefined && max === undefined) continue;
      let size: number | undefined,
        unit = '';
      if (v.node.type === 'string' && v.shape.type === 'string' && !templatedNode(v.node)) {
        size = String(v.node.value).length;
        unit = 'characters';
      } else if (v.node.type === 'array' && v.shape.type === 'list') {
        size = v.node.children?.length ?? 0;
        unit = 'items';
      }
      if (size !== undefined) {
        if (min !== undefined && size < min) ctx.report({ ...r, messageId: 'tooShort', data: { key, min, unit } });
        if (max !== undefined && size > max) ctx.report({ ...r, messageId: 'tooLong', data: { key, max, unit } });
      } else if (v.node.type === 'number') {
        const n = v.node.value as number;
        if (min !== undefined && n < min) ctx.report({ ...r, messageId: 'tooSmall', data: { key, min } });
        if (max !== undefined && n > max) ctx.report({ ...r, messageId: 'tooLarge', data: { key, max } });
      }
    }
  },
});
