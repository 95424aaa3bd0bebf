/**
 * What a check of one file gives, as plain data: it crosses from worker threads to the main thread
 * and every output format reads it (positions already converted, nothing else to look up).
 */
import type { Range } from '../text/lines';
import type { DocumentKind, Severity } from '../engine/types';

/** A finding's location in another file: path relative to the working directory, LSP range. */
export interface RelatedOut {
  path: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  /** 0-based, LSP-style. */
  range: Range;
  fixable: boolean;
  related?: RelatedOut[];
}

export interface FileReport {
  /** As shown: relative to the working directory, or as given. */
  path: string;
  kind: DocumentKind | null;
  diagnostics: Diagnostic[];
  /** hadolint's failure-threshold for this file's DL findings (from its `.hadolint.yaml`). */
  failureThreshold?: Severity | 'none';
}

/**
 * Something that kept a file from being checked completely: it could not be read (skippable with
 * --skip-unreadable), or its analysis failed (a rule threw, the parser gave up).
 */
export interface Problem {
  path: string;
  reason: string;
  type: 'unreadable' | 'failed';
}

export interface RunReport {
  files: FileReport[];
  problems: Problem[];
  /** --skip-unreadable: unreadable files are reported as warnings and do not change the exit status. */
  skipUnreadable: boolean;
  /** With --fix: how many fixes were applied, in how many files. */
  fixed?: { fixes: number; files: number };
}

export function countBySeverity(files: FileReport[]): Record<Severity, number> {
  const count = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of files) for (const d of f.diagnostics) count[d.severity]++;
  return count;
}
