/** The CLI's pieces in-process: choosing and applying fixes, the diff, escaping, a rule that throws. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Checker } from '../../server/src/cli/check';
import { applyEdits, chooseEdits, unifiedDiff } from '../../server/src/cli/fix';
import {
  escapeControls,
  escapeGithubData,
  escapeGithubProperty,
  formatCheckstyle,
  formatJson,
} from '../../server/src/cli/output';
import type { RunReport } from '../../server/src/cli/report';
import { exitCode } from '../../server/src/cli/run';
import type { Finding, Fix, Language } from '../../server/src/engine/types';

const finding = (fix?: Fix, suggestions?: Fix[]): Finding => ({
  start: 0,
  end: 1,
  messageId: 'm',
  code: 'XX001',
  rule: 'x',
  severity: 'warning',
  message: 'm',
  fix,
  suggestions,
});
const edit = (start: number, end: number, newText: string) => ({ start, end, newText });
const fix = (safe: boolean, ...edits: { start: number; end: number; newText: string }[]): Fix => ({
  title: 't',
  safe,
  edits,
});

describe('choosing fixes', () => {
  it('--fix takes safe fixes only; --unsafe-fixes also a lone fix or suggestion', () => {
    const safe = finding(fix(true, edit(0, 1, 'a')));
    const unsafe = finding(fix(false, edit(2, 3, 'b')));
    const oneSuggestion = finding(undefined, [fix(false, edit(4, 5, 'c'))]);
    const twoSuggestions = finding(undefined, [fix(false, edit(6, 7, 'd')), fix(false, edit(6, 7, 'e'))]);
    const snippet = finding({ ...fix(false, edit(8, 9, '${1:x}')), snippet: true });
    const otherFile = finding({ ...fix(false, edit(10, 10, 'f')), otherFiles: [{ path: '/x', edits: [] }] });
    const all = [safe, unsafe, oneSuggestion, twoSuggestions, snippet, otherFile];
    assert.deepEqual(
      chooseEdits(all, 'safe', 20).edits.map((e) => e.newText),
      ['a'],
    );
    assert.deepEqual(
      chooseEdits(all, 'unsafe', 20).edits.map((e) => e.newText),
      ['a', 'b', 'c'],
    );
  });
  it('keeps a fix whole or leaves it for the next pass when it touches an earlier one', () => {
    const a = finding(fix(true, edit(0, 2, 'A'), edit(5, 6, 'B')));
    const b = finding(fix(true, edit(1, 3, 'C'), edit(8, 9, 'D')));
    const insertSame = finding(fix(true, edit(5, 5, 'E')));
    const r = chooseEdits([a, b, insertSame], 'safe', 10);
    assert.equal(r.fixes, 1);
    assert.deepEqual(
      r.edits.map((e) => e.newText),
      ['A', 'B'],
    );
    assert.equal(applyEdits('0123456789', r.edits), 'A234B6789');
  });
  it('refuses edits outside the text', () => {
    assert.equal(chooseEdits([finding(fix(true, edit(3, 12, 'x')))], 'safe', 10).fixes, 0);
  });
});

describe('unified diff', () => {
  it('is what patch(1) applies, for any change of lines', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-diff-'));
    const line = fc.constantFrom('a', 'b', 'c', 'FROM x', '', '  y');
    const text = fc
      .tuple(fc.array(line, { maxLength: 30 }), fc.boolean())
      .map(([ls, nl]) => ls.join('\n') + (nl && ls.length ? '\n' : ''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff('f.txt', before, after);
        if (before === after) return diff === '';
        fs.writeFileSync(path.join(dir, 'f.txt'), before);
        const r = spawnSync('patch', ['-p1', '--quiet', '--force'], { cwd: dir, input: diff, encoding: 'utf8' });
        assert.equal(r.status, 0, `${diff}\n${r.stdout}${r.stderr}`);
        assert.equal(fs.readFileSync(path.join(dir, 'f.txt'), 'utf8'), after, diff);
        return true;
      }),
      { numRuns: 150 },
    );
  });
  it('shows three lines of context and merges close changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
    const after = before.replace('line 5\n', 'five\n').replace('line 8\n', 'eight\n').replace('line 19\n', '');
    assert.equal(
      unifiedDiff('a/Dockerfile', before, after),
      '--- a/a/Dockerfile\n+++ b/a/Dockerfile\n@@ -2,10 +2,10 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n' +
        ' line 6\n line 7\n-line 8\n+eight\n line 9\n line 10\n line 11\n@@ -16,5 +16,4 @@\n line 16\n line 17\n' +
        ' line 18\n-line 19\n line 20\n',
    );
  });
});

describe('escaping', () => {
  it('control characters, line separators and bidi overrides become visible escapes', () => {
    assert.equal(escapeControls('a\u001b[31mb\nc\td\u202ee\u2028'), 'a\\x1b[31mb\\x0ac\\x09d\\u{202e}e\\u{2028}');
    assert.equal(escapeControls('ok: ü ✓'), 'ok: ü ✓');
  });
  it('workflow commands: %, CR, LF in data; also : and , in properties', () => {
    assert.equal(escapeGithubData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeGithubProperty('50% a\r\nb: c, d'), '50%25 a%0D%0Ab%3A c%2C d');
  });
  it('checkstyle is well-formed XML whatever the text', () => {
    const run: RunReport = {
      files: [
        {
          path: 'a"<&>\u0001.yml',
          kind: 'compose',
          diagnostics: [
            {
              code: 'CP001',
              rule: 'x',
              severity: 'hint',
              message: 'm "<&>\n\u0007',
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
              fixable: false,
            },
          ],
        },
      ],
      problems: [{ path: 'gone', reason: 'permission denied', type: 'unreadable' }],
      skipUnreadable: false,
    };
    const xml = formatCheckstyle(run);
    assert.match(xml, /name="a&quot;&lt;&amp;&gt;\\x01\.yml"/);
    assert.match(xml, /message="m &quot;&lt;&amp;&gt;&#10;\\x07" source="shipshape.CP001"/);
    assert.match(
      xml,
      /<file name="gone">\n {4}<error line="1" severity="error" message="not checked: permission denied"/,
    );
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    assert.deepEqual(JSON.parse(formatJson(run)).notChecked, [
      { path: 'gone', reason: 'permission denied', type: 'unreadable', severity: 'error' },
    ]);
  });
});

describe('exit status', () => {
  const run = (severities: string[], problems: RunReport['problems'] = [], skipUnreadable = false): RunReport => ({
    files: [
      {
        path: 'x',
        kind: 'dockerfile',
        diagnostics: severities.map((severity) => ({
          code: 'X',
          rule: 'x',
          severity: severity as 'error',
          message: '',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          fixable: false,
        })),
      },
    ],
    problems,
    skipUnreadable,
  });
  it('0, 1 or 2 as ARCHITECTURE.md says, with --fail-level and --max-warnings', () => {
    assert.equal(exitCode(run([]), 'error', undefined), 0);
    assert.equal(exitCode(run(['warning']), 'error', undefined), 0);
    assert.equal(exitCode(run(['error']), 'error', undefined), 1);
    assert.equal(exitCode(run(['hint']), 'info', undefined), 0);
    assert.equal(exitCode(run(['info']), 'info', undefined), 1);
    assert.equal(exitCode(run(['hint']), 'hint', undefined), 1);
    assert.equal(exitCode(run(['error']), 'none', undefined), 0);
    assert.equal(exitCode(run(['warning', 'warning']), 'error', 1), 1);
    assert.equal(exitCode(run(['warning', 'warning']), 'error', 2), 0);
    const unreadable = [{ path: 'p', reason: 'r', type: 'unreadable' as const }];
    assert.equal(exitCode(run([], unreadable), 'error', undefined), 2);
    assert.equal(exitCode(run([], unreadable, true), 'error', undefined), 0);
    const failed = [{ path: 'p', reason: 'r', type: 'failed' as const }];
    assert.equal(exitCode(run([], failed, true), 'error', undefined), 2, '--skip-unreadable does not hide a crash');
  });
});

describe('a rule that throws', () => {
  it('is never silent: the file is reported as not checked completely', () => {
    const boom: Language = {
      kind: 'dockerfile',
      lineComment: '#',
      parse: (text) => ({ text }),
      rules: [
        {
          meta: {
            code: 'ZZ001',
            id: 'boom',
            kinds: ['dockerfile'],
            defaultSeverity: 'warning',
            description: 'd',
            messages: { m: 'm' },
            fixable: false,
            docs: { rationale: '', incorrect: '', correct: '' },
          },
          check() {
            throw new Error('kaboom');
          },
        },
      ],
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-boom-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM x\n');
    const key = path.join(dir, 'Dockerfile').split(path.sep).join('/');
    const checker = new Checker({ known: [], cwd: dir }, [boom]);
    const r = checker.check({ key, shown: 'Dockerfile', kind: 'dockerfile' });
    assert.deepEqual(r.problems, [
      { path: 'Dockerfile', reason: 'rule ZZ001 (boom) failed: Error: kaboom', type: 'failed' },
    ]);
    assert.match(r.logs[0], /rule ZZ001 \(boom\) failed on .*Dockerfile: Error: kaboom/);
  });
});
