import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/context';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dist/cli.js with `args` in `cwd`. */
export function cli(args: string[], cwd: string, opts: SpawnSyncOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...opts,
    env: { ...process.env, GITHUB_WORKSPACE: '', GITHUB_OUTPUT: '', ...(opts.env ?? {}) },
  });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A temporary folder holding `files` (paths relative to it). */
export function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cli-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

export function read(dir: string, p: string): string {
  return fs.readFileSync(path.join(dir, p), 'utf8');
}
