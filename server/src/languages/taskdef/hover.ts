/** Hovers: what a field is (our words), its type, whether it is required, and its constraints. */
import { getLocation } from 'jsonc-parser';
import type { FeatureContext, HoverResult } from '../../engine/types';
import type { TaskDefModel } from './parse';
import { shape, FARGATE_SIZES } from './ecs';
import { resolvePath } from './locate';
import { fieldDoc } from './docs';
import { describeShape } from './walk';
import { HEALTH_CHECK_BOUNDS } from './rules/health-check-bounds';

/** The constraints of a shape, as Markdown. */
export function constraintsOf(shapeName: string): string | undefined {
  const s = shape(shapeName);
  if (!s) return undefined;
  const parts: string[] = [];
  if (s.enum) parts.push(`One of ${s.enum.map((e) => `\`${e}\``).join(', ')}.`);
  if (s.min !== undefined || s.max !== undefined) {
    const unit = s.type === 'string' ? ' characters' : s.type === 'list' ? ' items' : '';
    parts.push(`${s.min ?? 0}–${s.max ?? '∞'}${unit}.`);
  }
  if (s.type === 'list' && s.member)
    parts.push(
      `Items: ${describeShape(shape(s.member))}${
        shape(s.member)?.enum
          ? ` (${shape(s.member)
              .enum!.map((e) => `\`${e}\``)
              .join(', ')})`
          : ''
      }.`,
    );
  if (s.deprecated) parts.push('Deprecated.');
  return parts.length ? parts.join(' ') : undefined;
}

export function hover(ctx: FeatureContext<TaskDefModel>, offset: number): HoverResult | undefined {
  const { text, model } = ctx;
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  if (!node || !model.root) return undefined;
  // Hover on a key: the path ends at that key. On a value: the path also ends at its key.
  const path = loc.path;
  const resolved = resolvePath(path, !!model.wrapper);
  if (!resolved?.key) return undefined;
  const { key, parentStructure } = resolved;
  const parent = parentStructure ? shape(parentStructure) : undefined;
  const required =
    parent?.required?.includes(key) ||
    (parentStructure === 'ContainerDefinition' && (key === 'name' || key === 'image'));
  const lines = [`**${key}**: ${describeShape(resolved.shape)}${required ? ', required' : ''}`];
  if (parent?.type === 'map') lines[0] = `**${key}**: ${describeShape(resolved.shape)}`;
  const doc = fieldDoc(parentStructure, key);
  if (doc) lines.push(doc);
  const c = constraintsOf(resolved.shapeName);
  if (c) lines.push(c);
  if (parentStructure === 'HealthCheck' && HEALTH_CHECK_BOUNDS[key]) {
    const b = HEALTH_CHECK_BOUNDS[key];
    lines.push(`${b.min}–${b.max} ${b.unit}${b.default !== undefined ? `, default ${b.default}` : ''}.`);
  }
  if (parentStructure === 'RegisterTaskDefinitionRequest' && (key === 'cpu' || key === 'memory')) {
    lines.push(
      'Fargate sizes (CPU units → memory MiB):\n\n' +
        FARGATE_SIZES.map((s) => {
          const m = s.memory;
          return `- ${s.cpu} → ${m.length <= 3 ? m.join(', ') : `${m[0]}–${m[m.length - 1]} (step ${m[1] - m[0]})`}`;
        }).join('\n'),
    );
  }
  // getLocation's previousNode is the key (for a property) or the scalar value under the cursor.
  return {
    markdown: lines.join('\n\n'),
    span: { start: node.offset, end: node.offset + node.length },
  };
}
