/** The offline action catalog and `uses:` references. */
import catalogJson from './data/actions.json';

export interface CatalogInput {
  required: boolean;
  default?: string;
  deprecated?: boolean;
  /** The action's own words about the deprecation, when it gives some. */
  deprecationMessage?: string;
}
export interface CatalogAction {
  runtime: string;
  recommended?: string;
  inputs: Record<string, CatalogInput>;
  outputs: string[];
}

const CATALOG = (catalogJson as unknown as { actions: Record<string, CatalogAction> }).actions;
/** The day the catalog's facts were last taken from their source (scripts/gen-action-catalog.mjs). */
export const CATALOG_DATE: string = (catalogJson as { date?: string }).date ?? 'unknown';
const LOWER = new Map(Object.entries(CATALOG).map(([k, v]) => [k.toLowerCase(), { name: k, action: v }]));

export function catalogNames(): string[] {
  return Object.keys(CATALOG);
}
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
    if (!image) return { kind: 'invalid', reason: 'the image after "docker://" is missing' };
    if (/:$/.test(image)) return { kind: 'invalid', reason: 'the tag after ":" is empty' };
    return { kind: 'docker', image };
  }
  if (v.includes('${{')) return { kind: 'invalid', reason: 'expressions are not allowed in "uses:"' };
  const at = v.indexOf('@');
  if (at < 0)
    return {
      kind: 'invalid',
      reason: 'a version is missing: write "owner/repo@ref", e.g. a tag like v4 or a full commit SHA',
    };
  const ref = v.slice(at + 1);
  const spec = v.slice(0, at);
  if (!ref) return { kind: 'invalid', reason: 'the ref after "@" is empty' };
  const parts = spec.split('/');
  if (parts.length < 2 || parts.some((p) => p === ''))
    return { kind: 'invalid', reason: 'the action must be "owner/repo[/path]@ref", "./path" or "docker://image"' };
  if (!/^[A-Za-z0-9_.-]+$/.test(parts[0]) || !/^[A-Za-z0-9_.-]+$/.test(parts[1]))
    return {
      kind: 'invalid',
      reason: 'the owner and repository names may only contain letters, digits, "-", "_" and "."',
    };
  if (/\s/.test(ref)) return { kind: 'invalid', reason: 'the ref contains whitespace' };
  return {
    kind: 'repo',
    owner: parts[0],
    repo: parts[1],
    path: parts.slice(2).join('/'),
    ref,
    name: parts.join('/'),
    refStart: at + 1,
  };
}

const REFS = new WeakMap<object, UsesRef>();
/** `parseUses` of a step's `uses:` scalar, computed once per parse and shared by every rule and feature. */
export function usesRef(uses: { value: string }): UsesRef {
  let r = REFS.get(uses);
  if (!r) {
    r = parseUses(uses.value);
    REFS.set(uses, r);
  }
  return r;
}

const INPUT_NAMES = new WeakMap<CatalogAction, { names: string[]; lower: Map<string, string> }>();
/** An action's input names, and lower-cased name → name, computed once per action. */
export function inputNames(action: CatalogAction): { names: string[]; lower: Map<string, string> } {
  let r = INPUT_NAMES.get(action);
  if (!r) {
    const names = Object.keys(action.inputs);
    r = { names, lower: new Map(names.map((n) => [n.toLowerCase(), n])) };
    INPUT_NAMES.set(action, r);
  }
  return r;
}

/** The major number of a `vN[.x[.y]]` ref, or undefined for branches and SHAs. */
export function majorOf(ref: string): number | undefined {
  const m = /^v?(\d+)(\.\d+){0,2}$/.exec(ref);
  return m ? Number(m[1]) : undefined;
}

/** Node runtimes GitHub has retired (actions still on them are forced onto a newer one or fail). */
export const RETIRED_RUNTIMES = new Set(['node12', 'node16']);

/**
 * `runs.using` of old majors of common actions (the catalog knows only the current release's).
 * Hand-made from the actions' release history; a major missing here has an unknown runtime.
 */
