/**
 * Names defined in one file and used in others:
 * - a Dockerfile stage, used as the build `target` of a workflow build or a compose service;
 * - a task definition container, used as a render step's `container-name`;
 * - a flake output (`packages.<system>.name`, `apps`, `devShells`), used as `nix build .#name`.
 * Rename, hover and go to definition across files start here: find the symbol under the cursor
 * (on either side), its declaration, and every use in the workspace.
 */
import type { Node } from 'jsonc-parser';
import type { FeatureContext, FileEdits, WorkspaceIndex } from '../../engine/types';
import type { DockerfileModel } from '../dockerfile/parse';
import { stageNameAt, stageReferences } from '../dockerfile/features/scope';
import type { ComposeModel } from '../compose/parse';
import { localBuild } from '../compose/build';
import { contentRange } from '../../yaml/scalar';
import type { TaskDefModel } from '../taskdef/parse';
import { containers } from '../taskdef/ecs';
import { get, items, str } from '../taskdef/json';
import type { WorkflowModel } from '../workflow/parse';
import * as A from '../nix/ast';
import { walk } from '../nix/util';
import { OUTPUT_KINDS, installables, outputsTree } from './nix';
import { dockerfileAt } from './models';
import { composeBuildsOf } from './links';
import { repoRootOf } from './paths';
import { buildSteps, ecsSteps, isLiteral } from './workflow';

export type SymbolKind = 'stage' | 'container' | 'output';
export interface CrossSymbol {
  kind: SymbolKind /** The file that defines it. */;
  file: string;
  name: string;
}
export interface Spot {
  path: string;
  start: number;
  end: number /** What the spot is, for hovers: `target`, `container-name`, `nix build`. */;
  what: string;
}

/** Whether an offset is within a span (ends included: the cursor right after a name is on it). */
export const inside = (o: number, s: { start: number; end: number } | undefined): boolean =>
  !!s && o >= s.start && o <= s.end;
const flakeOf = (workflowPath: string) => {
  const root = repoRootOf(workflowPath);
  return root === undefined ? undefined : `${root === '/' ? '' : root}/flake.nix`;
};

/** The content range of a JSON string node, when it is written without escapes. */
function jsonContent(n: Node | undefined, text: string): { start: number; end: number } | undefined {
  if (n?.type !== 'string' || n.length !== (n.value as string).length + 2 || text[n.offset] !== '"') return undefined;
  return { start: n.offset + 1, end: n.offset + n.length - 1 };
}

// --- the symbol under the cursor ----------------------------------------------------------------

