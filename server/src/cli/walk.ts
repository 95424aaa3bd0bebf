import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentKind } from '../engine/types';
import { detectKind } from '../service/detect';
import { readExcludes } from './config';
import { errorReason, readChecked } from './disk';
import { excludedBy, globSet, type GlobSet } from './glob';
import { UsageError } from './args';

/** A file to check. */
export interface Target {
  /** Absolute path, `/`-separated (the service's paths). */
  key: string;
  /** As the report shows it: as given, or relative to the current folder. */
  shown: string;
  /** Forced by --kind, or detected by name (JSON task definitions by content). */
  kind?: DocumentKind;
}

/** A file that was found but could not be looked at. */
export interface Unreadable {
  shown: string;
  reason: string;
}

export interface WalkOptions {
  kind?: DocumentKind;
  /** --exclude globs, relative to the current folder. */
  exclude: string[];
  gitignore: boolean;
  /** The --config file: its excludes replace those of every .shipshape.yaml. */
  forcedConfig?: { file: string; text: string };
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);
const CONFIG_FILE = '.shipshape.yaml';
/** JSON files up to this size are read to tell whether they are task definitions. */
const JSON_DETECT_LIMIT = 1 << 20;

export function toKey(p: string): string {
  return path.resolve(p).split(path.sep).join('/');
}

function shownPath(abs: string): string {
  return path.relative(process.cwd(), abs) || abs;
}

/**
 * The files to check: those named (whatever .gitignore says, unless an exclude matches them), and
 * the infrastructure files inside the folders named, skipping .git, node_modules, what .gitignore
 * files ignore (from the repository's root down) and what `exclude:` / --exclude exclude. Folders
 * are read in name order, so the list (and the report) is the same on every run.
 */
