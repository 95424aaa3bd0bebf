import * as fs from 'node:fs';
import * as path from 'node:path';
import { languages } from '../../server/src/languages';
import { Service } from '../../server/src/service/service';
import type { FileSystem } from '../../server/src/service/workspace';

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

/** A service over an in-memory workspace (the default for unit tests). */
export function memoryService(files: Record<string, string> = {}): Service {
  return new Service(languages, memoryFs(files));
}