const OLD_MAJOR_RUNTIMES: Record<string, Record<number, string>> = {
  'actions/checkout': { 1: 'node12', 2: 'node12', 3: 'node16', 4: 'node20' },
  'actions/setup-node': { 1: 'node12', 2: 'node12', 3: 'node16', 4: 'node20' },
  'actions/setup-python': { 1: 'node12', 2: 'node12', 3: 'node16', 4: 'node20', 5: 'node20' },
  'actions/setup-java': { 1: 'node12', 2: 'node12', 3: 'node16', 4: 'node20' },
  'actions/setup-go': { 1: 'node12', 2: 'node12', 3: 'node16', 4: 'node20', 5: 'node20' },
  'actions/setup-dotnet': { 1: 'node12', 2: 'node16', 3: 'node16', 4: 'node20' },
  'actions/cache': { 1: 'node12', 2: 'node12', 3: 'node16', 4: 'node20' },
  'actions/cache/restore': { 3: 'node16', 4: 'node20' },
  'actions/cache/save': { 3: 'node16', 4: 'node20' },
  'actions/upload-artifact': { 1: 'node12', 2: 'node12', 3: 'node16' },
  'actions/download-artifact': { 1: 'node12', 2: 'node12', 3: 'node16', 4: 'node20' },
  'actions/github-script': {
    1: 'node12',
    2: 'node12',
    3: 'node12',
    4: 'node12',
    5: 'node12',
    6: 'node16',
    7: 'node20',
  },
  'docker/build-push-action': { 2: 'node12', 3: 'node16', 4: 'node16', 5: 'node20', 6: 'node20' },
  'docker/login-action': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'docker/setup-buildx-action': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'docker/setup-qemu-action': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'docker/metadata-action': { 3: 'node12', 4: 'node16', 5: 'node20' },
  'aws-actions/configure-aws-credentials': { 1: 'node12', 2: 'node16', 3: 'node16', 4: 'node20' },
  'github/codeql-action/init': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'github/codeql-action/analyze': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'github/codeql-action/autobuild': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'github/codeql-action/upload-sarif': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'hashicorp/setup-terraform': { 1: 'node12', 2: 'node16', 3: 'node20' },
  'peter-evans/create-pull-request': { 3: 'node12', 4: 'node16', 5: 'node20' },
};
const OLD_LOWER = new Map(Object.entries(OLD_MAJOR_RUNTIMES).map(([k, v]) => [k.toLowerCase(), v]));

export interface ActionVersion {
  /** The action's name as the catalog spells it (or as written, when only the runtime table knows it). */
  name: string;
  ref: string;
  /** Offsets of the ref inside the document. */
  refStart: number;
  refEnd: number;
  have?: number;
  recommended?: string;
  /** The major the maintainers recommend is newer than the one used. */
  older: boolean;
  /** `runs.using` of the version used, when known. */
  runtime?: string;
  /** `runs.using` of the action's current release (the catalog's), when the catalog knows the action. */
  currentRuntime?: string;
}

/**
 * What is known about the version of the action a step uses: whether its major is older than the
 * recommended one and which runtime it runs on (the catalog for the current major, the table of
 * old majors otherwise). Undefined for local, Docker and unknown actions.
 */
export function actionVersion(text: string, uses: { value: string; start: number }): ActionVersion | undefined {
  if (VERSIONS.has(uses)) return VERSIONS.get(uses);
  const v = computeVersion(text, uses);
  VERSIONS.set(uses, v);
  return v;
}
const VERSIONS = new WeakMap<object, ActionVersion | undefined>();

function computeVersion(text: string, uses: { value: string; start: number }): ActionVersion | undefined {
  const r = usesRef(uses);
  if (r.kind !== 'repo') return undefined;
  const found = lookupAction(r.name);
  const old = OLD_LOWER.get(r.name.toLowerCase());
  if (!found && !old) return undefined;
  const have = majorOf(r.ref);
  const recommended = found?.action.recommended;
  const rec = recommended ? majorOf(recommended) : undefined;
  const older = have !== undefined && rec !== undefined && have < rec;
  let runtime: string | undefined;
  if (have !== undefined && old?.[have]) runtime = old[have];
  // The catalog's runtime is the current release's: it holds for that major (and for a branch or
  // SHA, as a best guess), and for every older major when it is itself retired.
  else if (found && (!older || RETIRED_RUNTIMES.has(found.action.runtime))) runtime = found.action.runtime;
  const q = text[uses.start] === '"' || text[uses.start] === "'" ? 1 : 0;
  const refStart = uses.start + q + r.refStart;
  return {
    name: found?.name ?? r.name,
    ref: r.ref,
    refStart,
    refEnd: refStart + r.ref.length,
    have,
    recommended,
    older,
    runtime,
    currentRuntime: found?.action.runtime,
  };
}
