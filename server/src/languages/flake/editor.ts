/** What a flake adds to the Nix references and links: its inputs, and `path:` inputs that are folders of the repo. */
import type { DocLink, FeatureContext, Occurrence } from '../../engine/types';
import type * as A from '../nix/ast';
import { documentLinks as nixLinks, references as nixReferences, resolvePath } from '../nix/editor';
import { scopes } from '../nix/scope';
import { walk } from '../nix/util';
import { flakeInfoOf } from './model';

type Ctx = FeatureContext<A.NixModel>;

/** The input named at the offset: its key in `inputs`, the `outputs` argument, a `follows`, or `inputs.<name>`. */
function inputAt(ctx: Ctx, offset: number): string | undefined {
  const info = flakeInfoOf(ctx);
  const on = (n: { start: number; end: number }) => n.start <= offset && offset <= n.end;
  for (const [name, inp] of info.inputs) {
    if (inp.entry.keys.some(on)) return name;
    if (inp.follows && on(inp.follows.node)) return inp.follows.value.split('/')[0];
  }
  for (const f of info.outputsLambda?.formals?.formals ?? [])
    if (on(f.name) && info.inputs.has(f.name.name)) return f.name.name;
  for (const r of scopes(ctx.model).refs) {
    if (!on(r)) continue;
    const def = typeof r.target === 'object' ? r.target : undefined;
    if (def?.kind === 'formal' && def.scopeNode === info.outputsLambda && info.inputs.has(r.name)) return r.name;
  }
  return undefined;
}

/** Where the flake names an input: its declaration, the outputs argument and its uses, `follows`, `inputs.<name>`. */
export function inputReferences(ctx: Ctx, name: string): Occurrence[] {
  const info = flakeInfoOf(ctx);
  const inp = info.inputs.get(name);
  if (!inp) return [];
  const out: Occurrence[] = inp.entry.keys
    .filter((k) => k.type === 'Ident')
    .map((k) => ({ path: ctx.path, start: k.start, end: k.end, kind: 'write' as const }));
  const formal = info.outputsLambda?.formals?.formals.find((f) => f.name.name === name);
  if (formal) {
    out.push({ path: ctx.path, start: formal.name.start, end: formal.name.end, kind: 'read' });
    for (const r of scopes(ctx.model).refs)
      if (typeof r.target === 'object' && r.target.node === formal.name)
        out.push({ path: ctx.path, start: r.start, end: r.end, kind: 'read' });
  }
  for (const other of info.inputs.values()) {
    const f = other.follows;
    if (f && f.value.split('/')[0] === name && f.node.type === 'Str') {
      const start = f.node.start + 1;
      out.push({ path: ctx.path, start, end: start + name.length, kind: 'read' });
    }
  }
  // inputs.<name> in the outputs (`{ inputs, ... }` or `outputs = inputs: …`)
  for (const n of walk(info.outputs?.value ?? ctx.model.root)) {
    if (n.type !== 'Select' || n.expr.type !== 'Var' || n.expr.name !== 'inputs') continue;
    const first = n.path[0];
    if (first?.type === 'Ident' && first.name === name)
      out.push({ path: ctx.path, start: first.start, end: first.end, kind: 'read' });
  }
  return out;
}

export function flakeReferences(ctx: Ctx, offset: number): Occurrence[] {
  const input = inputAt(ctx, offset);
  return input ? inputReferences(ctx, input) : nixReferences(ctx, offset);
}

/** Nix's links, and each `path:` input URL that is a folder of the workspace (to its flake.nix). */
export function flakeLinks(ctx: Ctx): DocLink[] {
  const out = nixLinks(ctx);
  for (const inp of flakeInfoOf(ctx).inputs.values()) {
    const url = inp.url;
    if (url?.node.type !== 'Str' || !url.value.startsWith('path:')) continue;
    const rel = url.value.slice(5).split('?')[0];
    const dir = resolvePath(ctx, rel.startsWith('/') || rel.startsWith('.') ? rel : `./${rel}`);
    if (!dir) continue;
    const flake = `${dir}/flake.nix`;
    out.push({
      start: url.node.start + 1,
      end: url.node.end - 1,
      path: ctx.workspace.exists(flake) ? flake : dir,
    });
  }
  return out;
}
