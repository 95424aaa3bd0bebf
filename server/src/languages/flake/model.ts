/** The parts of a flake.nix the flake checks and features look at, read from the Nix tree. */
import type { SharingContext } from '../../engine/once';
import * as A from '../nix/ast';
import { attrTree, literalString, unparen, type AttrTree, type AttrTreeEntry } from '../nix/util';

export interface FlakeInput {
  name: string;
  entry: AttrTreeEntry;
  url?: { value: string; node: A.Expr };
  follows?: { value: string; node: A.Expr };
  /** `inputs.<name>.inputs.<x>.follows = "..."` */
  nestedFollows: { input: string; value: string; node: A.Expr }[];
}
export interface FlakeInfo {
  top?: A.AttrSet;
  tree?: AttrTree;
  inputs: Map<string, FlakeInput>;
  /** Whether the inputs could all be read statically. */
  inputsComplete: boolean;
  outputs?: AttrTreeEntry;
  outputsLambda?: A.Lambda;
  /** The attribute set the outputs function returns, when it is a literal (after let/with). */
  outputsSet?: A.AttrSet;
  outputsTree?: AttrTree;
  /**
   * The outputs of one system, when the function returns them through flake-utils's `eachDefaultSystem (system: {
   * ... })` or `eachSystem <systems> (system: { ... })` (alone or merged with `//`): `packages.default` there is
   * `packages.<system>.default` of the flake.
   */
  perSystemTrees: AttrTree[];
  /** Literal sets merged with `//` beside such an `eachDefaultSystem` call (whole outputs, like `overlays`). */
  mergedTrees: AttrTree[];
}

/** flake-utils's `eachDefaultSystem f` and `eachSystem systems f`, which put each key `k` of `f system` at `k.<system>`. */
const EACH_SYSTEM = new Set(['eachDefaultSystem', 'eachSystem']);

/**
 * The name of what an outputs body calls, when it is flake-utils's: `<input>.lib.eachDefaultSystem`, or a bare
 * `eachDefaultSystem` (from `with flake-utils.lib;` or `inherit (flake-utils.lib) ...`) that no `let` of the outputs
 * function defines itself (a helper of one's own may put its results elsewhere).
 */
function eachSystemCall(e: A.Expr, own: Set<string>): boolean {
  let f = unparen(e);
  // `eachSystem systems` is applied once more before it takes the function.
  if (f.type === 'Apply') f = unparen(f.fn);
  if (f.type === 'Var') return EACH_SYSTEM.has(f.name) && !own.has(f.name);
  if (f.type !== 'Select' || f.def || f.path.length < 2) return false;
  const last = f.path[f.path.length - 1];
  const lib = f.path[f.path.length - 2];
  return last.type === 'Ident' && EACH_SYSTEM.has(last.name) && lib.type === 'Ident' && lib.name === 'lib';
}

/** The literal set a lambda returns, through let and with. */
function returnedSet(e: A.Expr): A.AttrSet | undefined {
  let body = unparen(e);
  while (body.type === 'Let' || body.type === 'With') body = unparen(body.body);
  return body.type === 'AttrSet' ? body : undefined;
}

/** The parts an outputs body merges with `//`, and the per-system set of an `eachDefaultSystem (system: { ... })`. */
function outputParts(body: A.Expr, info: FlakeInfo, own: Set<string>, depth = 0): void {
  const e = unparen(body);
  if (depth > 32) return;
  if (e.type === 'Binary' && e.op === '//') {
    outputParts(e.left, info, own, depth + 1);
    outputParts(e.right, info, own, depth + 1);
  } else if (e.type === 'AttrSet') {
    info.mergedTrees.push(attrTree(e.bindings));
  } else if (e.type === 'Apply' && eachSystemCall(e.fn, own)) {
    const fn = unparen(e.arg);
    const set = fn.type === 'Lambda' ? returnedSet(fn.body) : undefined;
    if (set) info.perSystemTrees.push(attrTree(set.bindings));
  }
}

/** What a flake.nix declares, read once per check or request (`flakeInfo` computes it afresh). */
export function flakeInfoOf(ctx: SharingContext<A.NixModel>): FlakeInfo {
  return ctx.once('flake:info', () => flakeInfo(ctx.model));
}

export function flakeInfo(model: A.NixModel): FlakeInfo {
  const info: FlakeInfo = { inputs: new Map(), inputsComplete: true, mergedTrees: [], perSystemTrees: [] };
  const root = unparen(model.root);
  if (root.type !== 'AttrSet') return info;
  info.top = root;
  info.tree = attrTree(root.bindings);
  const inputs = info.tree.entries.get('inputs');
  if (inputs) {
    if (!inputs.tree || (inputs.opaque && !inputs.tree)) info.inputsComplete = false;
    for (const [name, e] of inputs.tree?.entries ?? []) {
      const inp: FlakeInput = { name, entry: e, nestedFollows: [] };
      const url = e.tree?.entries.get('url')?.value;
      const s = literalString(url);
      if (url && s !== undefined) inp.url = { value: s, node: url };
      const fol = e.tree?.entries.get('follows')?.value;
      const fs = literalString(fol);
      if (fol && fs !== undefined) inp.follows = { value: fs, node: fol };
      for (const [sub, se] of e.tree?.entries.get('inputs')?.tree?.entries ?? []) {
        const v = se.tree?.entries.get('follows')?.value;
        const vs = literalString(v);
        if (v && vs !== undefined) inp.nestedFollows.push({ input: sub, value: vs, node: v });
      }
      info.inputs.set(name, inp);
    }
  }
  const outputs = info.tree.entries.get('outputs');
  if (outputs?.value) {
    info.outputs = outputs;
    const fn = unparen(outputs.value);
    if (fn.type === 'Lambda') {
      info.outputsLambda = fn;
      let body = unparen(fn.body);
      const own = new Set<string>();
      for (;;) {
        if (body.type === 'Let') {
          for (const b of body.bindings) {
            if (b.type !== 'Attribute') continue;
            const n = A.staticName(b.path[0]);
            if (n !== undefined) own.add(n);
          }
          body = unparen(body.body);
        } else if (body.type === 'With') body = unparen(body.body);
        else break;
      }
      if (body.type === 'AttrSet') {
        info.outputsSet = body;
        info.outputsTree = attrTree(body.bindings);
      } else outputParts(body, info, own);
    }
  }
  return info;
}
