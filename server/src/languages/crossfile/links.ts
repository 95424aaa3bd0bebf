/**
 * How a running container is linked to the Dockerfile that builds its image (kept simple, and the
 * same for every rule):
 * - a compose service: its `build` (`context`, `dockerfile`, `target`);
 * - a task definition container: a workflow that renders this task definition for that container
 *   (`amazon-ecs-render-task-definition` with `task-definition` and `container-name`) and builds an
 *   image in the same job (`docker/build-push-action` or `docker build`), or, when the render job
 *   builds nothing, the one build of that workflow. Several candidates: the first in the file.
 */
import type { ParsedFile, WorkspaceIndex } from '../../engine/types';
import type { DockerfileModel, Stage } from '../dockerfile/parse';
import type { ComposeModel, ServiceModel } from '../compose/parse';
import { buildInfo } from '../compose/build';
import { builtStage, dockerfileAt } from './models';
import { isLiteral, workflowsRendering, type BuildStep } from './workflow';

export interface ImageSource {
  dockerfile: ParsedFile<DockerfileModel>;
  stage: Stage;
  /** The workflow that links a task definition container to its build (undefined for compose). */
  workflow?: string;
  build?: BuildStep;
}

function source(ws: WorkspaceIndex, dockerfilePath: string | undefined, target: string | undefined): { dockerfile: ParsedFile<DockerfileModel>; stage: Stage } | undefined {
  if (!dockerfilePath) return undefined;
  const dockerfile = dockerfileAt(ws, dockerfilePath);
  if (!dockerfile) return undefined;
  const stage = builtStage(dockerfile.model, target);
  return stage ? { dockerfile, stage } : undefined;
}

export function imageSourceOfContainer(ws: WorkspaceIndex, taskDefPath: string, containerName: string): ImageSource | undefined {
  for (const wf of workflowsRendering(ws, taskDefPath)) {
    for (const step of wf.steps) {
      if (step.container?.value.trim() !== containerName) continue;
      const sameJob = wf.builds.filter((b) => b.job === step.job);
      const candidates = sameJob.length ? sameJob : wf.builds.length === 1 ? wf.builds : [];
      for (const b of candidates) {
        if (b.target && !isLiteral(b.target)) continue;
        const s = source(ws, b.dockerfilePath, b.target?.value);
        if (s) return { ...s, workflow: wf.path, build: b };
      }
    }
  }
  return undefined;
}

export function imageSourceOfService(ws: WorkspaceIndex, model: ComposeModel, svc: ServiceModel, composePath: string): ImageSource | undefined {
  const info = buildInfo(model, svc, composePath);
  if (!info || info.inline || info.remote || info.dockerfilePath.includes('$') || (info.target ?? '').includes('$')) return undefined;
  return source(ws, info.dockerfilePath, info.target);
}
