import { LineIndex } from '../text/lines';
import type { DocumentKind, ParsedFile, WorkspaceIndex } from '../engine/types';

/** How the index reaches files that are not open: the disk for the server and the CLI, a map in tests. */
export interface FileSystem {
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  /** Every file path, when the file system can enumerate itself cheaply (in-memory workspaces). */
  list?(): string[];
  /** The entries of a folder (the disk). */
  readDir?(path: string): { name: string; dir: boolean }[] | undefined;
}

export type FileParser = (path: string, text: string) => ParsedFile | undefined;
/** A language's facts of a parsed file (what other files may know of it). */
export type FactsReader = (parsed: ParsedFile) => unknown;
/** The keys other files look a file of this kind up by, from its facts (`WorkspaceIndex.withKey`). */
export type KeysReader = (kind: DocumentKind, facts: unknown) => readonly string[];

interface Model {
  text: string;
  parsed: ParsedFile | undefined;
}

/** Files larger than this are not read from disk for cross-file checks. */
const MAX_INDEXED_SIZE = 2 * 1024 * 1024;

/** Where a key lives in the reverse index: the kind of the files that hold it, and the key. */
const slot = (kind: DocumentKind, key: string) => `${kind}\u0000${key}`;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (!set.size) map.delete(key);
}

/**
 * The workspace index: open documents (overlays) over a file system, parsed on demand, plus the dependency graph
 * between files that lets a change re-check its dependents.
 *
 * What it keeps: the facts of every file read (small; until the file changes), the parsed models of the most recently
 * used files (large; a bounded LRU, parsed again when needed), and a reverse index from the keys of the facts (links/
 * says which: `build:<Dockerfile>` for a workflow that builds it) to the files that hold them, so a reverse lookup
 * reads the files it finds, not every file of the kind. The index is brought up to date lazily: a file that changed
 * is marked, and its keys are read again at the next lookup of its kind.
 */
export class Workspace implements WorkspaceIndex {
  private readonly open = new Map<string, string>();
  /** Parsed models, the most recently used last. */
  private readonly models = new Map<string, Model>();
  /** The facts of each file read, until it changes (null: none, or no such file). */
  private readonly factsByPath = new Map<string, { kind: DocumentKind; value: unknown } | null>();
  private readonly textCache = new Map<string, string | null>();
  private readonly known = new Map<string, DocumentKind>();
  /** The known files of each kind, and the same sorted (until one is added or removed). */
  private readonly byKind = new Map<DocumentKind, Set<string>>();
  private readonly sortedByKind = new Map<DocumentKind, string[]>();
  /** Files an enumerable file system lists that are not known (in-memory workspaces), with their kind. */
  private listed = new Map<string, DocumentKind>();
  /** The reverse index: slot (kind and key) → the files of that kind whose facts hold the key. */
  private readonly keyed = new Map<string, Set<string>>();
  /** What the reverse index holds of a file: the kind it was indexed as, and its slots. */
  private readonly indexed = new Map<string, { kind: DocumentKind; slots: string[] }>();
  /** Files whose keys are to be read (again) before the next lookup of that kind. */
  private readonly stale = new Map<DocumentKind, Set<string>>();
  /** path → the files that read it. */
  private readonly dependents = new Map<string, Set<string>>();
  /** dependent → the files it read (the same edges, the other way, to forget them and to re-check both sides). */
  private readonly dependencies = new Map<string, Set<string>>();
  /** kind → key → the files that looked that key up among the files of that kind. */
  private readonly keyDependents = new Map<DocumentKind, Map<string, Set<string>>>();
  /** dependent → the kinds and keys it looked up. */
  private readonly keyDependencies = new Map<string, Set<string>>();

  constructor(
    private readonly fs: FileSystem,
    private readonly parser: FileParser,
    private readonly detect: (path: string, text?: string) => DocumentKind | undefined,
    private readonly readFacts: FactsReader = () => undefined,
    /** Parsed models (and texts) kept; facts are kept for every file. */
    private readonly maxEntries = 1000,
    private readonly readKeys: KeysReader = () => [],
  ) {}

