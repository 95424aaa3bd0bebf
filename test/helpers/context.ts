import * as fs from 'node:fs';
import * as path from 'node:path';
import { languages } from '../../server/src/links';
import { Service } from '../../server/src/service/service';
import type { FileSystem } from '../../server/src/service/workspace';
import { spawnSync } from 'node:child_process';
import type {
  DocumentKind,
  Language,
  ShellcheckComment,
  ToolRunner,
  WorkspaceIndex,
} from '../../server/src/engine/types';

/** The repository root (tests run from out/test/..., sources live in test/...). */
export const REPO_ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  fs.existsSync(path.resolve(__dirname, '..', '..', 'package.json')) ? '' : '..',
);
/** The shared corpus beside the checkout; absent in users' clones. */
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const hasCorpus = fs.existsSync(CORPUS);

/** An in-memory file system for workspace tests: absolute POSIX paths to texts. */
export function memoryFs(files: Record<string, string>): FileSystem {
  const dirs = new Set<string>();
  for (const p of Object.keys(files))
    for (let d = path.posix.dirname(p); d !== '/' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
  return {
    readFile: (p) => files[p],
    exists: (p) => p in files || dirs.has(p),
    list: () => Object.keys(files),
  };
}

let hasShellcheck: boolean | undefined;
/** Whether shellcheck is installed on this machine (tests of the rules that use it skip otherwise). */
export function shellcheckInstalled(): boolean {
  hasShellcheck ??= spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
  return hasShellcheck;
}

/**
 * Tools for tests: shellcheck run at once (spawnSync, fine in a test, never on the server), so a check in a test
 * has its answers without waiting. The real runner (server/src/tools/shellcheck.ts) is tested on its own.
 */
export const syncTools: ToolRunner = {
  session: () => ({
    settled: () => undefined,
    shellcheck(req) {
      if (!shellcheckInstalled()) return { state: 'unavailable', reason: 'shellcheck is not installed' };
      const args = ['--norc', '-f', 'json1', '-s', req.dialect, '-S', 'style'];
      if (req.exclude?.length) args.push('-e', req.exclude.join(','));
      const r = spawnSync('shellcheck', [...args, '-'], { input: req.script, encoding: 'utf8' });
      const out = JSON.parse(r.stdout || '{"comments":[]}') as { comments: ShellcheckComment[] };
      return { state: 'done', comments: out.comments };
    },
  }),
};

/** A service over an in-memory workspace (the default for unit tests), with shellcheck for trusted checks. */
export function memoryService(files: Record<string, string> = {}): Service {
  return new Service(languages, memoryFs(files), undefined, { tools: syncTools });
}

/** Files in memory over the real disk under `root` (a fixture or corpus folder), for rules that read other files. */
export function layeredFs(files: Record<string, string>, root?: string): FileSystem {
  const mem = memoryFs(files);
  const onDisk = (p: string) => !!root && p.startsWith(root);
  return {
    readFile: (p) => {
      const t = mem.readFile(p);
      if (t !== undefined || !onDisk(p)) return t;
      try {
        return fs.statSync(p).isFile() ? fs.readFileSync(p, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    exists: (p) => mem.exists(p) || (onDisk(p) && fs.existsSync(p)),
    list: () => Object.keys(files),
  };
}

/** The real workspace index (parses, facts, dependencies) over files in memory, optionally over a disk folder. */
export function workspaceOf(files: Record<string, string> = {}, root?: string): WorkspaceIndex {
  return new Service(languages, layeredFs(files, root)).workspace;
}

/** A language as the service runs it: with the checks and features across files attached (`server/src/links/`). */
export function linked(kind: DocumentKind): Language {
  return languages.find((l) => l.kind === kind)!;
}
