/**
 * The keys of the reverse index (`WorkspaceIndex.withKey`): what a file's facts say it points at, so that a check of
 * the file pointed at finds the files that point at it without reading every file of their kind. A key is held by a
 * file exactly when the lookup's own filter would keep something of it (the lookups filter the facts they read as
 * before; the keys only spare them the files that hold nothing for them).
 */
import type { DocumentKind } from '../engine/types';
import type { ComposeFacts } from '../languages/compose/facts';
import type { TaskDefFacts } from '../languages/taskdef/facts';
import type { WorkflowFacts } from '../languages/workflow/facts';
import { imageRepository } from '../text/image-ref';
import { deployKeys, HAS_FAMILY } from './families';
import { flakeOf } from './facts';

/** A compose service or a workflow step builds the Dockerfile at this path (compose: local builds only). */
export const buildsKey = (dockerfilePath: string) => `build:${dockerfilePath}`;
/** A workflow's ECS step names the task definition file at this path. */
export const ecsKey = (taskDefPath: string) => `ecs:${taskDefPath}`;
/** A workflow runs `nix build .#…` against the flake at this path. */
export const flakeKey = (flakePath: string) => `flake:${flakePath}`;
/** A workflow's deploy step updates this service (`deployKey`: service, cluster, AWS target). */
export const deployKeyOf = (key: string) => `deploy:${key}`;
/** A compose service or a task definition container runs an image of this repository path (`imageRepository`). */
export const imageKey = (repositoryPath: string) => `image:${repositoryPath}`;
/** A workflow names a task definition family (XF006/XF008 read those). */
export const NAMES_FAMILY = 'names-family';
/** A task definition has a literal `family` (families.ts reads them). */
export { HAS_FAMILY };

/** The kinds whose files hold keys (the others are never looked up). */
export const KEYED_KINDS: readonly DocumentKind[] = ['compose', 'workflow', 'taskdef'];

export function factKeys(kind: DocumentKind, facts: unknown): string[] {
  const out: string[] = [];
  if (kind === 'compose') {
    for (const s of (facts as ComposeFacts).services) {
      if (s.build?.local) out.push(buildsKey(s.build.dockerfilePath));
      const repo = s.image === undefined ? undefined : imageRepository(s.image);
      if (repo) out.push(imageKey(repo.path));
    }
  } else if (kind === 'workflow') {
    const wf = facts as WorkflowFacts;
    for (const b of wf.builds) if (b.dockerfilePath) out.push(buildsKey(b.dockerfilePath));
    for (const s of wf.ecs) if (s.taskDefPath) out.push(ecsKey(s.taskDefPath));
    if (wf.families.length) out.push(NAMES_FAMILY);
    for (const k of deployKeys(wf)) out.push(deployKeyOf(k));
    const flake = flakeOf(wf);
    if (flake && wf.installables.length) out.push(flakeKey(flake));
  } else if (kind === 'taskdef') {
    const td = facts as TaskDefFacts;
    if (td.family) out.push(HAS_FAMILY);
    for (const c of td.containers) {
      const repo = c.image === undefined ? undefined : imageRepository(c.image);
      if (repo) out.push(imageKey(repo.path));
    }
  }
  return out;
}
