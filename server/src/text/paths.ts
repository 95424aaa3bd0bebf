/**
 * Paths between files: the repository root of a workflow (the folder that holds `.github/`), and
 * workspace paths resolved from what a file writes. A value with an expression or a variable is
 * never resolved (its final value is unknown), so rules stay silent on it.
 */
import { posix } from 'node:path';

/** The folder that contains `.github/workflows/` for a workflow path; undefined elsewhere. */
export function repoRootOf(workflowPath: string): string | undefined {
  const i = workflowPath.lastIndexOf('/.github/workflows/');
  return i >= 0 ? workflowPath.slice(0, i) || '/' : undefined;
}

/** Whether a written value holds `${{ }}`, `${VAR}` or `$VAR`: its value is only known at run time. */
export function isDynamic(value: string): boolean {
  return /\$\{\{|\$\{|\$[A-Za-z_]/.test(value);
}

/** `value` resolved against `base` (a folder), or undefined when it is dynamic, remote or empty. */
export function resolveIn(base: string, value: string): string | undefined {
  const v = value.trim();
  if (!v || isDynamic(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^git@|\.git(#|$)/.test(v)) return undefined;
  return posix.resolve(base, v);
}

/** A path as the user reads it, relative to a folder. */
export function relativeTo(dir: string, path: string): string {
  return posix.relative(dir, path) || '.';
}

export const dirname = posix.dirname;
