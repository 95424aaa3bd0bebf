// The limits the language server puts on one file: a cap on the diagnostics it publishes (SS004 for the rest).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capFindings } from '../../server/src/engine/cap';
import { DEFAULT_SETTINGS, type Finding, type Severity } from '../../server/src/engine/types';

describe('diagnostics cap (SS004)', () => {
  const finding = (start: number, severity: Severity): Finding => ({
    start,
    end: start + 1,
    messageId: 'm',
    code: 'ZZ001',
    rule: 'z',
    severity,
    message: `at ${start}`,
  });

  it('keeps findings under the cap as they are', () => {
    const all = [finding(0, 'info'), finding(1, 'error')];
    assert.equal(capFindings(all, 2, DEFAULT_SETTINGS), all);
  });

  it('keeps the most severe in document order, then one SS004 with the number left out', () => {
    const all = [
      finding(0, 'hint'),
      finding(1, 'info'),
      finding(2, 'error'),
      finding(3, 'warning'),
      finding(4, 'info'),
      finding(5, 'error'),
    ];
    const capped = capFindings(all, 4, DEFAULT_SETTINGS);
    assert.deepEqual(
      capped.map((f) => `${f.code}@${f.start}`),
      ['ZZ001@2', 'ZZ001@3', 'ZZ001@5', 'SS004@0'],
    );
    const last = capped[3];
    assert.equal(last.rule, 'too-many-findings');
    assert.equal(last.severity, 'warning');
    assert.match(last.message, /^and 3 more findings not shown: the editor shows at most 4 per file/);
    assert.equal(capFindings(all, 4, { ...DEFAULT_SETTINGS, rules: { SS004: 'off' } }).length, 3);
  });
});
