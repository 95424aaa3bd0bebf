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
import { localBuild, type BuildInfo } from '../compose/build';
import type { WorkflowModel } from '../workflow/parse';
import { builtStage, dockerfileAt } from './models';
import { buildSteps, isLiteral, oncePerCheck, workflowsRendering, type BuildStep } from './workflow';

export interface ImageSource {
  dockerfile: ParsedFile<DockerfileModel>;
  stage: Stage;
  /** The workflow that links a task definition container to its build (undefined for compose). */
  workflow?: string;
  build?: BuildStep;
}

function source(
  ws: WorkspaceIndex,
  dockerfilePath: string | undefined,
  target: string | undefined,
): { dockerfile: ParsedFile<DockerfileModel>; stage: Stage } | undefined {
  if (!dockerfilePath) return undefined;
  const dockerfile = dockerfileAt(ws, dockerfilePath);
  if (!dockerfile) return undefined;
  const stage = builtStage(dockerfile.model, target);
  return stage ? { dockerfile, stage } : undefined;
}

export function imageSourceOfContainer(
  ws: WorkspaceIndex,
  taskDefPath: string,
  containerName: string,
): ImageSource | undefined {
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

export function imageSourceOfService(
  ws: WorkspaceIndex,
  model: ComposeModel,
  svc: ServiceModel,
  composePath: string,
): ImageSource | undefined {
  const info = localBuild(model, svc, composePath);
  if (!info || (info.target ?? '').includes('$')) return undefined;
  return source(ws, info.dockerfilePath, info.target);
}

/**
 * The compose services of the workspace that build the Dockerfile at `dockerfilePath` (only local builds: see
 * localBuild).
 */
export function composeBuildsOf(
  ws: WorkspaceIndex,
  dockerfilePath: string,
): { path: string; model: ComposeModel; svc: ServiceModel; info: BuildInfo }[] {
  return oncePerCheck(ws, `compose-builds:${dockerfilePath}`, () => scanComposeBuilds(ws, dockerfilePath));
}

function scanComposeBuilds(
  ws: WorkspaceIndex,
  dockerfilePath: string,
): { path: string; model: ComposeModel; svc: ServiceModel; info: BuildInfo }[] {
  const out: { path: string; model: ComposeModel; svc: ServiceModel; info: BuildInfo }[] = [];
  for (const path of ws.list('compose')) {
    const file = ws.get(path);
    if (file?.kind !== 'compose') continue;
    const model = file.model as ComposeModel;
    for (const svc of model.services ?? []) {
      const info = localBuild(model, svc, path);
      if (info?.dockerfilePath === dockerfilePath) out.push({ path, model, svc, info });
    }
  }
  return out;
}

/**
 * The workflow builds (`docker/build-push-action`, `docker build`) of the workspace that build the Dockerfile at
 * `dockerfilePath`.
 */
export function workflowBuildsOf(ws: WorkspaceIndex, dockerfilePath: string): { path: string; build: BuildStep }[] {
  return oncePerCheck(ws, `workflow-builds:${dockerfilePath}`, () => scanWorkflowBuilds(ws, dockerfilePath));
}

function scanWorkflowBuilds(ws: WorkspaceIndex, dockerfilePath: string): { path: string; build: BuildStep }[] {
  const out: { path: string; build: BuildStep }[] = [];
  for (const path of ws.list('workflow')) {
    const file = ws.get(path);
    if (file?.kind !== 'workflow') continue;
    for (const build of buildSteps(file.model as WorkflowModel, path))
      if (build.dockerfilePath === dockerfilePath) out.push({ path, build });
  }
  return out;
}
