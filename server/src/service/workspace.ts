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

interface Entry {
  text: string;
  parsed: ParsedFile | undefined;
  /** The facts of `parsed`, computed on first use. */
  facts?: { value: unknown };
}

/** Files larger than this are not read from disk for cross-file checks. */
const MAX_INDEXED_SIZE = 2 * 1024 * 1024;

/**
 * The workspace index: open documents (overlays) over a file system, parsed on demand and kept in a
 * bounded LRU, plus the dependency graph between files that lets a change re-check its dependents.
 */
export class Workspace implements WorkspaceIndex {
  private readonly open = new Map<string, string>();
  private readonly cache = new Map<string, Entry>();
  private readonly textCache = new Map<string, string | null>();
  private readonly known = new Map<string, DocumentKind>();
  /** path → the files that read it. */
  private readonly dependents = new Map<string, Set<string>>();
  /** dependent → the files it read (the same edges, the other way, to forget them and to re-check both sides). */
  private readonly dependencies = new Map<string, Set<string>>();

  constructor(
    private readonly fs: FileSystem,
    private readonly parser: FileParser,
    private readonly detect: (path: string, text?: string) => DocumentKind | undefined,
    private readonly readFacts: FactsReader = () => undefined,
    private readonly maxEntries = 1000,
  ) {}

  // --- what the server tells the index -------------------------------------------------------
  /** A document opened or edited in the editor; `kind` when the caller already detected it. */
  setOpen(path: string, text: string, kind = this.detect(path, text)): void {
    this.open.set(path, text);
    // Its next check records what it reads now; edges from older versions would only grow.
    this.forgetDependencies(path);
    this.invalidate(path);
    if (kind) this.known.set(path, kind);
  }
  close(path: string): void {
    this.open.delete(path);
    this.invalidate(path);
  }
  /** A file changed, appeared or disappeared on disk (file-watcher events). */
  changedOnDisk(path: string): void {
    this.invalidate(path);
    if (!this.open.has(path)) {
      const kind = this.fs.exists(path) ? this.detectOnDisk(path) : undefined;
      if (kind) this.known.set(path, kind);
      else this.known.delete(path);
    }
  }
  /** The kind of a file on disk: by its path, and for JSON by its content (a task definition named `ecs/web.json`). */
  private detectOnDisk(path: string): DocumentKind | undefined {
    return (
      this.detect(path) ?? (path.toLowerCase().endsWith('.json') ? this.detect(path, this.readText(path)) : undefined)
    );
  }
  /** Records a file found by a workspace scan. */
  addKnown(path: string, kind: DocumentKind): void {
    this.known.set(path, kind);
  }
  isOpen(path: string): boolean {
    return this.open.has(path);
  }
  /** The files that read `path` (directly), so they can be re-checked after it changes. */
  dependentsOf(path: string): string[] {
    return [...(this.dependents.get(path) ?? [])];
  }
  /** The files `path` read when it was last checked (a reverse lookup there may now see it differently). */
  dependenciesOf(path: string): string[] {
    return [...(this.dependencies.get(path) ?? [])];
  }
  /** Drops the edges from `dependent` (before it is checked again, or when it is gone). */
  forgetDependencies(dependent: string): void {
    for (const p of this.dependencies.get(dependent) ?? []) {
      const set = this.dependents.get(p);
      if (!set) continue;
      set.delete(dependent);
      if (!set.size) this.dependents.delete(p);
    }
    this.dependencies.delete(dependent);
  }

  // --- WorkspaceIndex: what rules ask ----------------------------------------------------------
  get(path: string): ParsedFile | undefined {
    return this.entry(path)?.parsed;
  }
  facts(path: string): { kind: DocumentKind; facts: unknown } | undefined {
    const e = this.entry(path);
    if (!e?.parsed) return undefined;
    if (!e.facts) {
      let value: unknown;
      try {
        value = this.readFacts(e.parsed);
      } catch {
        value = undefined;
      }
      e.facts = { value };
    }
    return e.facts.value === undefined ? undefined : { kind: e.parsed.kind, facts: e.facts.value };
  }
  private entry(path: string): Entry | undefined {
    const text = this.readText(path);
    if (text === undefined) return undefined;
    const hit = this.cache.get(path);
    if (hit && hit.text === text) {
      this.cache.delete(path);
      this.cache.set(path, hit);
      return hit;
    }
    let parsed: ParsedFile | undefined;
    try {
      parsed = this.parser(path, text);
    } catch {
      parsed = undefined;
    }
    const entry: Entry = { text, parsed };
    this.cache.set(path, entry);
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    return entry;
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
    let set = this.dependents.get(path);
    if (!set) this.dependents.set(path, (set = new Set()));
    set.add(dependent);
    let back = this.dependencies.get(dependent);
    if (!back) this.dependencies.set(dependent, (back = new Set()));
    back.add(path);
  }

  private invalidate(path: string): void {
    this.cache.delete(path);
    this.textCache.delete(path);
  }
}

/** A parsed file for the index, from a kind's parser. */
export function parsedFile<M>(path: string, kind: DocumentKind, text: string, model: M): ParsedFile<M> {
  return { path, kind, text, lines: new LineIndex(text), model };
}
