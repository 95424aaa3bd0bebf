import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentKind } from '../engine/types';

const SKIP = new Set(['.git', 'node_modules', '.cache', 'dist', 'out', '.direnv', 'result']);

/**
 * The infrastructure files under a workspace folder, found by name, and JSON task definitions by
 * name or content (`ecs/web.json` with `containerDefinitions`; JSON files up to 128 KiB are read:
 * ECS caps a task definition at 64 KiB, so a larger file is not one).
 * Bounded so a huge monorepo cannot stall start-up.
 */
export function scanWorkspace(
  root: string,
  detect: (p: string, text?: string) => DocumentKind | undefined,
  limit = 20000,
): [string, DocumentKind][] {
  const found: [string, DocumentKind][] = [];
  let seen = 0;
  const stack = [root];
  while (stack.length && seen < limit) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (++seen > limit) break;
      const full = path.join(dir, e.name).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) stack.push(full);
        continue;
      }
      if (!e.isFile()) continue;
      let kind = detect(full);
      if (!kind && e.name.toLowerCase().endsWith('.json')) {
        try {
          if (fs.statSync(full).size <= 128 * 1024) kind = detect(full, fs.readFileSync(full, 'utf8'));
        } catch {
          /* unreadable: not ours */
        }
      }
      if (kind) found.push([full, kind]);
    }
  }
  return found;
}
