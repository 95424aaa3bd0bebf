/** A small runner for the workflow rules in tests (the engine's analyze lives on main). */
import { workspaceOf } from '../helpers/context';
import { createOnce } from '../../server/src/engine/once';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { language } from '../../server/src/languages/workflow';
import type { Fix, Report, Rule, Settings, WorkspaceIndex } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/text/lines';

export interface Finding extends Report {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

export function format(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k) => (k in data ? String(data[k]) : m));
}

/** A workspace over a map of path → text, falling back to the disk under `root` when given. */
export function memoryWorkspace(files: Record<string, string> = {}, root?: string): WorkspaceIndex {
  return workspaceOf(files, root);
}

export function lint(
  text: string,
  opts: {
    path?: string;
    rules?: Rule[];
    workspace?: WorkspaceIndex;
    settings?: Partial<Settings>;
    trusted?: boolean;
  } = {},
): Finding[] {
  const p = opts.path ?? '/repo/.github/workflows/ci.yml';
  const model = language.parse(text, p);
  const lines = new LineIndex(text);
  const out: Finding[] = [];
  for (const rule of opts.rules ?? language.rules) {
    const severity = rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    rule.check({
      once: createOnce(),
      path: p,
      kind: 'workflow',
      text,
      lines,
      model,
      workspace: opts.workspace ?? memoryWorkspace(),
      settings: { rules: {}, ...opts.settings },
      trusted: opts.trusted ?? false,
      report: (r) => {
        const pos = lines.position(r.start);
        out.push({
          ...r,
          code: rule.meta.code,
          severity,
          message: format(rule.meta.messages[r.messageId] ?? r.messageId, r.data),
          line: pos.line + 1,
          column: pos.character + 1,
        });
      },
    });
  }
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

/** Applies non-overlapping edits of fixes (first fix wins on overlap). */
export function applyFixes(text: string, fixes: Fix[]): string {
  const edits = fixes.flatMap((f) => f.edits).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

import { REPO_ROOT } from '../helpers/context';
/** ../shared/corpus/workflow beside the checkout (a worktree sits one level deeper). */
export const CORPUS =
  [
    path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'workflow'),
    path.resolve(REPO_ROOT, '..', '..', 'shared', 'corpus', 'workflow'),
  ].find((d) => fs.existsSync(d)) ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'workflow');
