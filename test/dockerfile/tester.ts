/**
 * testRule(language, rule, { valid, invalid }) with the signature of the shared rule tester
 * (test/helpers/rule-tester.ts on main); this local one runs until that lands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Language, Rule } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/text/lines';
import { runRules, applyFixesEverywhere, MemoryFiles } from './lint';

export interface ValidCase { code: string; path?: string; files?: MemoryFiles }
export interface InvalidCase extends ValidCase { errors: { messageId: string; line?: number }[]; output?: string; files?: MemoryFiles }

export function testRule(language: Language, rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  test(`${rule.meta.code} ${rule.meta.id}`, () => {
    for (const c of cases.valid) {
      const found = runRules(language, c.code, c.path, { rules: [rule], files: c.files });
      assert.deepEqual(found.map((f) => `${f.messageId}@${new LineIndex(c.code).position(f.start).line + 1}`), [], `valid case reported:\n${c.code}`);
    }
    for (const c of cases.invalid) {
      const found = runRules(language, c.code, c.path, { rules: [rule], files: c.files });
      const lines = new LineIndex(c.code);
      assert.deepEqual(
        found.map((f) => ({ messageId: f.messageId, line: lines.position(f.start).line + 1 })),
        c.errors.map((e, k) => ({ messageId: e.messageId, line: e.line ?? lines.position(found[k]?.start ?? 0).line + 1 })),
        `invalid case:\n${c.code}`,
      );
      for (const f of found) assert.ok(rule.meta.messages[f.messageId], `unknown messageId ${f.messageId}`);
      const fixes = found.filter((f) => f.fix || f.suggestions?.length);
      if (fixes.length > 0) {
        assert.ok(c.output !== undefined, `the rule fixes, so the case needs an output:\n${c.code}`);
        assert.equal(applyFixesEverywhere(c.code, found).text, c.output);
      } else if (c.output !== undefined) {
        assert.equal(c.output, c.code, 'no fix was offered but the output differs');
      }
    }
  });
}
