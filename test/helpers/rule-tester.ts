/**
 * The rule tester: an eslint-style table of valid and invalid cases for one rule, run through the
 * real service (parse, engine, severity, ignores) with only that rule enabled.
 *
 *   testRule(language, rule, {
 *     valid: ['FROM alpine:3.20', { code, path, files }],
 *     invalid: [{ code, errors: [{ messageId: 'x', line: 2 }], output: 'fixed text' }],
 *   });
 *
 * It enforces the contract: every message id exists; an invalid case names its errors; a rule
 * that fixes must give `output` for cases it fixes (and must not for cases it does not); no
 * duplicate cases; the doc examples themselves behave (incorrect reports, correct does not).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { posix } from 'node:path';
import { applyEdits } from '../../server/src/engine/fixes';
import type { Finding, Language, OffsetEdit, Rule, Settings } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/text/lines';
import { memoryService } from './context';

export interface ValidCase {
  code: string;
  /** Absolute path of the document; defaults to a typical path for the kind. */
  path?: string;
  /** Other files of the workspace (absolute paths). */
  files?: Record<string, string>;
  settings?: Partial<Settings>;
  name?: string;
}
export interface ExpectedError {
  messageId: string;
  /** 1-based line of the finding's start. */
  line?: number;
  /** 1-based column of the finding's start. */
  column?: number;
  /** 1-based line and column of the finding's end. */
  endLine?: number;
  endColumn?: number;
  data?: Record<string, string | number>;
}
export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying the first fix (or suggestion) of every finding; required when one edits this file. */
  output?: string;
  /**
   * Snippet fixes as the editor writes them when the user accepts each tab stop as offered (`acceptSnippet`), instead
   * of their snippet text.
   */
  acceptSnippets?: boolean;
  /** Other files after the chosen fixes' edits in them (`Fix.otherFiles`), by path (checked when given). */
  otherOutput?: Record<string, string>;
  /**
   * Which fix to apply when a finding has several: 'fix' (default: the fix, else the first suggestion) or a suggestion
   * index.
   */
  apply?: 'fix' | number;
}
export interface RuleCases {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

export const DEFAULT_PATHS: Record<string, string> = {
  dockerfile: '/ws/Dockerfile',
  dockerignore: '/ws/.dockerignore',
  compose: '/ws/compose.yaml',
  workflow: '/ws/.github/workflows/ci.yml',
  taskdef: '/ws/ecs/task-definition.json',
  flake: '/ws/flake.nix',
  nix: '/ws/default.nix',
};

/** Runs one rule (and only it) over a document, through the service. */
export function runRule(language: Language, rule: Rule, c: ValidCase): Finding[] {
  const path = c.path ?? DEFAULT_PATHS[language.kind];
  const service = memoryService({ ...(c.files ?? {}), [path]: c.code });
  const only: Record<string, 'off' | 'warning'> = {};
  for (const r of service.allRules()) only[r.meta.code] = 'off';
  only[rule.meta.code] = rule.meta.defaultSeverity === 'off' ? 'warning' : (rule.meta.defaultSeverity as 'warning');
  const settings = service.settingsFor(path, { ...c.settings, rules: { ...only, ...(c.settings?.rules ?? {}) } });
  return service.validate({ path, text: c.code, kind: language.kind }, settings, { trusted: true }).findings;
}

function chosenFix(f: Finding, apply: InvalidCase['apply']) {
  if (apply === undefined || apply === 'fix') return f.fix ?? f.suggestions?.[0];
  return f.suggestions?.[apply];
}

/** A doc example's other files, made absolute beside the example document. */
export function docFiles(
  docPath: string,
  files: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!files) return undefined;
  const dir = docPath.slice(0, docPath.lastIndexOf('/'));
  return Object.fromEntries(
    Object.entries(files).map(([p, t]) => [p.startsWith('/') ? p : posix.normalize(`${dir}/${p}`), t]),
  );
}

