/**
 * What other files may know of a flake: the per-system outputs it defines (`packages`, `legacyPackages`, `apps`,
 * `devShells`), where each is written, and where the flake itself names one (`self.<kind>.<system>.<name>`). Plain
 * data with offsets into flake.nix, computed once per parse; the checks across files (`server/src/links/`) read only
 * this.
 */
import type { ParsedFile } from '../../engine/types';
import * as A from '../nix/ast';
import type { NixModel } from '../nix/ast';
import { walk } from '../nix/util';
import { flakeInfo } from './model';

export interface Span {
  start: number;
  end: number;
}

/** Where each `nix` command looks for `.#name`, in order. */
export const LOOKS_IN: Record<string, string[]> = {
  build: ['packages', 'legacyPackages'],
  run: ['apps', 'packages', 'legacyPackages'],
  develop: ['devShells', 'packages', 'legacyPackages'],
  shell: ['packages', 'legacyPackages'],
};

/** Every per-system output kind a `.#name` can reach. */
export const OUTPUT_KINDS = ['packages', 'legacyPackages', 'apps', 'devShells'];

export interface OutputDefinition {
  kind: string;
  system: string;
  name: string;
  /** The attribute names that spell it (`hello` in `packages.x86_64-linux.hello = …`). */
  keys: Span[];
  /** The binding that defines it (for an excerpt). */
  binding: Span;
}

export interface FlakeFacts {
  /** Whether the outputs are a literal set (otherwise nothing is known of them). */
  outputsKnown: boolean;
  outputs: OutputDefinition[];
  /** Output kinds with a computed part (flake-utils, functions, dynamic names): their names are unknown. */
  opaqueKinds: string[];
  /** `self.<kind>.<system>.<name>` uses in the flake itself. */
  selfRefs: (Span & { kind: string; name: string })[];
}

/** Where an attribute name's text is (a plain name, or the inside of a plain string). */
function keySpan(k: A.AttrName): Span | undefined {
  if (k.type === 'Ident') return { start: k.start, end: k.end };
  if (k.type === 'Str' && k.parts.length === 1 && k.parts[0].type === 'StrText')
    return { start: k.parts[0].start, end: k.parts[0].end };
  return undefined;
}

export function flakeFacts(model: NixModel): FlakeFacts {
  const tree = flakeInfo(model).outputsTree;
  const out: FlakeFacts = { outputsKnown: !!tree, outputs: [], opaqueKinds: [], selfRefs: [] };
  if (!tree) return out;
  for (const kind of OUTPUT_KINDS) {
    const entry = tree.entries.get(kind);
    if (!entry) continue;
    if (entry.opaque || !entry.tree) out.opaqueKinds.push(kind);
    for (const [system, sys] of entry.tree?.entries ?? []) {
      if (sys.opaque || !sys.tree) {
        if (!out.opaqueKinds.includes(kind)) out.opaqueKinds.push(kind);
        continue;
      }
      for (const [name, e] of sys.tree.entries) {
        const b = e.bindings[e.bindings.length - 1];
        out.outputs.push({
          kind,
          system,
          name,
          keys: e.keys.map(keySpan).filter((s): s is Span => !!s),
          binding: { start: b.start, end: b.end },
        });
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
    const r = keySpan(sel.path[2]);
    if (kind && OUTPUT_KINDS.includes(kind) && name && r) out.selfRefs.push({ kind, name, ...r });
  }
  return out;
}

/** The facts of a parsed flake.nix (the language's `facts` hook). */
export function factsOfFile(file: ParsedFile<NixModel>): FlakeFacts {
  return flakeFacts(file.model);
}

/**
 * The names the flake defines under the given per-system outputs, over every system; undefined when any part is
 * computed (then nothing is known).
 */
export function definedNames(f: FlakeFacts, kinds: string[]): Set<string> | undefined {
  if (!f.outputsKnown || kinds.some((k) => f.opaqueKinds.includes(k))) return undefined;
  return new Set(f.outputs.filter((o) => kinds.includes(o.kind)).map((o) => o.name));
}

/** Each definition of output `name` (one per kind and system). */
export function outputDefinitions(f: FlakeFacts, name: string, kinds = OUTPUT_KINDS): OutputDefinition[] {
  return f.outputs.filter((o) => o.name === name && kinds.includes(o.kind));
}