  // --- what the server tells the index -------------------------------------------------------
  /** A document opened or edited in the editor; `kind` when the caller already detected it. */
  setOpen(path: string, text: string, kind = this.detect(path, text)): void {
    this.open.set(path, text);
    // Its next check records what it reads now; edges from older versions would only grow.
    this.forgetDependencies(path);
    this.invalidate(path);
    if (kind) this.setKnown(path, kind);
  }
  close(path: string): void {
    this.open.delete(path);
    this.invalidate(path);
  }
  /** A file changed, appeared or disappeared on disk (file-watcher events). */
  changedOnDisk(path: string): void {
    this.invalidate(path);
    if (!this.open.has(path)) this.setKnown(path, this.fs.exists(path) ? this.detectOnDisk(path) : undefined);
  }
  /** The kind of a file on disk: by its path, and for JSON by its content (a task definition named `ecs/web.json`). */
  private detectOnDisk(path: string): DocumentKind | undefined {
    return (
      this.detect(path) ?? (path.toLowerCase().endsWith('.json') ? this.detect(path, this.readText(path)) : undefined)
    );
  }
  /** Records a file found by a workspace scan. */
  addKnown(path: string, kind: DocumentKind): void {
    this.setKnown(path, kind);
  }
  isOpen(path: string): boolean {
    return this.open.has(path);
  }
  /**
   * The files to check again after `path` changed: those that read it, and those that looked up keys among the files
   * of its kind (its keys may have changed: a workflow that starts building a Dockerfile re-checks the Dockerfile).
   */
  dependentsOf(path: string): string[] {
    const out = new Set(this.dependents.get(path));
    const kinds = new Set([this.indexed.get(path)?.kind, this.kindOf(path)]);
    for (const kind of kinds) {
      if (!kind) continue;
      for (const set of this.keyDependents.get(kind)?.values() ?? []) for (const d of set) if (d !== path) out.add(d);
    }
    return [...out];
  }
  /** The files `path` read when it was last checked (a reverse lookup there may now see it differently). */
  dependenciesOf(path: string): string[] {
    return [...(this.dependencies.get(path) ?? [])];
  }
  /** Drops the edges from `dependent` (before it is checked again, or when it is gone). */
  forgetDependencies(dependent: string): void {
    for (const p of this.dependencies.get(dependent) ?? []) removeFrom(this.dependents, p, dependent);
    this.dependencies.delete(dependent);
    for (const s of this.keyDependencies.get(dependent) ?? []) {
      const cut = s.indexOf('\u0000');
      const byKey = this.keyDependents.get(s.slice(0, cut) as DocumentKind);
      if (!byKey) continue;
      removeFrom(byKey, s.slice(cut + 1), dependent);
      if (!byKey.size) this.keyDependents.delete(s.slice(0, cut) as DocumentKind);
    }
    this.keyDependencies.delete(dependent);
  }