export function testRule(language: Language, rule: Rule, cases: RuleCases): void {
  describe(`${rule.meta.code} ${rule.meta.id}`, () => {
    it('has complete metadata', () => {
      const m = rule.meta;
      assert.match(m.code, /^[A-Z]{2}\d{3,4}$/);
      assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(m.kinds.includes(language.kind), `meta.kinds includes ${language.kind}`);
      assert.ok(m.description.length > 10, 'a description');
      assert.ok(Object.keys(m.messages).length > 0, 'messages');
      assert.ok(m.docs.rationale.length > 20, 'a rationale');
      assert.ok(m.docs.incorrect.length > 0 && m.docs.correct.length > 0, 'doc examples');
    });
    const seen = new Set<string>();
    const key = (c: ValidCase) => JSON.stringify([c.code, c.path, c.files, c.settings]);
    for (const raw of cases.valid) {
      const c = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid: ${c.name ?? c.code.slice(0, 60).replace(/\n/g, '⏎')}`, () => {
        assert.ok(!seen.has(key(c)), 'duplicate case');
        seen.add(key(c));
        const findings = runRule(language, rule, c);
        assert.deepEqual(
          findings.map((f) => `${f.messageId}: ${f.message}`),
          [],
        );
      });
    }
    assert.ok(cases.invalid.length > 0, `${rule.meta.code} needs at least one invalid case`);
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? c.code.slice(0, 60).replace(/\n/g, '⏎')}`, () => {
        assert.ok(!seen.has(key(c)), 'duplicate case');
        seen.add(key(c));
        assert.ok(c.errors.length > 0, 'an invalid case names its errors');
        const findings = runRule(language, rule, c);
        const lines = new LineIndex(c.code);
        assert.equal(
          findings.length,
          c.errors.length,
          `expected ${c.errors.length} finding(s), got: ` +
            `${findings.map((f) => `${lines.position(f.start).line + 1}: ${f.messageId} ${f.message}`).join(' | ')}`,
        );
        c.errors.forEach((e, i) => {
          const f = findings[i];
          assert.ok(e.messageId in rule.meta.messages, `messageId ${e.messageId} exists in meta.messages`);
          assert.equal(f.messageId, e.messageId);
          const s = lines.position(f.start),
            en = lines.position(f.end);
          if (e.line !== undefined) assert.equal(s.line + 1, e.line, `line of finding ${i + 1} (${f.message})`);
          if (e.column !== undefined) assert.equal(s.character + 1, e.column, `column of finding ${i + 1}`);
          if (e.endLine !== undefined) assert.equal(en.line + 1, e.endLine, `end line of finding ${i + 1}`);
          if (e.endColumn !== undefined) assert.equal(en.character + 1, e.endColumn, `end column of finding ${i + 1}`);
          if (e.data) for (const [k, v] of Object.entries(e.data)) assert.equal(f.data?.[k], v, `data.${k}`);
          assert.ok(!/\{\{\s*\w+\s*\}\}/.test(f.message), `message has no unfilled placeholder: ${f.message}`);
        });
        const fixes = findings.map((f) => chosenFix(f, c.apply)).filter((x) => !!x);
        const edits = fixes.flatMap((fx) =>
          fx!.snippet && c.acceptSnippets
            ? fx!.edits.map((e, i) => (i ? e : { ...e, newText: acceptSnippet(e.newText) }))
            : fx!.edits,
        );
        if (fixes.length) {
          assert.notEqual(rule.meta.fixable, false, 'a rule that fixes declares meta.fixable');
          for (const fx of fixes)
            if (fx!.safe) assert.equal(rule.meta.fixable, 'safe', 'a safe fix on a rule not declared safe');
        }
        if (edits.length) assert.ok(c.output !== undefined, 'this case is fixed: give its output');
        if (!fixes.length) assert.equal(c.output, undefined, 'output given but the rule offered no fix');
        else if (c.output !== undefined) assert.equal(applyEdits(c.code, edits), c.output);
        const others = new Map<string, OffsetEdit[]>();
        for (const o of fixes.flatMap((fx) => fx!.otherFiles ?? []))
          others.set(o.path, [...(others.get(o.path) ?? []), ...o.edits]);
        if (c.otherOutput !== undefined) {
          assert.deepEqual(
            Object.fromEntries([...others].map(([p, e]) => [p, applyEdits(c.files?.[p] ?? '', e)])),
            c.otherOutput,
          );
        }
      });
    }
    it('doc examples: incorrect reports, correct does not', () => {
      const path = DEFAULT_PATHS[language.kind];
      const files = docFiles(path, rule.meta.docs.files);
      const example = (x: string) => language.exampleFile?.(x) ?? x;
      assert.ok(
        runRule(language, rule, { code: example(rule.meta.docs.incorrect), path, files }).length > 0,
        'the incorrect example reports',
      );
      assert.deepEqual(
        runRule(language, rule, {
          code: example(rule.meta.docs.correct),
          path,
          files: rule.meta.docs.correctFiles ? docFiles(path, rule.meta.docs.correctFiles) : files,
        }).map((f) => f.message),
        [],
        'the correct example is clean',
      );
    });
  });
}

/**
 * The text an LSP snippet leaves when each tab stop is accepted as offered: `${1:text}` gives text, `${1|a,b|}` its
 * first choice, `$1` nothing; `\$`, `\}` and `\\` stand for themselves.
 */
export function acceptSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) out += snippet[++i];
    else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) while (/\d/.test(snippet[i + 1] ?? '')) i++;
    else if (c === '$' && snippet[i + 1] === '{') {
      const m = /^\$\{\d+(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|)\}/.exec(snippet.slice(i));
      if (!m) throw new Error(`not a tab stop at ${i} of ${snippet}`);
      out += (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1');
      i += m[0].length - 1;
    } else out += c;
  }
  return out;
}
