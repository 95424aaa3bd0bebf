import { READ_ONLY_TASK_DEFINITION_FIELDS } from '../../../../common/ecs-task-definition';
/** Walks a task definition against the generated ECS model, handing each node its expected shape. */
import type { Node } from 'jsonc-parser';
import type { SharingContext } from '../../engine/once';
import type { TaskDefModel } from './parse';
import { MODEL, shape, memberShape, type ShapeDef } from './ecs';
import { props, keyOf, templatedNode } from './json';

export interface Visit {
  node: Node;
  shapeName: string;
  shape: ShapeDef;
  /** The property holding this value, when it is an object member. */
  prop?: Node;
  /** The member name (or `[i]`) chain from the task definition root. */
  path: string[];
}

/** The JSON type a shape wants. */
export function jsonType(s: ShapeDef): 'object' | 'array' | 'string' | 'number' | 'boolean' {
  switch (s.type) {
    case 'structure':
    case 'map':
      return 'object';
    case 'list':
      return 'array';
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/** Whether the node has the JSON type the shape wants (a templated string counts for any scalar). */
export function typeMatches(node: Node, s: ShapeDef): boolean {
  const want = jsonType(s);
  if (node.type === 'string' && templatedNode(node) && want !== 'object' && want !== 'array') return true;
  if (want === 'number')
    return node.type === 'number' && ((s.type !== 'integer' && s.type !== 'long') || Number.isInteger(node.value));
  return node.type === want;
}

/** Members that are not in the request shape but are fine at the root (reported by their own rules). */
export const READ_ONLY = new Set<string>(READ_ONLY_TASK_DEFINITION_FIELDS);

/**
 * Every value node of the document whose expected shape is known, depth first, walked once per check and shared by the
 * rules that judge them (unknown keys, types, enums, ranges, required members).
 */
export function visitsOf(ctx: SharingContext<TaskDefModel>): Visit[] {
  return ctx.once('taskdef:visits', () => {
    const out: Visit[] = [];
    walk(ctx.model.taskDef, (v) => out.push(v));
    return out;
  });
}

/**
 * Calls `fn` for every value node whose expected shape is known, depth first. Descends only into
 * containers of the right type; unknown keys are left to the caller (see `unknownKeys`).
 */
export function walk(td: Node | undefined, fn: (v: Visit) => void): void {
  if (!td) return;
  const visit = (node: Node, shapeName: string, path: string[], prop?: Node): void => {
    const s = shape(shapeName);
    if (!s) return;
    fn({ node, shapeName, shape: s, prop, path });
    if (!typeMatches(node, s)) return;
    if (s.type === 'structure' && node.type === 'object') {
      for (const p of props(node)) {
        const k = keyOf(p);
        const ms = memberShape(shapeName, k);
        const v = p.children?.[1];
        if (ms && v) visit(v, ms, [...path, k], p);
      }
    } else if (s.type === 'list' && node.type === 'array' && s.member) {
      (node.children ?? []).forEach((c, i) => visit(c, s.member!, [...path, `[${i}]`]));
    } else if (s.type === 'map' && node.type === 'object' && s.value) {
      for (const p of props(node)) {
        const v = p.children?.[1];
        if (v) visit(v, s.value, [...path, keyOf(p)], p);
      }
    }
  };
  visit(td, MODEL.root, []);
}

export function describeShape(s: ShapeDef): string {
  if (s.type === 'structure') return 'an object';
  if (s.type === 'map') return 'an object of strings';
  if (s.type === 'list') return 'an array';
  if (s.type === 'integer' || s.type === 'long') return 'an integer';
  if (s.type === 'boolean') return 'true or false';
  return 'a string';
}
