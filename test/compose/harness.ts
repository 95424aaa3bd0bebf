/**
 * Runs compose rules the way the engine does (parse, check, format messages) over an in-memory
 * workspace, so rule tests need neither the disk nor the service.
 */
import { workspaceOf } from '../helpers/context';
import { createOnce } from '../../server/src/engine/once';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Fix, OffsetEdit, Report, Rule, RuleContext, WorkspaceIndex } from '../../server/src/engine/types';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/text/lines';
import { language } from '../../server/src/languages/compose';
import type { ComposeModel } from '../../server/src/languages/compose/parse';

export interface Found extends Report {
  code: string;
  rule: string;
  line: number;
  message: string;
}

/** A workspace over a map of absolute paths to texts; folders exist when a file is under them. */
export function memoryWorkspace(files: Record<string, string>): WorkspaceIndex {
  return workspaceOf(files);
}

/** A workspace over the real disk (for the corpus). */
export function diskWorkspace(): WorkspaceIndex {
  return workspaceOf({}, '/');
}
void readdirSync;

export function formatMessage(rule: Rule, messageId: string, data?: Record<string, string | number>): string {
  const template = rule.meta.messages[messageId];
  if (template === undefined) throw new Error(`${rule.meta.code}: unknown messageId ${messageId}`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    data && data[name] !== undefined ? String(data[name]) : whole,
  );
}

export interface CheckOptions {
  path?: string;
  files?: Record<string, string>;
  rules?: Rule<ComposeModel>[];
  workspace?: WorkspaceIndex;
}

export function check(text: string, opts: CheckOptions = {}): Found[] {
  const path = opts.path ?? '/ws/compose.yaml';
  const lines = new LineIndex(text);
  const model = language.parse(text, path);
  const workspace = opts.workspace ?? memoryWorkspace({ ...(opts.files ?? {}), [path]: text });
  const out: Found[] = [];
  for (const rule of opts.rules ?? language.rules) {
    const ctx: RuleContext<ComposeModel> = {
      path,
      kind: 'compose',
      text,
      lines,
      model,
      workspace,
      settings: DEFAULT_SETTINGS,
      trusted: false,
      once: createOnce(),
      report: (r) =>
        out.push({
          ...r,
          code: rule.meta.code,
          rule: rule.meta.id,
          line: lines.position(r.start).line + 1,
          message: formatMessage(rule, r.messageId, r.data),
        }),
    };
    rule.check(ctx);
  }
  out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  return out;
}

/** Applies non-overlapping edits (later ones first). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let last = Infinity;
  for (const e of sorted) {
    if (e.end > last) continue; // overlapping: skip, like the engine
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    last = e.start;
  }
  return out;
}

export function applyFixes(text: string, found: Found[]): string {
  return applyEdits(
    text,
    found.flatMap((f) => (f.fix as Fix | undefined)?.edits ?? []),
  );
}

export interface ValidCase {
  code: string;
  path?: string;
  files?: Record<string, string>;
}
export interface InvalidCase extends ValidCase {
  errors: { messageId: string; line?: number }[];
  output?: string;
}

/**
 * A table test in the shape of the project's rule tester: valid cases give no finding of the rule;
 * invalid cases give exactly the listed findings; `output` is required when a finding carries a fix
 * and is the text after applying every fix of the rule.
 */
export function testRule(rule: Rule<ComposeModel>, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.code} ${rule.meta.id}`, () => {
    const seen = new Set<string>();
    for (const c of [...table.valid, ...table.invalid]) {
      const key = JSON.stringify([c.code, c.path, c.files]);
      const duplicated = seen.has(key);
      seen.add(key);
      if (duplicated)
        it(`duplicate case: ${c.code.slice(0, 40).replace(/\n/g, '⏎')}`, () =>
          assert.fail('the same case is listed twice'));
    }
    table.valid.forEach((c, i) =>
      it(`valid #${i + 1}`, () => {
        const found = check(c.code, { path: c.path, files: c.files, rules: [rule] });
        assert.deepEqual(
          found.map((f) => `${f.line}: ${f.message}`),
          [],
        );
      }),
    );
    table.invalid.forEach((c, i) =>
      it(`invalid #${i + 1}`, () => {
        const found = check(c.code, { path: c.path, files: c.files, rules: [rule] });
        assert.deepEqual(
          found.map((f) => ({ messageId: f.messageId, ...(c.errors[0]?.line !== undefined ? { line: f.line } : {}) })),
          c.errors.map((e) => ({ messageId: e.messageId, ...(e.line !== undefined ? { line: e.line } : {}) })),
          found.map((f) => `${f.line}: ${f.message}`).join('\n'),
        );
        for (const f of found) {
          assert.ok(f.start <= f.end && f.end <= c.code.length, 'range inside the text');
          assert.ok(!f.message.includes('{{'), `unfilled placeholder: ${f.message}`);
        }
        const fixes = found.filter((f) => f.fix);
        if (fixes.length) {
          assert.ok(c.output !== undefined, 'a case whose findings carry fixes needs `output`');
          assert.equal(applyFixes(c.code, found), c.output);
          if (rule.meta.fixable === 'safe') for (const f of fixes) assert.equal(f.fix!.safe, true);
          if (rule.meta.fixable !== 'safe') for (const f of fixes) assert.equal(f.fix!.safe, false);
        } else if (c.output !== undefined) {
          assert.equal(c.output, c.code, 'output given but no fix');
        }
      }),
    );
  });
}

import type { FeatureContext } from '../../server/src/engine/types';
/** A feature context for completion/hover tests; `|` in the text marks the cursor. */
export function featureAt(
  textWithCursor: string,
  opts: { path?: string; files?: Record<string, string> } = {},
): { ctx: FeatureContext<ComposeModel>; offset: number } {
  const offset = textWithCursor.indexOf('|');
  const text = offset >= 0 ? textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1) : textWithCursor;
  const path = opts.path ?? '/ws/compose.yaml';
  const ctx: FeatureContext<ComposeModel> = {
    once: createOnce(),
    path,
    kind: 'compose',
    text,
    lines: new LineIndex(text),
    model: language.parse(text, path),
    workspace: memoryWorkspace({ ...(opts.files ?? {}), [path]: text }),
    settings: DEFAULT_SETTINGS,
  };
  return { ctx, offset: Math.max(0, offset) };
}
