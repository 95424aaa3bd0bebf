/** Metadata of actions referenced by path (`uses: ./path`), read through the workspace index. */
import { parseYamlValue } from '../../yaml/unique-keys';
import type { WorkspaceIndex } from '../../engine/types';
import type { CatalogAction } from './actions';
import { parseWorkflow, type InputDef, type WorkflowModel } from './parse';
import { asMap, entries, entry } from '../../yaml/view';

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
      deprecationMessage: typeof def.deprecationMessage === 'string' ? def.deprecationMessage : undefined,
    };
  }
  return { file, action: { runtime: m.runs?.using ?? '', inputs, outputs: Object.keys(m.outputs ?? {}) } };
}

/** What a local reusable workflow declares for its callers (`on.workflow_call`). */
export interface CalledWorkflow {
  file: string;
  model: WorkflowModel;
  callable: boolean;
  inputs: InputDef[];
  secrets: Map<string, { required: boolean }>;
  outputs: string[];
}

/** The local reusable workflow a job calls (`uses: ./.github/workflows/x.yml`), read through the workspace index. */
export function readLocalWorkflow(workflowPath: string, uses: string, ws: WorkspaceIndex): CalledWorkflow | undefined {
  const root = repoRootOf(workflowPath);
  if (!root || !/^\.\/\.github\/workflows\/[^/]+\.ya?ml$/.test(uses)) return undefined;
  const file = posix.join(root, uses.slice(2));
  ws.dependOn?.(workflowPath, file);
  const parsed = ws.get(file);
  let model: WorkflowModel | undefined;
  if (parsed && parsed.kind === 'workflow') model = parsed.model as WorkflowModel;
  else {
    const text = ws.readText(file);
    if (text !== undefined) model = parseWorkflow(text);
  }
  if (!model) return undefined;
  const doc = model.doc;
  const call = model.triggers.find((t) => t.name === 'workflow_call');
  const outputs = entries(asMap(entry(asMap(call?.value, doc), doc, 'outputs', false)?.value, doc), doc, false).map(
    (e) => e.key,
  );
  return {
    file,
    model,
    callable: !!call,
    inputs: [...model.inputs.values()].filter((i) => i.event === 'workflow_call'),
    secrets: model.callSecrets,
    outputs,
  };
}