  // --- WorkspaceIndex: what rules ask ----------------------------------------------------------
  get(path: string): ParsedFile | undefined {
    return this.entry(path)?.parsed;
  }
  facts(path: string): { kind: DocumentKind; facts: unknown } | undefined {
    let f = this.factsByPath.get(path);
    if (f === undefined) {
      const parsed = this.entry(path)?.parsed;
      let value: unknown;
      try {
        value = parsed && this.readFacts(parsed);
      } catch {
        value = undefined;
      }
      f = parsed && value !== undefined ? { kind: parsed.kind, value } : null;
      this.factsByPath.set(path, f);
    }
    return f ? { kind: f.kind, facts: f.value } : undefined;
  }
  private entry(path: string): Model | undefined {
    const text = this.readText(path);
    if (text === undefined) return undefined;
    const hit = this.models.get(path);
    if (hit && hit.text === text) {
      this.models.delete(path);
      this.models.set(path, hit);
      return hit;
    }
    let parsed: ParsedFile | undefined;
    try {
      parsed = this.parser(path, text);
    } catch {
      parsed = undefined;
    }
    return this.keep(path, { text, parsed });
  }
  private keep(path: string, model: Model): Model {
    this.models.delete(path);
    this.models.set(path, model);
    while (this.models.size > this.maxEntries) this.models.delete(this.models.keys().next().value as string);
    return model;
  }
  /**
   * The parse of a file the index would give for this text, when it has one (the service's own parse of the document
   * being checked can be the same object).
   */
  parsedIfCached(path: string, text: string): ParsedFile | undefined {
    const hit = this.models.get(path);
    return hit && hit.text === text ? hit.parsed : undefined;
  }
  /** Keeps a parse the service made of a file's current text, so that the index does not parse it again. */
  adopt(parsed: ParsedFile): void {
    if (this.readText(parsed.path) !== parsed.text || this.models.get(parsed.path)?.text === parsed.text) return;
    this.keep(parsed.path, { text: parsed.text, parsed });
  }
  exists(path: string): boolean {
    return this.open.has(path) || this.fs.exists(path);
  }
  readText(path: string): string | undefined {
    const open = this.open.get(path);
    if (open !== undefined) return open;
    if (this.textCache.has(path)) return this.textCache.get(path) ?? undefined;
    let text: string | undefined;
    try {
      text = this.fs.readFile(path);
    } catch {
      text = undefined;
    }
    if (text !== undefined && text.length > MAX_INDEXED_SIZE) text = undefined;
    this.textCache.set(path, text ?? null);
    while (this.textCache.size > this.maxEntries) this.textCache.delete(this.textCache.keys().next().value as string);
    return text;
  }
  list(kind?: DocumentKind): string[] {
    if (kind && !this.fs.list) {
      let sorted = this.sortedByKind.get(kind);
      if (!sorted) this.sortedByKind.set(kind, (sorted = [...(this.byKind.get(kind) ?? [])].sort()));
      return [...sorted];
    }
    const out: string[] = [];
    for (const [path, k] of this.known) if (!kind || k === kind) out.push(path);
    if (this.fs.list) {
      for (const path of this.fs.list()) {
        if (this.known.has(path)) continue;
        const k = this.detectOnDisk(path);
        if (k && (!kind || k === kind)) out.push(path);
      }
    }
    return out.sort();
  }
  withKey(kind: DocumentKind, key: string): string[] {
    this.refresh(kind);
    const set = this.keyed.get(slot(kind, key));
    return set ? [...set].sort() : [];
  }
  filesUnder(dir: string, limit: number): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const skip = (name: string) => name === '.git' || name === 'node_modules';
    if (this.fs.list) {
      const all = this.fs.list().filter((p) => p.startsWith(prefix));
      return all
        .filter((p) => !p.slice(prefix.length).split('/').some(skip))
        .sort()
        .slice(0, limit);
    }
    const out: string[] = [];
    const queue = [dir];
    while (queue.length && out.length < limit) {
      const d = queue.shift()!;
      const entries = [...(this.fs.readDir?.(d) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (skip(e.name)) continue;
        const p = `${d === '/' ? '' : d}/${e.name}`;
        if (e.dir) queue.push(p);
        else if (out.length < limit) out.push(p);
      }
    }
    return out;
  }
  dependOn(dependent: string, path: string): void {
    if (dependent === path) return;
    addTo(this.dependents, path, dependent);
    addTo(this.dependencies, dependent, path);
  }
  /** Records that `dependent` looked up `key` among the files of `kind`. */
  dependOnKey(dependent: string, kind: DocumentKind, key: string): void {
    let byKey = this.keyDependents.get(kind);
    if (!byKey) this.keyDependents.set(kind, (byKey = new Map()));
    addTo(byKey, key, dependent);
    addTo(this.keyDependencies, dependent, slot(kind, key));
  }

