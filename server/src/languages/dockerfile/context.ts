/** The build context of a Dockerfile as far as a linter can know it: its folder and its ignore file. */
import type { WorkspaceIndex } from '../../engine/types';
import { parseDockerignore, DockerignoreModel } from '../dockerignore/patterns';
import { dirname } from './util';

/** The ignore file Docker would use: `<Dockerfile>.dockerignore` beside it, else `.dockerignore` in the context. */
export function ignoreFileFor(path: string, workspace: WorkspaceIndex): { path: string; model: DockerignoreModel } | undefined {
  const dir = dirname(path);
  const candidates = [path + '.dockerignore', dir + '/.dockerignore'];
  for (const p of candidates) {
    workspace.dependOn?.(path, p);
    const parsed = workspace.get(p);
    if (parsed && parsed.kind === 'dockerignore' && (parsed.model as DockerignoreModel).patterns) return { path: p, model: parsed.model as DockerignoreModel };
    const text = workspace.readText(p);
    if (text !== undefined) return { path: p, model: parseDockerignore(text) };
  }
  return undefined;
}
