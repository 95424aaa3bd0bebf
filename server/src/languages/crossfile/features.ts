/**
 * Editor features across files, for workflows: go to definition from a render step's
 * `container-name` to the container, from a build `target` to the stage, from a `task-definition`
 * or `file` path to the file; completions of container names, stage names, build args and flake
 * outputs (`nix build .#`) from the other file. Wiring (one line each in the workflow language's `definition` and
 * `complete`):
 *   definition: (ctx, o) => [...crossFileDefinition(ctx, o), ...definition(ctx, o)]
 *   complete:   (ctx, o) => [...crossFileCompletions(ctx, o), ...complete(ctx, o)]
 */
import type { Completion, FeatureContext, FileSpan } from '../../engine/types';
import type { WorkflowModel } from '../workflow/parse';
import { declaredArgs, dockerfileAt, taskDefAt } from './models';
import { buildSteps, ecsSteps } from './workflow';
import { inside } from './refs';
import { LOOKS_IN, definedNames, outputsTree } from './nix';
import { repoRootOf } from './paths';
import type { NixModel } from '../nix/ast';

function locate(_ctx: FeatureContext<unknown>, path: string, start: number, end: number): FileSpan {
  return { path, start, end };
}

export function crossFileDefinition(ctx: FeatureContext<WorkflowModel>, offset: number): FileSpan[] {
  for (const s of ecsSteps(ctx.model, ctx.path)) {
    if (!s.taskDefPath) continue;
    if (s.taskDef && inside(offset, s.taskDef) && ctx.workspace.exists(s.taskDefPath))
      return [{ path: s.taskDefPath, start: 0, end: 0 }];
    if (s.container && inside(offset, s.container)) {
      const c = taskDefAt(ctx.workspace, s.taskDefPath)?.containers.find((x) => x.name === s.container!.value.trim());
      if (c) return [locate(ctx, s.taskDefPath, c.nameSpan?.start ?? c.start, c.nameSpan?.end ?? c.end)];
    }
  }
  for (const b of buildSteps(ctx.model, ctx.path)) {
    if (!b.dockerfilePath) continue;
    if (b.file && inside(offset, b.file) && ctx.workspace.exists(b.dockerfilePath))
      return [{ path: b.dockerfilePath, start: 0, end: 0 }];
    if (b.target && inside(offset, b.target)) {
      const stage = dockerfileAt(ctx.workspace, b.dockerfilePath)?.model.stages.find(
        (s) => s.name?.toLowerCase() === b.target!.value.toLowerCase(),
      );
      if (stage)
        return [locate(ctx, b.dockerfilePath, stage.nameStart ?? stage.from.start, stage.nameEnd ?? stage.from.end)];
    }
    const arg = b.buildArgs.find((a) => inside(offset, a));
    if (arg) {
      const def = dockerfileAt(ctx.workspace, b.dockerfilePath)?.model.args.find((a) => a.name === arg.value);
      if (def) return [locate(ctx, b.dockerfilePath, def.nameStart, def.nameEnd)];
    }
  }
  return [];
}

/** After `nix build|run|develop|shell .#` in a `run:` script: the outputs the repository's flake defines there. */
function flakeOutputCompletions(ctx: FeatureContext<WorkflowModel>, offset: number): Completion[] | undefined {
  const step = ctx.model.jobs.flatMap((j) => j.steps).find((s) => s.run && inside(offset, s.run));
  if (!step) return undefined;
  const line = ctx.text.slice(ctx.text.lastIndexOf('\n', offset - 1) + 1, offset);
  const m = /(?:^|[\s;&|(])nix\s+(build|run|develop|shell)\b[^\n;&|]*\s\.#([A-Za-z0-9_'-]*)$/.exec(line);
  const root = m ? repoRootOf(ctx.path) : undefined;
  if (!m || root === undefined) return undefined;
  const flakePath = `${root === '/' ? '' : root}/flake.nix`;
  const flake = ctx.workspace.get(flakePath);
  const tree = flake?.kind === 'flake' ? outputsTree(flake.model as NixModel) : undefined;
  if (!tree) return [];
  const items: Completion[] = [];
  const seen = new Set<string>();
  for (const kind of LOOKS_IN[m[1]]) {
    for (const name of definedNames(tree, [kind]) ?? []) {
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
export function crossFileCompletions(ctx: FeatureContext<WorkflowModel>, offset: number): Completion[] {
  const outputs = flakeOutputCompletions(ctx, offset);
  if (outputs) return outputs;
  for (const s of ecsSteps(ctx.model, ctx.path)) {
    if (!s.taskDefPath || !s.container || !inside(offset, s.container)) continue;
    return (taskDefAt(ctx.workspace, s.taskDefPath)?.containers ?? [])
      .filter((c) => c.name)
      .map((c) => ({ label: c.name!, kind: 'value', detail: `container of ${s.taskDef?.value}` }));
  }
  for (const b of buildSteps(ctx.model, ctx.path)) {
    if (!b.dockerfilePath) continue;
    const df =
      (b.target && inside(offset, b.target)) || b.buildArgs.some((a) => inside(offset, a))
        ? dockerfileAt(ctx.workspace, b.dockerfilePath)
        : undefined;
    if (!df) continue;
    if (b.target && inside(offset, b.target))
      return df.model.stages
        .filter((s) => s.name)
        .map((s) => ({ label: s.name!, kind: 'class', detail: `stage FROM ${s.image ?? ''}` }));
    return declaredArgs(df.model).map((name) => ({
      label: name,
      kind: 'variable',
      detail: 'ARG of the Dockerfile',
    }));
  }
  return [];
}