  // --- the reverse index -------------------------------------------------------------------------
  /**
   * The keys of a file as the reverse index holds them (read now if it changed): its kind and keys. The CLI reads them
   * once per run, shared out between its worker threads, and gives every worker the whole index (`seedIndex`).
   */
  indexEntry(path: string): { path: string; kind: DocumentKind; keys: string[] } | undefined {
    const kind = this.kindOf(path);
    if (!kind) return undefined;
    const stale = this.stale.get(kind);
    if (stale?.has(path) || !this.indexed.has(path)) {
      stale?.delete(path);
      this.reindex(path);
    }
    const e = this.indexed.get(path);
    return e && { path, kind: e.kind, keys: e.slots.map((s) => s.slice(s.indexOf('\u0000') + 1)) };
  }
  /**
   * Reads the keys of the files of these kinds that joined or changed, in slices of about `sliceMs`, yielding to the
   * event loop in between (a server after its workspace scan: the first lookup then finds the index ready instead of
   * reading thousands of files while the user waits). A lookup meanwhile reads the rest itself.
   */
  async indexAhead(kinds: readonly DocumentKind[], sliceMs = 8): Promise<void> {
    let last = performance.now();
    for (const kind of kinds) {
      if (this.fs.list) this.syncListed();
      for (;;) {
        const todo = this.stale.get(kind);
        const next = todo?.values().next();
        if (!todo || !next || next.done) break;
        todo.delete(next.value);
        if (!todo.size) this.stale.delete(kind);
        this.reindex(next.value);
        if (performance.now() - last > sliceMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          last = performance.now();
        }
      }
    }
  }
  /** Takes the keys of files read elsewhere (the same files, unchanged): their facts are read only when looked up. */
  seedIndex(entries: readonly { path: string; kind: DocumentKind; keys: readonly string[] }[]): void {
    for (const { path, kind, keys } of entries) {
      if (this.kindOf(path) !== kind) continue;
      for (const s of this.indexed.get(path)?.slots ?? []) removeFrom(this.keyed, s, path);
      const slots = [...new Set(keys)].map((k) => slot(kind, k));
      for (const s of slots) addTo(this.keyed, s, path);
      this.indexed.set(path, { kind, slots });
      this.stale.get(kind)?.delete(path);
    }
  }

  /** The kind a file is listed as: known, or found by an enumerable file system. */
  private kindOf(path: string): DocumentKind | undefined {
    return this.known.get(path) ?? this.listed.get(path);
  }
  private setKnown(path: string, kind: DocumentKind | undefined): void {
    const old = this.known.get(path);
    if (old === kind) return;
    if (old) {
      removeFrom(this.byKind, old, path);
      this.sortedByKind.delete(old);
    }
    if (kind) {
      this.known.set(path, kind);
      addTo(this.byKind, kind, path);
      this.sortedByKind.delete(kind);
    } else this.known.delete(path);
    this.markStale(path);
  }
  /** The file's keys are read again at the next lookup (of the kind it was indexed as, and of the one it has now). */
  private markStale(path: string): void {
    for (const kind of [this.indexed.get(path)?.kind, this.kindOf(path)]) if (kind) addTo(this.stale, kind, path);
  }
  /** Brings the keys of the files of a kind up to date. */
  private refresh(kind: DocumentKind): void {
    if (this.fs.list) this.syncListed();
    const todo = this.stale.get(kind);
    if (!todo) return;
    this.stale.delete(kind);
    for (const path of todo) this.reindex(path);
  }
  private reindex(path: string): void {
    const was = this.indexed.get(path);
    for (const s of was?.slots ?? []) removeFrom(this.keyed, s, path);
    this.indexed.delete(path);
    const kind = this.kindOf(path);
    if (!kind) return;
    const f = this.facts(path);
    const slots = f?.kind === kind ? [...new Set(this.readKeys(kind, f.facts))].map((k) => slot(kind, k)) : [];
    for (const s of slots) addTo(this.keyed, s, path);
    this.indexed.set(path, { kind, slots });
  }
  /** An enumerable file system (in memory) may gain or lose files without events: what it lists now. */
  private syncListed(): void {
    const now = new Map<string, DocumentKind>();
    for (const path of this.fs.list!()) {
      if (this.known.has(path)) continue;
      const k = this.detectOnDisk(path);
      if (k) now.set(path, k);
    }
    const before = this.listed;
    this.listed = now;
    for (const [path, k] of before) if (now.get(path) !== k) addTo(this.stale, k, path);
    for (const [path, k] of now) if (before.get(path) !== k) this.markStale(path);
  }

  private invalidate(path: string): void {
    this.models.delete(path);
    this.factsByPath.delete(path);
    this.textCache.delete(path);
    this.markStale(path);
  }
}

/** A parsed file for the index, from a kind's parser. */
export function parsedFile<M>(path: string, kind: DocumentKind, text: string, model: M): ParsedFile<M> {
  return { path, kind, text, lines: new LineIndex(text), model };
}
