/**
 * Names defined in one file and used in others:
 * - a Dockerfile stage, used as the build `target` of a workflow build or a compose service;
 * - a task definition container, used as a render step's `container-name`;
 * - a flake output (`packages.<system>.name`, `apps`, `devShells`), used as `nix build .#name`.
 * Rename, hover and go to definition across files start here: find the symbol under the cursor (on either side),
 * its declaration, and every use in the workspace. Everything is read from the files' facts.
 */
import type { FileEdits, WorkspaceIndex } from '../engine/types';
import type { ComposeFacts } from '../languages/compose/facts';
import type { DockerfileFacts } from '../languages/dockerfile/facts';
import type { FlakeFacts } from '../languages/flake/facts';
import type { TaskDefFacts } from '../languages/taskdef/facts';
import { isLiteral, type WorkflowFacts } from '../languages/workflow/facts';
import { composeBuildsOf } from './builds';
import { buildsKey, ecsKey, flakeKey } from './keys';
import { dockerfileAt, flakeAt, flakeOf, own, taskDefAt, workflowAt, type LinkContext } from './facts';

export type SymbolKind = 'stage' | 'container' | 'output';
export interface CrossSymbol {
  kind: SymbolKind;
  /** The file that defines it. */
  file: string;
  name: string;
}
export interface Spot {
  path: string;
  start: number;
  end: number;
  /** What the spot is, for hovers: `target`, `container-name`, `nix build`. */
  what: string;
}

/** Whether an offset is within a span (ends included: the cursor right after a name is on it). */
export const inside = (o: number, s: { start: number; end: number } | undefined): boolean =>
  !!s && o >= s.start && o <= s.end;

export { flakeOf };

/** The context a symbol is looked up with: the document, its kind and the index. */
export interface SymbolContext extends LinkContext {
  readonly kind: string;
}

// --- the symbol under the cursor ----------------------------------------------------------------

