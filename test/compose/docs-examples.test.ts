/** Each rule's documented incorrect example triggers it and its correct example does not. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from './harness';
import { language } from '../../server/src/languages/compose';

/** Files the cross-file examples assume. */
const FILES: Record<string, Record<string, string>> = {};

describe('compose rule docs', () => {
  // Cross-file rules (XFxxx) have their own tables and workspace fixtures in test/crossfile.
  for (const rule of language.rules.filter((r) => !r.meta.code.startsWith('XF'))) {
    it(`${rule.meta.code} ${rule.meta.id}: examples are right`, () => {
      const files = FILES[rule.meta.code] ?? {};
      const bad = check(rule.meta.docs.incorrect, { files, rules: [rule] });
      assert.ok(bad.length > 0, 'the incorrect example gives a finding');
      const good = check(rule.meta.docs.correct, { files, rules: [rule] });
      assert.deepEqual(
        good.map((f) => f.message),
        [],
        'the correct example gives none',
      );
      assert.match(rule.meta.code, /^CP\d{3}$/);
      assert.match(rule.meta.id, /^[a-z]+(-[a-z]+)*$/);
      // the correct example is clean for every rule, not just this one (except cross-file ones)
      if (!FILES[rule.meta.code]) {
        const all = check(rule.meta.docs.correct, {}).filter((f) => f.code !== 'CP031');
        assert.deepEqual(
          all.map((f) => `${f.code} ${f.message}`),
          [],
        );
      }
    });
  }
  it('codes and ids are unique', () => {
    const codes = language.rules.map((r) => r.meta.code);
    const ids = language.rules.map((r) => r.meta.id);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(ids).size, ids.length);
  });
});