export function collectTargets(paths: string[], opts: WalkOptions): { targets: Target[]; unreadable: Unreadable[] } {
  const targets: Target[] = [];
  const unreadable: Unreadable[] = [];
  const seen = new Set<string>();
  const cwd = toKey(process.cwd());
  const cliSet = opts.exclude.length ? [globSet(cwd, opts.exclude, '--exclude')] : [];
  const forced = opts.forcedConfig
    ? [globSet(toKey(path.dirname(opts.forcedConfig.file)), excludesOf(opts.forcedConfig), opts.forcedConfig.file)]
    : undefined;

  /** Exclude sets of one folder's .shipshape.yaml (none when --config replaces them). */
  const memo = <T>(f: (dir: string) => T) => {
    const cache = new Map<string, T>();
    return (dir: string): T => {
      if (!cache.has(dir)) cache.set(dir, f(dir));
      return cache.get(dir)!;
    };
  };
  const configSet = memo((dir: string): GlobSet[] => {
    if (forced) return [];
    const file = dir === '/' ? '/' + CONFIG_FILE : dir + '/' + CONFIG_FILE;
    if (!fs.existsSync(file)) return [];
    const r = readChecked(file, 1 << 20);
    if ('reason' in r) {
      unreadable.push({ shown: shownPath(file), reason: r.reason });
      return [];
    }
    const globs = excludesOf({ file, text: r.text });
    return globs.length ? [globSet(dir, globs, file)] : [];
  });
  const gitignoreSet = memo((dir: string): GlobSet[] => {
    if (!opts.gitignore) return [];
    const out: GlobSet[] = [];
    for (const name of ['.gitignore', '.git/info/exclude']) {
      const file = dir + '/' + name;
      let text: string;
      try {
        if (!fs.statSync(file).isFile()) continue;
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR')
          unreadable.push({ shown: shownPath(file), reason: errorReason(e) });
        continue;
      }
      out.push(globSet(dir, text.split('\n'), file));
    }
    return out;
  });

  /** The sets of the folders above `dir` (outermost first): configs up to /, .gitignore up to the repository. */
  const ancestorSets = (dir: string): { ignore: GlobSet[]; exclude: GlobSet[] } => {
    const chain: string[] = [];
    for (let d = path.posix.dirname(dir); ; d = path.posix.dirname(d)) {
      chain.unshift(d);
      if (d === path.posix.dirname(d)) break;
    }
    let repo: string | undefined;
    for (const d of chain) if (fs.existsSync(d + '/.git')) repo = d;
    const exclude: GlobSet[] = [...(forced ?? [])];
    const ignore: GlobSet[] = [];
    for (const d of chain) {
      exclude.push(...configSet(d));
      if (repo !== undefined && (d === repo || d.startsWith(repo === '/' ? '/' : repo + '/')))
        ignore.push(...gitignoreSet(d));
    }
    return { ignore, exclude };
  };
  const isOut = (ignore: GlobSet[], exclude: GlobSet[], key: string, isDir: boolean) =>
    excludedBy(ignore, key, isDir) || excludedBy(exclude, key, isDir) || excludedBy(cliSet, key, isDir);

  const add = (key: string, shown: string, kind: DocumentKind | undefined) => {
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ key, shown, kind });
  };

  for (const p of paths) {
    const abs = path.resolve(p);
    const key = toKey(p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file or folder: ${p}`);
      unreadable.push({ shown: p, reason: errorReason(e) });
      continue;
    }
    if (!st.isDirectory()) {
      // Named on the command line: checked unless an exclude names it or one of its folders.
      const { exclude } = ancestorSets(key);
      if (isExcludedWithFolders([...exclude, ...cliSet], key)) continue;
      add(key, p, opts.kind ?? detectKind(key));
      continue;
    }
    const { ignore, exclude } = ancestorSets(key);
    walk(key, abs, ignore, exclude);
  }
  return { targets, unreadable };

  function walk(dirKey: string, dirAbs: string, ignore: GlobSet[], exclude: GlobSet[]): void {
    ignore = [...ignore, ...gitignoreSet(dirKey)];
    exclude = [...exclude, ...configSet(dirKey)];
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ shown: shownPath(dirAbs), reason: `folder not readable: ${errorReason(e)}` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const abs = path.join(dirAbs, e.name);
      const key = dirKey === '/' ? '/' + e.name : dirKey + '/' + e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // a link to a file is checked; a link to a folder is not followed (no loops)
        try {
          const st = fs.statSync(abs);
          isFile = st.isFile();
          isDir = false;
          if (!isFile) continue;
        } catch (err) {
          // a dangling link or a loop: worth saying only when it has an infrastructure file's name
          const reason =
            (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to nothing' : errorReason(err);
          if (opts.kind ?? detectKind(key)) unreadable.push({ shown: shownPath(abs), reason });
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name)) continue;
        if (isOut(ignore, exclude, key, true)) continue;
        walk(key, abs, ignore, exclude);
        continue;
      }
      let kind = opts.kind ?? detectKind(key);
      const json = !kind && e.name.toLowerCase().endsWith('.json');
      if (!kind && !json) continue;
      if (isOut(ignore, exclude, key, false)) continue;
      if (!isFile) {
        // a FIFO, socket or device with an infrastructure file's name
        if (kind)
          unreadable.push({ shown: shownPath(abs), reason: 'it is not a regular file (a FIFO, socket or device)' });
        continue;
      }
      if (json) {
        // ECS refuses task definitions over 64 KiB: a larger JSON file is something else
        let size: number;
        try {
          size = fs.statSync(abs).size;
        } catch {
          size = 0;
        }
        if (size > JSON_DETECT_LIMIT) continue;
        const r = readChecked(abs, JSON_DETECT_LIMIT);
        if ('reason' in r) {
          unreadable.push({
            shown: shownPath(abs),
            reason: `${r.reason} (read to tell whether it is a task definition)`,
          });
          continue;
        }
        kind = detectKind(key, r.text);
        if (!kind) continue;
      }
      add(key, shownPath(abs), kind);
    }
  }
}

function excludesOf(config: { file: string; text: string }): string[] {
  return readExcludes(config.text, config.file);
}

/** An explicitly named file: excluded when a pattern matches it or one of its folders (below the pattern's base). */
function isExcludedWithFolders(sets: GlobSet[], key: string): boolean {
  const parts = key.split('/');
  for (let i = 2; i < parts.length; i++) if (excludedBy(sets, parts.slice(0, i).join('/'), true)) return true;
  return excludedBy(sets, key, false);
}
