/** The build context of a Dockerfile as far as a linter can know it: its folder and its ignore file. */
import type { WorkspaceIndex } from '../../engine/types';
import { parseDockerignore, type DockerignoreModel } from '../dockerignore/patterns';
import { dirname } from './util';

/**
 * A .dockerignore through the index: its parsed model, or its text parsed (any name, e.g. `Dockerfile.dockerignore`).
 */
export function readIgnoreFile(workspace: WorkspaceIndex, path: string): DockerignoreModel | undefined {
  const parsed = workspace.get(path);
  if (parsed && parsed.kind === 'dockerignore' && (parsed.model as DockerignoreModel).patterns)
    return parsed.model as DockerignoreModel;
  const text = workspace.readText(path);
  return text === undefined ? undefined : parseDockerignore(text);
}

/** The ignore file Docker would use: `<Dockerfile>.dockerignore` beside it, else `.dockerignore` in the context. */
export function ignoreFileFor(
  path: string,
  workspace: WorkspaceIndex,
): { path: string; model: DockerignoreModel } | undefined {
  for (const p of [path + '.dockerignore', dirname(path) + '/.dockerignore']) {
    workspace.dependOn?.(path, p);
    const model = readIgnoreFile(workspace, p);
    if (model) return { path: p, model };
  }
  return undefined;
}
