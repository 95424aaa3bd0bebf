/** The offline action catalog and `uses:` references. */
import catalogJson from './data/actions.json';

export interface CatalogInput { required: boolean; default?: string; deprecated?: boolean }
export interface CatalogAction { runtime: string; recommended?: string; inputs: Record<string, CatalogInput>; outputs: string[] }

const CATALOG = (catalogJson as unknown as { actions: Record<string, CatalogAction> }).actions;
const LOWER = new Map(Object.entries(CATALOG).map(([k, v]) => [k.toLowerCase(), { name: k, action: v }]));

export function catalogNames(): string[] { return Object.keys(CATALOG); }
export function lookupAction(nameWithPath: string): { name: string; action: CatalogAction } | undefined {
  return LOWER.get(nameWithPath.toLowerCase());
}

export type UsesRef =
  | { kind: 'repo'; owner: string; repo: string; path: string; ref: string; name: string; refStart: number }
  | { kind: 'local'; path: string }
  | { kind: 'docker'; image: string }
  | { kind: 'invalid'; reason: string };

/** Parses a step's `uses:` value (offsets of `refStart` are into the value). */
export function parseUses(v: string): UsesRef {
  if (v.startsWith('./') || v === '.') return { kind: 'local', path: v };
  if (v.startsWith('docker://')) {
    const image = v.slice('docker://'.length);
    return image ? { kind: 'docker', image } : { kind: 'invalid', reason: 'the image after "docker://" is missing' };
  }
  if (v.includes('${{')) return { kind: 'invalid', reason: 'expressions are not allowed in "uses:"' };
  const at = v.indexOf('@');
  if (at < 0) return { kind: 'invalid', reason: 'a version is missing: write "owner/repo@ref", e.g. a tag like v4 or a full commit SHA' };
  const ref = v.slice(at + 1);
  const spec = v.slice(0, at);
  if (!ref) return { kind: 'invalid', reason: 'the ref after "@" is empty' };
  const parts = spec.split('/');
  if (parts.length < 2 || parts.some((p) => p === '')) return { kind: 'invalid', reason: 'the action must be "owner/repo[/path]@ref", "./path" or "docker://image"' };
  if (!/^[A-Za-z0-9_.-]+$/.test(parts[0]) || !/^[A-Za-z0-9_.-]+$/.test(parts[1])) return { kind: 'invalid', reason: 'the owner and repository names may only contain letters, digits, "-", "_" and "."' };
  if (/\s/.test(ref)) return { kind: 'invalid', reason: 'the ref contains whitespace' };
  return { kind: 'repo', owner: parts[0], repo: parts[1], path: parts.slice(2).join('/'), ref, name: parts.join('/'), refStart: at + 1 };
}

const REFS = new WeakMap<object, UsesRef>();
/** `parseUses` of a step's `uses:` scalar, computed once per parse and shared by every rule and feature. */
export function usesRef(uses: { value: string }): UsesRef {
  let r = REFS.get(uses);
  if (!r) { r = parseUses(uses.value); REFS.set(uses, r); }
  return r;
}

const INPUT_NAMES = new WeakMap<CatalogAction, { names: string[]; lower: Map<string, string> }>();
/** An action's input names, and lower-cased name → name, computed once per action. */
export function inputNames(action: CatalogAction): { names: string[]; lower: Map<string, string> } {
  let r = INPUT_NAMES.get(action);
  if (!r) { const names = Object.keys(action.inputs); r = { names, lower: new Map(names.map((n) => [n.toLowerCase(), n])) }; INPUT_NAMES.set(action, r); }
  return r;
}

/** The major number of a `vN[.x[.y]]` ref, or undefined for branches and SHAs. */
export function majorOf(ref: string): number | undefined {
  const m = /^v?(\d+)(\.\d+){0,2}$/.exec(ref);
  return m ? Number(m[1]) : undefined;
}

/** Node runtimes GitHub has retired (actions still on them are forced onto a newer one or fail). */
export const RETIRED_RUNTIMES = new Set(['node12', 'node16']);
