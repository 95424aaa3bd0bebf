/**
 * Declaring a flake input where a flake.nix uses one it never declared (`flake-utils.lib.eachDefaultSystem` in
 * `outputs`, no `inputs.flake-utils`): NX001's fix. It lives with the Nix language because NX001 is a Nix rule that
 * also runs on flakes, and the flake language builds on Nix, not the other way round; the flake language reads the
 * well-known inputs from here too.
 */
import type * as A from './ast';
import type { Fix, OffsetEdit } from '../../engine/types';
import { attrTree, unparen, type AttrTreeEntry } from './util';

/** Well-known inputs and their usual flake references (completion offers them; fixes write the first of a name). */
export const COMMON_INPUT_URLS: { name: string; url: string; doc: string }[] = [
  { name: 'nixpkgs', url: 'github:NixOS/nixpkgs/nixos-unstable', doc: 'Nixpkgs, the rolling channel.' },
  { name: 'nixpkgs', url: 'github:NixOS/nixpkgs/nixos-24.11', doc: 'Nixpkgs, a stable release.' },
  { name: 'nixpkgs', url: 'github:NixOS/nixpkgs/nixpkgs-unstable', doc: 'Nixpkgs unstable (no NixOS tests gate).' },
  { name: 'flake-utils', url: 'github:numtide/flake-utils', doc: 'Helpers such as eachDefaultSystem.' },
  { name: 'flake-parts', url: 'github:hercules-ci/flake-parts', doc: 'Module system for flakes.' },
  { name: 'home-manager', url: 'github:nix-community/home-manager', doc: 'Home Manager.' },
  { name: 'rust-overlay', url: 'github:oxalica/rust-overlay', doc: 'Rust toolchains.' },
  { name: 'devenv', url: 'github:cachix/devenv', doc: 'devenv.' },
  { name: 'treefmt-nix', url: 'github:numtide/treefmt-nix', doc: 'treefmt configuration.' },
  { name: 'nix-darwin', url: 'github:LnL7/nix-darwin', doc: 'nix-darwin.' },
];

/** The usual reference of a well-known input, or undefined. */
export function knownInputUrl(name: string): string | undefined {
  return COMMON_INPUT_URLS.find((u) => u.name === name)?.url;
}

/** What a flake offers those who take it as an input: `x.lib`, `x.packages`, ... (an unknown name used so is one). */
const FLAKE_ATTRIBUTES = new Set([
  'apps',
  'checks',
  'darwinModules',
  'defaultPackage',
  'devShells',
  'formatter',
  'homeManagerModules',
  'homeModules',
  'inputs',
  'lastModified',
  'legacyPackages',
  'lib',
  'narHash',
  'nixosModules',
  'outPath',
  'overlay',
  'overlays',
  'packages',
  'rev',
  'shortRev',
  'sourceInfo',
  'templates',
]);

/**
 * For a variable of a flake.nix that nothing binds: the fix that declares it as an input (with the usual reference of a
 * well-known name, else as a snippet whose only tab stop is the URL) and adds it to the `outputs` pattern. Undefined
 * when the name is not used as an input would be (inside `outputs`, well known, declared, or `name.lib`, ...), when
 * `outputs` has no `{ ... }` pattern to add it to, or when `inputs` is not written as literal attributes.
 */
export function declareInputFix(model: A.NixModel, ref: { name: string; start: number; end: number }): Fix | undefined {
  const text = model.text;
  const root = unparen(model.root);
  if (root.type !== 'AttrSet') return undefined;
  const top = attrTree(root.bindings);
  const outputs = top.entries.get('outputs');
  const fn = outputs?.value && unparen(outputs.value);
  if (!outputs || !fn || fn.type !== 'Lambda' || !fn.formals) return undefined;
  if (ref.start < fn.body.start || ref.end > fn.body.end) return undefined;
  const name = ref.name;
  if (!/^[A-Za-z_][\w'-]*$/.test(name) || name === 'self') return undefined;
  const inputs = top.entries.get('inputs');
  const declared = !!inputs?.tree?.entries.has(name);
  const url = knownInputUrl(name);
  const usedAsFlake = FLAKE_ATTRIBUTES.has(/^\.([A-Za-z_][\w'-]*)/.exec(text.slice(ref.end, ref.end + 40))?.[1] ?? '');
  if (!declared && !url && !usedAsFlake) return undefined;
  const formal = formalEdit(fn.formals, name);
  if (!formal) return undefined;
  if (declared) return { title: `Add '${name}' to the outputs arguments`, safe: false, edits: [formal] };
  const declaration = declarationEdit(text, inputs, outputs.bindings[0], name, url ? `"${url}"` : '"$1"');
  if (!declaration) return undefined;
  const title = `Declare the input '${name}'${url ? ` (${url})` : ''} and take it in outputs`;
  // the declaration comes first: a snippet fix's first edit is the snippet
  return url
    ? { title, safe: false, edits: [declaration, formal] }
    : { title, safe: false, snippet: true, edits: [declaration, formal] };
}

/** Adds `name` to `{ self, nixpkgs }`, `{ self, nixpkgs, }` or `{ self, ... }` (after the last name and its comma). */
export function formalEdit(formals: A.Formals, name: string): OffsetEdit | undefined {
  const last = formals.formals[formals.formals.length - 1];
  if (last) {
    const comma = formals.commas.find((c) => c >= last.end);
    return comma === undefined
      ? { start: last.end, end: last.end, newText: `, ${name}` }
      : { start: comma + 1, end: comma + 1, newText: ` ${name},` };
  }
  if (formals.ellipsis) return { start: formals.ellipsis.start, end: formals.ellipsis.start, newText: `${name}, ` };
  return undefined;
}

/**
 * `inputs.<name>.url = <url>;` where the inputs are: after the last `inputs.x...` line, inside `inputs = { ... };`, or
 * (no inputs yet) on a line of its own before `outputs`. Undefined when the inputs are computed.
 */
function declarationEdit(
  text: string,
  inputs: AttrTreeEntry | undefined,
  outputsBinding: A.Binding | undefined,
  name: string,
  url: string,
): OffsetEdit | undefined {
  if (!inputs) {
    if (!outputsBinding) return undefined;
    const lineStart = text.lastIndexOf('\n', outputsBinding.start - 1) + 1;
    const indent = text.slice(lineStart, outputsBinding.start);
    // `{ outputs = ...; }` on one line: before outputs, on the same line
    if (/\S/.test(indent))
      return { start: outputsBinding.start, end: outputsBinding.start, newText: `inputs.${name}.url = ${url}; ` };
    return { start: lineStart, end: lineStart, newText: `${indent}inputs.${name}.url = ${url};\n` };
  }
  if (inputs.opaque || !inputs.tree) return undefined;
  const last = inputs.bindings[inputs.bindings.length - 1];
  if (last.type !== 'Attribute') return undefined;
  if (last.path.length > 1) {
    // `inputs.x.url = ...;` lines at the top
    return { start: last.end, end: last.end, newText: `\n${indentOf(text, last.start)}inputs.${name}.url = ${url};` };
  }
  const set = unparen(last.value);
  if (set.type !== 'AttrSet') return undefined;
  const inner = set.bindings[set.bindings.length - 1];
  if (inner)
    return { start: inner.end, end: inner.end, newText: `\n${indentOf(text, inner.start)}${name}.url = ${url};` };
  return { start: set.open + 1, end: set.open + 1, newText: ` ${name}.url = ${url}; ` };
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = text.slice(lineStart, offset);
  return /\S/.test(indent) ? '  ' : indent;
}
