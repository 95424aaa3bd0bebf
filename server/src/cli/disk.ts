import * as fs from 'node:fs';
import type { FileSystem } from '../service/workspace';

/** Why a file could not be read, in words for the report. */
export type ReadFailure = { path: string; reason: string };

/** Files larger than this are not read for other files' cross-file checks (the index's own limit). */
const INDEX_LIMIT = 2 * 1024 * 1024;

/**
 * Reads a file only after a stat says it is a regular file of acceptable size: a FIFO, a device
 * (`/dev/zero`) or a 700 MB file is refused before any byte is read.
 */
export function readChecked(path: string, limit: number): { text: string } | { reason: string } {
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch (e) {
    return { reason: errorReason(e) };
  }
  if (st.isDirectory()) return { reason: 'it is a folder' };
  if (!st.isFile()) return { reason: 'it is not a regular file (a FIFO, socket or device)' };
  if (st.size > limit)
    return {
      reason:
        `it is ${(st.size / 1048576).toFixed(1)} MB, above the ${(limit / 1048576).toFixed(1)} MB limit ` +
        '(maxFileSize)',
    };
  try {
    return { text: fs.readFileSync(path, 'utf8') };
  } catch (e) {
    return { reason: errorReason(e) };
  }
}

export function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? String((e as Error)?.message ?? e);
}

/**
 * The disk as the CLI's workspace index reads it: stat before read, texts kept (each file is read
 * once however many checks look at it), and every file that exists but cannot be read remembered,
 * so the report can say which files the checks could not see.
 */
export class CliDisk implements FileSystem {
  private readonly texts = new Map<string, string | null>();
  readonly failures = new Map<string, string>();

  /** Texts the CLI already read (the files it checks), or a new text after --fix. */
  remember(path: string, text: string | undefined): void {
    this.texts.set(path, text ?? null);
  }
  forget(path: string): void {
    this.texts.delete(path);
  }

  readFile(path: string): string | undefined {
    const hit = this.texts.get(path);
    if (hit !== undefined) return hit ?? undefined;
    let text: string | undefined;
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(path);
    } catch {
      st = undefined; // absent: not a failure
    }
    if (st?.isFile() && st.size <= INDEX_LIMIT) {
      try {
        text = fs.readFileSync(path, 'utf8');
        // as the file being checked: without its byte order mark
        if (text.startsWith('\ufeff')) text = text.slice(1);
      } catch (e) {
        this.failures.set(path, errorReason(e));
      }
    } else if (st && !st.isDirectory()) {
      this.failures.set(path, st.isFile() ? 'too large to read for cross-file checks' : 'not a regular file');
    }
    this.texts.set(path, text ?? null);
    return text;
  }

  exists(path: string): boolean {
    if (this.texts.get(path)) return true;
    return fs.existsSync(path);
  }
}
