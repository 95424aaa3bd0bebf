/**
 * Editor features across files that start from a value naming something in another file:
 * - workflows: go to definition from a render step's `container-name` to the container, from a build `target` to
 *   the stage, from a build arg to the ARG, from a `task-definition` or `file` path to the file; completions of
 *   container names, stage names, build args and flake outputs (`nix build .#`) from the other file;
 * - compose: completions of a service's build args and `build.target` from its Dockerfile.
 */
import type { Completion, FeatureContext, FileSpan } from '../engine/types';
import { completionSite } from '../languages/compose/facts';
import { declaredArgs } from '../languages/dockerfile/facts';
import { definedNames, LOOKS_IN } from '../languages/flake/facts';
import type { WorkflowFacts } from '../languages/workflow/facts';
import { composeDockerfile } from './builds';
import { composeAt, dockerfileAt, flakeAt, own, taskDefAt } from './facts';
import { flakeOf, inside } from './refs';

export function workflowDefinition(ctx: FeatureContext<unknown>, offset: number): FileSpan[] {
  const wf = own<WorkflowFacts>(ctx);
  if (!wf) return [];
  for (const s of wf.ecs) {
    if (!s.taskDefPath) continue;
    if (s.taskDef && inside(offset, s.taskDef) && ctx.workspace.exists(s.taskDefPath))
      return [{ path: s.taskDefPath, start: 0, end: 0 }];
    if (s.container && inside(offset, s.container)) {
      const name = s.container.value.trim();
      const c = (taskDefAt(ctx.workspace, s.taskDefPath)?.containers ?? []).find((x) => x.name === name);
      if (c) return [{ path: s.taskDefPath, ...(c.nameSpan ?? c) }];
    }
  }
  for (const b of wf.builds) {
    if (!b.dockerfilePath) continue;
    if (b.file && inside(offset, b.file) && ctx.workspace.exists(b.dockerfilePath))
      return [{ path: b.dockerfilePath, start: 0, end: 0 }];
    if (b.target && inside(offset, b.target)) {
      const stage = dockerfileAt(ctx.workspace, b.dockerfilePath)?.stages.find(
        (s) => s.name?.toLowerCase() === b.target!.value.toLowerCase(),
      );
      if (stage) return [{ path: b.dockerfilePath, ...(stage.nameSpan ?? stage.from) }];
    }
    const arg = b.buildArgs.find((a) => inside(offset, a));
    if (arg) {
      const def = dockerfileAt(ctx.workspace, b.dockerfilePath)?.args.find((a) => a.name === arg.value);
      if (def) return [{ path: b.dockerfilePath, start: def.start, end: def.end }];
    }
  }
  return [];
}

/** After `nix build|run|develop|shell .#` in a `run:` script: the outputs the repository's flake defines there. */
function flakeOutputCompletions(ctx: FeatureContext<unknown>, wf: WorkflowFacts, offset: number) {
  const step = wf.steps.find((s) => s.run && inside(offset, s.run));
  if (!step) return undefined;
  const line = ctx.text.slice(ctx.text.lastIndexOf('\n', offset - 1) + 1, offset);
  const m = /(?:^|[\s;&|(])nix\s+(build|run|develop|shell)\b[^\n;&|]*\s\.#([A-Za-z0-9_'-]*)$/.exec(line);
  const flakePath = m ? flakeOf(wf) : undefined;
  if (!m || !flakePath) return undefined;
  const flake = flakeAt(ctx.workspace, flakePath);
  if (!flake?.outputsKnown) return [];
  const items: Completion[] = [];
  const seen = new Set<string>();
  for (const kind of LOOKS_IN[m[1]]) {
    for (const name of definedNames(flake, [kind]) ?? []) {
      if (seen.has(name)) continue;
      seen.add(name);
      items.push({ label: name, kind: 'module', detail: `${kind} of flake.nix` });
    }
  }
  return items;
}

/**
 * Completions inside `container-name:`, `target:` and `build-args:` values and after `nix build .#`, from the other
 * file.
 */
export function workflowCompletions(ctx: FeatureContext<unknown>, offset: number): Completion[] {
  const wf = own<WorkflowFacts>(ctx);
  if (!wf) return [];
  const outputs = flakeOutputCompletions(ctx, wf, offset);
  if (outputs) return outputs;
  for (const s of wf.ecs) {
    if (!s.taskDefPath || !s.container || !inside(offset, s.container)) continue;
    return (taskDefAt(ctx.workspace, s.taskDefPath)?.containers ?? [])
      .filter((c) => c.name)
      .map((c) => ({ label: c.name!, kind: 'value', detail: `container of ${s.taskDef?.value}` }));
  }
  for (const b of wf.builds) {
    if (!b.dockerfilePath) continue;
    const df =
      (b.target && inside(offset, b.target)) || b.buildArgs.some((a) => inside(offset, a))
        ? dockerfileAt(ctx.workspace, b.dockerfilePath)
        : undefined;
    if (!df) continue;
    if (b.target && inside(offset, b.target))
      return df.stages
        .filter((s) => s.name)
        .map((s) => ({ label: s.name!, kind: 'class', detail: `stage FROM ${s.image ?? ''}` }));
    return declaredArgs(df).map((name) => ({ label: name, kind: 'variable', detail: 'ARG of the Dockerfile' }));
  }
  return [];
}

/** A compose service's build args and `build.target` from its Dockerfile; undefined elsewhere. */
export function composeCompletions(ctx: FeatureContext<unknown>, offset: number): Completion[] | undefined {
  const site = completionSite(ctx, offset);
  if (!site) return undefined;
  const build = composeAt(ctx.workspace, ctx.path)?.services.find((s) => s.name === site.service)?.build;
  const df = build && composeDockerfile(ctx.workspace, build);
  if (!build || !df) return [];
  if (site.kind === 'build-target')
    return df.stages
      .filter((s) => s.name)
      .map((s) => ({
        label: s.name!,
        kind: 'enumMember',
        detail: `stage of ${build.dockerfile}`,
        replace: site.replace,
        insertText: s.name!,
      }));
  const given = new Set(site.given);
  return declaredArgs(df)
    .filter((name) => !given.has(name))
    .map((name) => ({
      label: name,
      kind: 'variable',
      detail: `ARG of ${build.dockerfile}`,
      replace: site.replace,
      insertText: site.at === 'key' ? `${name}: ` : `${name}=`,
    }));
}
