/** The ECS task definition language: JSON files registered with `aws ecs register-task-definition`. */
import type { Language } from '../../engine/types';
import { parseTaskDef, type TaskDefModel } from './parse';
import { rules } from './rules';
import { complete } from './complete';
import { hover } from './hover';
import { symbols } from './symbols';

export type { TaskDefModel } from './parse';

export const language: Language<TaskDefModel> = {
  kind: 'taskdef',
  // JSON has no comments, so no inline ignore comments either.
  parse: (text, path) => parseTaskDef(text, path),
  rules,
  complete,
  hover,
  symbols,
};

/** Content sniffing for `.json` files: a task definition has containerDefinitions or is the describe wrapper. */
export function looksLikeTaskDef(text: string, path = ''): boolean {
  if (/(^|\/)(taskdef|[^/]*task-def[^/]*|task-definition[^/]*)\.json$/i.test(path)) return true;
  const m = parseTaskDef(text);
  const root = m.root;
  if (!root || root.type !== 'object') return false;
  return !!root.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions' || (p.children?.[0]?.value === 'taskDefinition' && p.children?.[1]?.type === 'object'));
}
