import * as fs from 'node:fs';
import type { FileSystem } from './service/workspace';

/** The disk, as the workspace index reads it (server and CLI). */
export const nodeFileSystem: FileSystem = {
  readFile(path) {
    try {
      const st = fs.statSync(path);
      if (!st.isFile()) return undefined;
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(path) {
    return fs.existsSync(path);
  },
  readDir(path) {
    try {
      return fs.readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
    } catch {
      return undefined;
    }
  },
};
