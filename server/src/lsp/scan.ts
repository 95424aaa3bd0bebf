import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentKind } from '../engine/types';

const SKIP = new Set(['.git', 'node_modules', '.cache', 'dist', 'out', '.direnv', 'result']);

/**
 * The infrastructure files under a workspace folder, found by name (JSON task definitions by name
 * only here; opened ones are detected by content). Bounded so a huge monorepo cannot stall start-up.
 */
export function scanWorkspace(root: string, detect: (p: string) => DocumentKind | undefined, limit = 20000): [string, DocumentKind][] {
  const found: [string, DocumentKind][] = [];
  let seen = 0;
  const stack = [root];
  while (stack.length && seen < limit) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      if (++seen > limit) break;
      const full = path.join(dir, e.name).split(path.sep).join('/');
      if (e.isDirectory()) { if (!SKIP.has(e.name)) stack.push(full); continue; }
      if (!e.isFile()) continue;
      const kind = detect(full);
      if (kind) found.push([full, kind]);
    }
  }
  return found;
}
