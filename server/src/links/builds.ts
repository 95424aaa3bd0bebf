/**
 * How a running container is linked to the Dockerfile that builds its image (kept simple, and the same for every
 * check):
 * - a compose service: its `build` (`context`, `dockerfile`, `target`);
 * - a task definition container: a workflow that renders this task definition for that container
 *   (`amazon-ecs-render-task-definition` with `task-definition` and `container-name`) and builds an image in the same
 *   job (`docker/build-push-action` or `docker build`), or, when the render job builds nothing, the one build of that
 *   workflow. Several candidates: the first in the file.
 * And the reverse lookups: the compose services and workflow builds of a Dockerfile, the workflows that render a task
 * definition. Each is computed once per check (`ctx.once`), through the index's reverse lookup (`keys.ts`): only the
 * files that point at this one are read.
 */
import type { OffsetEdit, WorkspaceIndex } from '../engine/types';
import type { BuildFacts as ComposeBuild, ComposeFacts, ServiceFacts } from '../languages/compose/facts';
import { builtStage, type DockerfileFacts, type StageFacts } from '../languages/dockerfile/facts';
import {
  isLiteral,
  type BuildFacts as WorkflowBuild,
  type EcsStepFacts,
  type WorkflowFacts,
} from '../languages/workflow/facts';
import { composeAt, dockerfileAt, dockerfileText, workflowAt, type LinkContext } from './facts';
import { buildsKey, ecsKey } from './keys';

export interface ImageSource {
  dockerfilePath: string;
  dockerfile: DockerfileFacts;
  stage: StageFacts;
  /** The workflow that links a task definition container to its build (undefined for compose). */
  workflow?: string;
  build?: WorkflowBuild;
}

function source(ws: WorkspaceIndex, dockerfilePath: string | undefined, target: string | undefined) {
  if (!dockerfilePath) return undefined;
  const dockerfile = dockerfileAt(ws, dockerfilePath);
  if (!dockerfile) return undefined;
  const stage = builtStage(dockerfile, target);
  return stage ? { dockerfilePath, dockerfile, stage } : undefined;
}

export function imageSourceOfContainer(
  ctx: LinkContext,
  taskDefPath: string,
  containerName: string,
): ImageSource | undefined {
  for (const wf of workflowsRendering(ctx, taskDefPath)) {
    for (const step of wf.steps) {
      if (step.container?.value.trim() !== containerName) continue;
      const sameJob = wf.facts.builds.filter((b) => b.job === step.job);
      const candidates = sameJob.length ? sameJob : wf.facts.builds.length === 1 ? wf.facts.builds : [];
      for (const b of candidates) {
        if (b.target && !isLiteral(b.target)) continue;
        const s = source(ctx.workspace, b.dockerfilePath, b.target?.value);
        if (s) return { ...s, workflow: wf.path, build: b };
      }
    }
  }
  return undefined;
}

/** The Dockerfile a compose service builds: a workspace file, or its literal `dockerfile_inline`. */
export function composeDockerfile(ws: WorkspaceIndex, build: ComposeBuild): DockerfileFacts | undefined {
  if (build.inline) {
    if (build.inlineText === undefined || build.inlineText.includes('${')) return undefined;
    return dockerfileText(build.inlineText);
  }
  if (build.remote || build.dockerfilePath.includes('$')) return undefined;
  return dockerfileAt(ws, build.dockerfilePath);
}

export function imageSourceOfService(ws: WorkspaceIndex, svc: ServiceFacts): ImageSource | undefined {
  const b = svc.build;
  if (!b?.local || (b.target ?? '').includes('$')) return undefined;
  return source(ws, b.dockerfilePath, b.target);
}

export interface ComposeUse {
  path: string;
  compose: ComposeFacts;
  service: ServiceFacts;
  build: ComposeBuild;
}

/** The compose services of the workspace that build the Dockerfile at `dockerfilePath` (local builds only). */
export function composeBuildsOf(ctx: LinkContext, dockerfilePath: string): ComposeUse[] {
  return ctx.once(`compose-builds:${dockerfilePath}`, () => {
    const out: ComposeUse[] = [];
    for (const path of ctx.workspace.withKey('compose', buildsKey(dockerfilePath))) {
      const compose = composeAt(ctx.workspace, path);
      for (const service of compose?.services ?? [])
        if (service.build?.local && service.build.dockerfilePath === dockerfilePath)
          out.push({ path, compose: compose!, service, build: service.build });
    }
    return out;
  });
}

/** The workflow builds (`docker/build-push-action`, `docker build`) of the workspace that build the Dockerfile. */
export function workflowBuildsOf(ctx: LinkContext, dockerfilePath: string): { path: string; build: WorkflowBuild }[] {
  return ctx.once(`workflow-builds:${dockerfilePath}`, () => {
    const out: { path: string; build: WorkflowBuild }[] = [];
    for (const path of ctx.workspace.withKey('workflow', buildsKey(dockerfilePath)))
      for (const build of workflowAt(ctx.workspace, path)?.builds ?? [])
        if (build.dockerfilePath === dockerfilePath) out.push({ path, build });
    return out;
  });
}

export interface LinkedWorkflow {
  path: string;
  facts: WorkflowFacts;
  /** Its ECS steps that name the task definition. */
  steps: EcsStepFacts[];
}

/**
 * The workflows of the workspace whose ECS steps name `taskDefPath` (reverse lookup, for the task definition's side).
 * The lookup is a dependency, on purpose: a workflow that starts naming this file must re-check it too.
 */
export function workflowsRendering(ctx: LinkContext, taskDefPath: string): LinkedWorkflow[] {
  return ctx.once(`rendering:${taskDefPath}`, () => {
    const out: LinkedWorkflow[] = [];
    for (const path of ctx.workspace.withKey('workflow', ecsKey(taskDefPath))) {
      const facts = workflowAt(ctx.workspace, path);
      const steps = facts?.ecs.filter((s) => s.taskDefPath === taskDefPath) ?? [];
      if (facts && steps.length) out.push({ path, facts, steps });
    }
    return out;
  });
}

/** BuildKit's stage names: a letter, then letters, digits, `-`, `_` and `.`. */
const STAGE_NAME = /^[a-z][a-z0-9._-]*$/i;

/**
 * `FROM node:22` → `FROM node:22 AS <target>`: where the final stage has no name, the target most likely means it (the
 * image a build without a target gives). Not for a name BuildKit would refuse, nor a FROM it cannot read.
 */
export function nameFinalStage(
  text: string,
  final: StageFacts,
  target: string,
): { title: string; edit: OffsetEdit } | undefined {
  if (final.name !== undefined || !final.image || !STAGE_NAME.test(target)) return undefined;
  let end = final.from.end;
  while (end > final.from.start && /\s/.test(text[end - 1])) end--;
  if (text[end - 1] === '\\' || text[end - 1] === '`') return undefined;
  const as = /^\s*from\b/.test(final.fromLine) ? 'as' : 'AS';
  return {
    title: `Name the final stage "${target}" (${as} ${target})`,
    edit: { start: end, end, newText: ` ${as} ${target}` },
  };
}