/** The cross-file symbol at an offset of any kind of file: its declaration or one of its uses. */
export function symbolAt(ctx: SymbolContext, offset: number): CrossSymbol | undefined {
  switch (ctx.kind) {
    case 'dockerfile': {
      const f = own<DockerfileFacts>(ctx);
      const stage =
        f?.stages.find((s) => s.name && inside(offset, s.nameSpan)) ??
        f?.stages.find((s) => s.name && (f.stageRefs.get(s.index) ?? []).some((r) => inside(offset, r)));
      return stage?.name ? { kind: 'stage', file: ctx.path, name: stage.name } : undefined;
    }
    case 'taskdef': {
      const spot = own<TaskDefFacts>(ctx)?.containerNames.find((s) => inside(offset, s));
      return spot ? { kind: 'container', file: ctx.path, name: spot.name } : undefined;
    }
    case 'flake': {
      const f = own<FlakeFacts>(ctx);
      const def = f?.outputs.find((o) => o.keys.some((k) => inside(offset, k)));
      const use = def ? undefined : f?.selfRefs.find((r) => inside(offset, r));
      const name = def?.name ?? use?.name;
      return name ? { kind: 'output', file: ctx.path, name } : undefined;
    }
    case 'workflow': {
      const wf = own<WorkflowFacts>(ctx);
      if (!wf) return undefined;
      for (const b of wf.builds) {
        if (b.dockerfilePath && b.target && isLiteral(b.target) && inside(offset, b.target))
          return { kind: 'stage', file: b.dockerfilePath, name: b.target.value };
      }
      for (const s of wf.ecs) {
        const c = s.container;
        if (
          s.taskDefPath &&
          c &&
          !c.block &&
          inside(offset, { start: c.contentStart, end: c.contentEnd }) &&
          isLiteral({ value: c.value.trim() })
        )
          return { kind: 'container', file: s.taskDefPath, name: c.value.trim() };
      }
      const flake = flakeOf(wf);
      const inst = flake ? wf.installables.find((i) => inside(offset, i)) : undefined;
      return inst ? { kind: 'output', file: flake!, name: inst.name } : undefined;
    }
    case 'compose': {
      for (const svc of own<ComposeFacts>(ctx)?.services ?? []) {
        const b = svc.build;
        if (!b?.local || !b.target || !b.targetContent || b.target.includes('$')) continue;
        if (inside(offset, b.targetContent)) return { kind: 'stage', file: b.dockerfilePath, name: b.target };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

// --- declarations: the spots in the defining file -----------------------------------------------

/**
 * The spots in the defining file: the declaration first, then its uses inside that file. Undefined when the file or
 * the name is not there.
 */
export function declarationSpots(ws: WorkspaceIndex, sym: CrossSymbol): Spot[] | undefined {
  if (sym.kind === 'stage') {
    const df = dockerfileAt(ws, sym.file);
    const stage = df?.stages.find((s) => s.name?.toLowerCase() === sym.name.toLowerCase());
    if (!df || !stage?.name || !stage.nameSpan) return undefined;
    return [
      { path: sym.file, ...stage.nameSpan, what: 'stage' },
      ...(df.stageRefs.get(stage.index) ?? []).map((r) => ({ path: sym.file, ...r, what: 'stage reference' })),
    ];
  }
  if (sym.kind === 'container') {
    const spots = taskDefAt(ws, sym.file)?.containerNames.filter((s) => s.name === sym.name) ?? [];
    if (!spots.some((s) => s.declaration)) return undefined;
    return spots
      .sort((a, b) => Number(b.declaration) - Number(a.declaration))
      .map((s) => ({
        path: sym.file,
        start: s.start,
        end: s.end,
        what: s.declaration ? 'container' : 'container reference',
      }));
  }
  const flake = flakeAt(ws, sym.file);
  if (!flake) return undefined;
  const decls = flake.outputs.filter((o) => o.name === sym.name).flatMap((o) => o.keys);
  if (!decls.length) return undefined;
  const spots: Spot[] = decls.map((k) => ({ path: sym.file, ...k, what: 'output' }));
  for (const r of flake.selfRefs)
    if (r.name === sym.name) spots.push({ path: sym.file, start: r.start, end: r.end, what: 'output reference' });
  return spots;
}

// --- uses in other files ------------------------------------------------------------------------

/** Every use of the symbol in other files (workflows, compose files). */
export function usesElsewhere(ctx: LinkContext, sym: CrossSymbol): Spot[] {
  const ws = ctx.workspace;
  const out: Spot[] = [];
  const lower = sym.name.toLowerCase();
  const key =
    sym.kind === 'stage' ? buildsKey(sym.file) : sym.kind === 'container' ? ecsKey(sym.file) : flakeKey(sym.file);
  for (const p of ws.withKey('workflow', key)) {
    const wf = workflowAt(ws, p);
    if (!wf) continue;
    if (sym.kind === 'stage') {
      for (const b of wf.builds) {
        if (b.dockerfilePath === sym.file && b.target && isLiteral(b.target) && b.target.value.toLowerCase() === lower)
          out.push({ path: p, start: b.target.start, end: b.target.end, what: 'target' });
      }
    } else if (sym.kind === 'container') {
      for (const s of wf.ecs) {
        const c = s.container;
        if (s.taskDefPath !== sym.file || !c || c.block || c.value.trim() !== sym.name) continue;
        // the name inside the value, which may carry spaces around it
        const at = c.contentStart + c.value.indexOf(sym.name);
        if (at >= c.contentStart && at + sym.name.length <= c.contentEnd)
          out.push({ path: p, start: at, end: at + sym.name.length, what: 'container-name' });
      }
    } else if (flakeOf(wf) === sym.file) {
      for (const i of wf.installables)
        if (i.name === sym.name) out.push({ path: p, start: i.start, end: i.end, what: `nix ${i.command}` });
    }
  }
  if (sym.kind === 'stage') {
    for (const { path, service, build } of composeBuildsOf(ctx, sym.file)) {
      if (build.targetContent && build.target?.toLowerCase() === lower)
        out.push({ path, ...build.targetContent, what: `target of service ${service.name}` });
    }
  }
  return out;
}

// --- rename -------------------------------------------------------------------------------------

const VALID_NAME: Record<SymbolKind, RegExp> = {
  // BuildKit: a stage name starts with a letter; then letters, digits, `_`, `.`, `-`
  stage: /^[A-Za-z][A-Za-z0-9_.-]*$/,
  // ECS: up to 255 letters, digits, hyphens and underscores
  container: /^[A-Za-z0-9_-]{1,255}$/,
  // a plain Nix attribute name that `.#name` can spell
  output: /^[A-Za-z_][A-Za-z0-9_'-]*$/,
};

/**
 * The edits that rename a symbol everywhere: its declaration and uses in the defining file, and every use in other
 * files. Undefined when the new name is not valid for its kind or the declaration cannot be found (a dangling
 * reference is left to the file's own rename).
 */
export function renameEverywhere(ctx: LinkContext, sym: CrossSymbol, newName: string): FileEdits[] | undefined {
  if (!VALID_NAME[sym.kind].test(newName)) return undefined;
  const decl = declarationSpots(ctx.workspace, sym);
  if (!decl) return undefined;
  const byPath = new Map<string, Map<number, Spot>>();
  for (const s of [...decl, ...usesElsewhere(ctx, sym)]) {
    let m = byPath.get(s.path);
    if (!m) byPath.set(s.path, (m = new Map()));
    m.set(s.start, s);
  }
  const out: FileEdits[] = [];
  for (const [path, spots] of byPath) {
    out.push({
      path,
      edits: [...spots.values()]
        .sort((a, b) => a.start - b.start)
        .map((s) => ({ start: s.start, end: s.end, newText: newName })),
    });
  }
  return out;
}
