/** Metadata of actions referenced by path (`uses: ./path`), read through the workspace index. */
import { parseYamlValue } from '../../yaml/unique-keys';
import type { WorkspaceIndex } from '../../engine/types';
import type { CatalogAction } from './actions';

import { posix } from 'node:path';
import { repoRootOf } from '../../text/paths';

export { repoRootOf };

export function localActionFile(workflowPath: string, uses: string, ws: WorkspaceIndex): string | undefined {
  const root = repoRootOf(workflowPath);
  if (!root) return undefined;
  const rel = uses.replace(/^\.\//, '').replace(/(?<!\/)\/+$/, '');
  const dir = rel ? posix.join(root, rel) : root;
  for (const name of ['action.yml', 'action.yaml']) {
    const f = `${dir}/${name}`;
    if (ws.exists(f)) return f;
  }
  return undefined;
}

export function readLocalAction(
  workflowPath: string,
  uses: string,
  ws: WorkspaceIndex,
): { file: string; action: CatalogAction } | undefined {
  const file = localActionFile(workflowPath, uses, ws);
  if (!file) return undefined;
  ws.dependOn?.(workflowPath, file);
  const text = ws.readText(file);
  if (text === undefined) return undefined;
  let meta: unknown;
  try {
    meta = parseYamlValue(text);
  } catch {
    return undefined;
  }
  if (!meta || typeof meta !== 'object') return undefined;
  const m = meta as { inputs?: Record<string, unknown>; outputs?: Record<string, unknown>; runs?: { using?: string } };
  const inputs: CatalogAction['inputs'] = {};
  for (const [k, d] of Object.entries(m.inputs ?? {})) {
    const def = (d ?? {}) as { required?: unknown; default?: unknown; deprecationMessage?: unknown };
    inputs[k] = {
      required: def.required === true || def.required === 'true',
      default: def.default === undefined || def.default === null ? undefined : String(def.default),
      deprecated: !!def.deprecationMessage,
    };
  }
  return { file, action: { runtime: m.runs?.using ?? '', inputs, outputs: Object.keys(m.outputs ?? {}) } };
}