/** The cross-file symbol at an offset of any kind of file: its declaration or one of its uses. */
export function symbolAt(ctx: FeatureContext<unknown>, offset: number): CrossSymbol | undefined {
  switch (ctx.kind) {
    case 'dockerfile': {
      const stage = stageNameAt(ctx.model as DockerfileModel, offset);
      return stage?.name ? { kind: 'stage', file: ctx.path, name: stage.name } : undefined;
    }
    case 'taskdef': {
      const spot = containerSpots(ctx.model as TaskDefModel, ctx.text).find((s) => inside(offset, s));
      return spot ? { kind: 'container', file: ctx.path, name: spot.name } : undefined;
    }
    case 'flake': {
      const spot = outputSpots(ctx.model as A.NixModel).find((s) => inside(offset, s));
      return spot ? { kind: 'output', file: ctx.path, name: spot.name } : undefined;
    }
    case 'workflow': {
      const model = ctx.model as WorkflowModel;
      for (const b of buildSteps(model, ctx.path)) {
        if (b.dockerfilePath && b.target && isLiteral(b.target) && inside(offset, b.target))
          return { kind: 'stage', file: b.dockerfilePath, name: b.target.value };
      }
      for (const s of ecsSteps(model, ctx.path)) {
        if (
          s.taskDefPath &&
          s.container &&
          !s.container.block &&
          inside(offset, { start: s.container.contentStart, end: s.container.contentEnd }) &&
          isLiteral({ value: s.container.value.trim() })
        ) {
          return { kind: 'container', file: s.taskDefPath, name: s.container.value.trim() };
        }
      }
      const flake = flakeOf(ctx.path);
      const inst = flake ? installables(model).find((i) => inside(offset, i)) : undefined;
      return inst ? { kind: 'output', file: flake!, name: inst.name } : undefined;
    }
    case 'compose': {
      const model = ctx.model as ComposeModel;
      for (const svc of model.services ?? []) {
        const info = localBuild(model, svc, ctx.path);
        if (!info?.targetNode || !info.target || info.target.includes('$')) continue;
        if (inside(offset, contentRange(info.targetNode)))
          return { kind: 'stage', file: info.dockerfilePath, name: info.target };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

// --- declarations: the spots in the defining file -----------------------------------------------

interface NamedSpot {
  name: string;
  start: number;
  end: number;
  declaration: boolean;
}

/** A task definition's container names and the places that name a container of the same task. */
function containerSpots(model: TaskDefModel, text: string): NamedSpot[] {
  const out: NamedSpot[] = [];
  const add = (n: Node | undefined, declaration: boolean, name = str(n)) => {
    const c = jsonContent(n, text);
    if (c && name)
      out.push({
        name,
        start: c.start,
        end: declaration || !name.includes(':') ? c.end : c.start + name.length,
        declaration,
      });
  };
  for (const c of containers(model.taskDef)) {
    add(c.nameNode, true);
    for (const d of items(get(c.node, 'dependsOn'))) add(get(d, 'containerName'), false);
    for (const v of items(get(c.node, 'volumesFrom'))) add(get(v, 'sourceContainer'), false);
    // links: "name" or "name:alias"
    for (const l of items(get(c.node, 'links'))) {
      const s = str(l);
      if (s) add(l, false, s.split(':')[0]);
    }
  }
  return out;
}

/** The keys that define flake outputs (`packages.<system>.<name>` …) and `self.<kind>.<system>.<name>` uses. */
function outputSpots(model: A.NixModel): NamedSpot[] {
  const tree = outputsTree(model);
  if (!tree) return [];
  const out: NamedSpot[] = [];
  for (const kind of OUTPUT_KINDS) {
    for (const sys of tree.entries.get(kind)?.tree?.entries.values() ?? []) {
      for (const [name, e] of sys.tree?.entries ?? []) {
        for (const k of e.keys) {
          const r = keyRange(k);
          if (r) out.push({ name, ...r, declaration: true });
        }
      }
    }
  }
  for (const n of walk(model.root)) {
    if (n.type !== 'Select') continue;
    const sel = n as A.Select;
    const base = sel.expr as A.Expr;
    if (base.type !== 'Var' || base.name !== 'self' || sel.path.length < 3) continue;
    const kind = A.staticName(sel.path[0]);
    const name = A.staticName(sel.path[2]);
    const r = keyRange(sel.path[2]);
    if (kind && OUTPUT_KINDS.includes(kind) && name && r) out.push({ name, ...r, declaration: false });
  }
  return out;
}

/** Where an attribute name's text is (a plain name, or the inside of a plain string). */
function keyRange(k: A.AttrName): { start: number; end: number } | undefined {
  if (k.type === 'Ident') return { start: k.start, end: k.end };
  if (k.type === 'Str' && k.parts.length === 1 && k.parts[0].type === 'StrText')
    return { start: k.parts[0].start, end: k.parts[0].end };
  return undefined;
}

/**
 * The spots in the defining file: the declaration first, then its uses inside that file.
 * Undefined when the file or the name is not there.
 */
export function declarationSpots(ws: WorkspaceIndex, sym: CrossSymbol): Spot[] | undefined {
  if (sym.kind === 'stage') {
    const df = dockerfileAt(ws, sym.file);
    const stage = df?.model.stages.find((s) => s.name?.toLowerCase() === sym.name.toLowerCase());
    if (!df || !stage?.name || stage.nameStart === undefined) return undefined;
    return [
      { path: sym.file, start: stage.nameStart, end: stage.nameEnd!, what: 'stage' },
      ...stageReferences(df.model, stage.name).map((r) => ({
        path: sym.file,
        start: r.start,
        end: r.end,
        what: 'stage reference',
      })),
    ];
  }
  const file = ws.get(sym.file);
  if (sym.kind === 'container') {
    if (file?.kind !== 'taskdef') return undefined;
    const spots = containerSpots(file.model as TaskDefModel, file.text).filter((s) => s.name === sym.name);
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
  if (file?.kind !== 'flake') return undefined;
  const spots = outputSpots(file.model as A.NixModel).filter((s) => s.name === sym.name);
  if (!spots.some((s) => s.declaration)) return undefined;
  return spots
    .sort((a, b) => Number(b.declaration) - Number(a.declaration))
    .map((s) => ({ path: sym.file, start: s.start, end: s.end, what: s.declaration ? 'output' : 'output reference' }));
}

// --- uses in other files ------------------------------------------------------------------------

/** Every use of the symbol in other files (workflows, compose files). */
export function usesElsewhere(ws: WorkspaceIndex, sym: CrossSymbol): Spot[] {
  const out: Spot[] = [];
  const lower = sym.name.toLowerCase();
  for (const p of ws.list('workflow')) {
    const wf = ws.get(p);
    if (wf?.kind !== 'workflow') continue;
    const model = wf.model as WorkflowModel;
    if (sym.kind === 'stage') {
      for (const b of buildSteps(model, p)) {
        if (b.dockerfilePath === sym.file && b.target && isLiteral(b.target) && b.target.value.toLowerCase() === lower)
          out.push({ path: p, start: b.target.start, end: b.target.end, what: 'target' });
      }
    } else if (sym.kind === 'container') {
      for (const s of ecsSteps(model, p)) {
        const c = s.container;
        if (s.taskDefPath !== sym.file || !c || c.block || c.value.trim() !== sym.name) continue;
        const start = wf.text.indexOf(sym.name, c.contentStart);
        if (start >= 0 && start + sym.name.length <= c.contentEnd)
          out.push({ path: p, start, end: start + sym.name.length, what: 'container-name' });
      }
    } else if (flakeOf(p) === sym.file) {
      for (const i of installables(model))
        if (i.name === sym.name) out.push({ path: p, start: i.start, end: i.end, what: `nix ${i.command}` });
    }
  }
  if (sym.kind === 'stage') {
    for (const { path: p, svc, info } of composeBuildsOf(ws, sym.file)) {
      if (info.targetNode && info.target?.toLowerCase() === lower)
        out.push({ path: p, ...contentRange(info.targetNode), what: `target of service ${svc.name}` });
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
 * The edits that rename a symbol everywhere: its declaration and uses in the defining file, and
 * every use in other files. Undefined when the new name is not valid for its kind or the
 * declaration cannot be found (a dangling reference is left to the file's own rename).
 */
export function renameEverywhere(ws: WorkspaceIndex, sym: CrossSymbol, newName: string): FileEdits[] | undefined {
  if (!VALID_NAME[sym.kind].test(newName)) return undefined;
  const decl = declarationSpots(ws, sym);
  if (!decl) return undefined;
  const byPath = new Map<string, Map<number, Spot>>();
  for (const s of [...decl, ...usesElsewhere(ws, sym)]) {
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
