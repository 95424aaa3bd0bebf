// The limits the language server puts on one file: a time budget for its checks (SS003 past it) and a cap on the
// diagnostics it publishes (SS004 for the rest).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { capFindings } from '../../server/src/engine/cap';
import { defineRule } from '../../server/src/engine/define';
import { DEFAULT_SETTINGS, type Finding, type Language, type Rule, type Severity } from '../../server/src/engine/types';
import { Service } from '../../server/src/service/service';
import { LineIndex } from '../../server/src/text/lines';

/** A rule that reports once at offset 0 after `work()` (where a fake slow rule spends its time). */
const rule = (code: string, work: () => void = () => {}): Rule<unknown> =>
  defineRule<unknown>({
    meta: {
      code,
      id: `rule-${code.toLowerCase()}`,
      kinds: ['nix'],
      defaultSeverity: 'warning',
      fixable: false,
      description: 'a test rule',
      messages: { m: `${code} ran` },
      docs: { rationale: 'r', incorrect: 'i', correct: 'c' },
    },
    check(ctx) {
      work();
      ctx.report({ start: 0, end: 1, messageId: 'm' });
    },
  });
const language = (rules: Rule<unknown>[]): Language => ({ kind: 'nix', parse: () => ({}), rules });
const noWorkspace = { readFile: () => undefined, exists: () => false };

describe('check budget (SS003)', () => {
  const run = (rules: Rule<unknown>[], budgetMs: number | undefined, clock: { t: number }) =>
    analyze({
      language: language(rules),
      path: '/a.nix',
      kind: 'nix',
      text: 'x',
      lines: new LineIndex('x'),
      model: {},
      workspace: new Service([], noWorkspace).workspace,
      settings: DEFAULT_SETTINGS,
      trusted: false,
      budgetMs,
      now: () => clock.t,
    });

  it('a fake slow rule (3 s on a fake clock) stops the analysis after it, with one SS003 naming it', () => {
    const clock = { t: 0 };
    const slow = rule('ZZ002', () => {
      clock.t += 3000;
    });
    const findings = run([rule('ZZ001'), slow, rule('ZZ003'), rule('ZZ004')], 2000, clock);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['SS003', 'ZZ001', 'ZZ002'],
      'the findings so far are kept, ZZ003 and ZZ004 did not run',
    );
    const stop = findings[0];
    assert.equal(stop.rule, 'analysis-failed');
    assert.equal(stop.severity, 'warning');
    assert.equal(
      stop.message,
      'analysis stopped after 3000 ms: the checks ran past their 2000 ms budget in rule ZZ002 (rule-zz002); ' +
        '2 more rules were not run on this file.',
    );
  });

  it('counts the time of the rules together, and says nothing when the last rule used the budget up', () => {
    const clock = { t: 0 };
    const tick = () => {
      clock.t += 800;
    };
    assert.deepEqual(
      run([rule('ZZ001', tick), rule('ZZ002', tick), rule('ZZ003', tick), rule('ZZ004', tick)], 2000, clock).map(
        (f) => f.code,
      ),
      ['SS003', 'ZZ001', 'ZZ002', 'ZZ003'],
    );
    clock.t = 0;
    assert.deepEqual(
      run([rule('ZZ001'), rule('ZZ002', () => (clock.t += 5000))], 2000, clock).map((f) => f.code),
      ['ZZ001', 'ZZ002'],
    );
    assert.equal(run([rule('ZZ001', tick), rule('ZZ002', tick), rule('ZZ003', tick)], undefined, clock).length, 3);
  });

  it('a fake slow rule (a real 40 ms wait) past a 10 ms budget: the service gives SS003 and answers after it', () => {
    const wait = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
    const s = new Service([language([rule('ZZ001', wait), rule('ZZ002')])], noWorkspace);
    const settings = s.settingsFor('/a.nix');
    const r = s.validate({ path: '/a.nix', text: 'x' }, settings, { budgetMs: 10 });
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ['SS003', 'ZZ001'],
    );
    assert.match(r.findings[0].message, /^analysis stopped after \d+ ms: .* in rule ZZ001 \(rule-zz001\); 1 more/);
    assert.deepEqual(
      s.validate({ path: '/a.nix', text: 'x' }, settings).findings.map((f) => f.code),
      ['ZZ001', 'ZZ002'],
      'no budget unless asked (the CLI)',
    );
    const off = s.validate({ path: '/a.nix', text: 'x' }, { ...settings, rules: { SS003: 'off' } }, { budgetMs: 10 });
    assert.deepEqual(
      off.findings.map((f) => f.code),
      ['ZZ001'],
      'SS003 off: still stopped, silently',
    );
  });
});

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
