/** The parts of a flake.nix the flake checks and features look at, read from the Nix tree. */
import type { SharingContext } from '../../engine/once';
import type * as A from '../nix/ast';
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
}

/** What a flake.nix declares, read once per check or request (`flakeInfo` computes it afresh). */
export function flakeInfoOf(ctx: SharingContext<A.NixModel>): FlakeInfo {
  return ctx.once('flake:info', () => flakeInfo(ctx.model));
}

export function flakeInfo(model: A.NixModel): FlakeInfo {
  const info: FlakeInfo = { inputs: new Map(), inputsComplete: true };
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
      for (;;) {
        if (body.type === 'Let' || body.type === 'With') body = unparen(body.body);
        else break;
      }
      if (body.type === 'AttrSet') {
        info.outputsSet = body;
        info.outputsTree = attrTree(body.bindings);
      }
    }
  }
  return info;
}
