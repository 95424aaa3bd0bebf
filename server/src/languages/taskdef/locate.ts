/** Resolves a JSON path (from jsonc-parser's getLocation) to the model shape expected there. */
import { MODEL, shape, memberShape, type ShapeDef } from './ecs';

export interface Resolved {
  shapeName: string;
  shape: ShapeDef;
  parentStructure?: string;
  key?: string;
}

/** Strips the describe wrapper and walks the model; undefined when the path leaves the model. */
export function resolvePath(path: (string | number)[], wrapped: boolean): Resolved | undefined {
  const p = wrapped && path[0] === 'taskDefinition' ? path.slice(1) : path;
  let name = MODEL.root;
  let parentStructure: string | undefined;
  let key: string | undefined;
  for (const seg of p) {
    const s = shape(name);
    if (!s) return undefined;
    if (s.type === 'structure' && typeof seg === 'string') {
      const m = memberShape(name, seg);
      if (!m) return undefined;
      parentStructure = name;
      key = seg;
      name = m;
    } else if (s.type === 'list' && typeof seg === 'number' && s.member) {
      name = s.member;
    } else if (s.type === 'map' && typeof seg === 'string' && s.value) {
      parentStructure = name;
      key = seg;
      name = s.value;
    } else return undefined;
  }
  return { shapeName: name, shape: shape(name), parentStructure, key };
}
