import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig, mergeSettings } from '../../server/src/engine/config';
import { applyEdits, safeFixEdits } from '../../server/src/engine/fixes';
import { quickFixes, toDiagnostic } from '../../server/src/lsp/convert';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { detectKind } from '../../server/src/service/detect';
import { LineIndex } from '../../server/src/text/lines';
import { editDistance, nearest } from '../../server/src/text/nearest';
import { memoryService } from '../helpers/context';

describe('LineIndex', () => {
  it('maps offsets and positions across LF, CRLF and CR', () => {
    const l = new LineIndex('a\r\nbc\nd\re');
    assert.equal(l.lineCount, 4);
    assert.deepEqual(l.position(3), { line: 1, character: 0 });
    assert.deepEqual(l.position(8), { line: 3, character: 0 });
    assert.equal(l.offset({ line: 1, character: 1 }), 4);
    assert.equal(l.lineText(0), 'a');
    assert.equal(l.offset({ line: 0, character: 99 }), 1, 'clamped to the line end');
    assert.deepEqual(l.position(1000), { line: 3, character: 1 });
  });
});

describe('detectKind', () => {
  const table: [string, string | undefined, string?][] = [
    ['/r/Dockerfile', 'dockerfile'],
    ['/r/api.Dockerfile', 'dockerfile'],
    ['/r/Dockerfile.prod', 'dockerfile'],
    ['/r/Containerfile', 'dockerfile'],
    ['/r/.dockerignore', 'dockerignore'],
    ['/r/api.Dockerfile.dockerignore', 'dockerignore'],
    ['/r/compose.yaml', 'compose'],
    ['/r/docker-compose.override.yml', 'compose'],
    ['/r/compose.prod.yml', 'compose'],
    ['/r/.github/workflows/ci.yml', 'workflow'],
    ['/r/.github/workflows/sub/ci.yml', undefined],
    ['/r/config.yml', undefined],
    ['/r/flake.nix', 'flake'],
    ['/r/shell.nix', 'nix'],
    ['/r/ecs/task-definition.json', 'taskdef'],
    ['/r/taskdef.json', 'taskdef'],
    ['/r/app-task-def.json', 'taskdef'],
    ['/r/x.json', 'taskdef', '{"containerDefinitions": []}'],
    ['/r/x.json', 'taskdef', '{"taskDefinition": {"containerDefinitions": []}}'],
    ['/r/package.json', undefined, '{"name": "containerDefinitions"}'],
    ['/r/x.json', undefined, '[{"containerDefinitions": 1}]'],
  ];
  for (const [p, kind, text] of table)
    it(`${p}${text ? ' ' + text : ''} → ${kind}`, () => assert.equal(detectKind(p, text), kind));
});

describe('config', () => {
  it('reads severities and reports bad values', () => {
    const c = parseConfig(
      'rules:\n  DL3008: off\n  DL3007: loud\n  x: false\nextra: 1\nworkflow:\n  self-hosted-runner-labels: [gpu]\n',
    );
    assert.deepEqual(c.rules, { DL3008: 'off', x: 'off' });
    assert.deepEqual(c.selfHostedRunnerLabels, ['gpu']);
    assert.equal(c.problems.length, 2);
    assert.equal(parseConfig(': : :\n  - [').problems.length, 1);
  });
  it('editor settings win over the file', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, parseConfig('rules:\n  A: off\n  B: off\n'), { rules: { A: 'error' } });
    assert.deepEqual(s.rules, { A: 'error', B: 'off' });
  });
});

describe('fixes', () => {
  const f = (start: number, end: number, newText: string, safe = true): Finding => ({
    start,
    end,
    messageId: 'm',
    code: 'X1',
    rule: 'x',
    severity: 'warning',
    message: 'm',
    fix: { title: 't', edits: [{ start, end, newText }], safe },
  });
  it('fix-all keeps safe, non-overlapping edits', () => {
    const edits = safeFixEdits([f(0, 3, 'A'), f(2, 5, 'B'), f(6, 7, 'C', false), f(8, 9, 'D')]);
    assert.deepEqual(
      edits.map((e) => e.newText),
      ['A', 'D'],
    );
    assert.equal(applyEdits('0123456789', edits), 'A34567D9');
  });
  it('quick fixes come straight from the diagnostic data', () => {
    const lines = new LineIndex('FRUM x');
    const d = toDiagnostic(
      { ...f(0, 4, 'FROM', false) },
      { uri: 'file:///D', lines, toUri: (p) => 'file://' + p, docsUrl: (c) => `https://docs/${c}` },
    );
    assert.equal(d.code, 'X1');
    assert.equal(d.source, 'shipshape');
    assert.equal(d.codeDescription?.href, 'https://docs/X1');
    const actions = quickFixes('file:///D', [d]);
    assert.equal(actions.length, 1);
    assert.deepEqual(actions[0].edit?.changes?.['file:///D'], [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'FROM' },
    ]);
    assert.equal(actions[0].isPreferred, false, 'a suggestion is not preferred');
  });
  it('a snippet fix is a snippet edit for a client that takes them, else its fallback, never a placeholder word', () => {
    const lines = new LineIndex('FROM node:latest\n');
    const finding = (fallback?: { start: number; end: number; newText: string }[]): Finding => ({
      start: 10,
      end: 16,
      messageId: 'latest',
      code: 'DL3007',
      rule: 'no-latest-tag',
      severity: 'warning',
      message: 'm',
      fix: {
        title: 'Pin',
        safe: false,
        snippet: true,
        edits: [{ start: 10, end: 16, newText: '${1|24,22|}' }],
        fallback,
      },
    });
    const base = { uri: 'file:///D', lines, toUri: (p: string) => p };
    const withSnippets = toDiagnostic(finding(), { ...base, snippetEdits: true });
    const edit = quickFixes('file:///D', [withSnippets])[0].edit!;
    assert.deepEqual(edit.documentChanges, [
      {
        textDocument: { uri: 'file:///D', version: null },
        edits: [
          {
            range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } },
            snippet: { kind: 'snippet', value: '${1|24,22|}' },
          },
        ],
      },
    ]);
    const plain = toDiagnostic(finding([{ start: 10, end: 16, newText: '24' }]), base);
    assert.equal(quickFixes('file:///D', [plain])[0].edit?.changes?.['file:///D'][0].newText, '24');
    assert.deepEqual(quickFixes('file:///D', [toDiagnostic(finding(), base)]), [], 'no fallback: no fix');
  });
  it('a multi-line snippet edit leaves the indentation of its line to the editor, which adds it to each line', () => {
    const text = '{\n  "family": "web"\n}\n';
    const at = text.indexOf('"web"') + 5;
    const newText = ',\n  "tags": [{ "key": "${1|team,owner|}", "value": "$2" \\}]';
    const d = toDiagnostic(
      {
        start: 4,
        end: 10,
        messageId: 'missing',
        code: 'TD306',
        rule: 'missing-tags',
        severity: 'hint',
        message: 'm',
        fix: { title: 'Add a tag', safe: false, snippet: true, edits: [{ start: at, end: at, newText }] },
      },
      { uri: 'file:///T', lines: new LineIndex(text), toUri: (p: string) => p, snippetEdits: true },
    );
    const edit = quickFixes('file:///T', [d])[0].edit!.documentChanges![0] as {
      edits: { snippet: { value: string } }[];
    };
    // VS Code puts the two spaces of the `"family"` line back before `"tags"`
    assert.equal(edit.edits[0].snippet.value, ',\n"tags": [{ "key": "${1|team,owner|}", "value": "$2" \\}]');
  });
});

describe('nearest', () => {
  it('suggests close words only', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(nearest('FRUM', ['FROM', 'RUN']), 'FROM');
    assert.equal(nearest('bananas', ['FROM', 'RUN']), undefined);
  });
});

describe('service', () => {
  it('refuses binary and oversized input with one finding each, and keeps answering', () => {
    const s = memoryService();
    const bin = s.validate({ path: '/w/Dockerfile', text: 'FROM a\u0000\u0001' }, s.settingsFor('/w/Dockerfile'));
    assert.deepEqual(
      bin.findings.map((x) => x.code),
      ['SS002'],
    );
    const big = s.validate(
      { path: '/w/compose.yaml', text: 'x'.repeat(100) },
      { ...s.settingsFor('/w/compose.yaml'), maxFileSize: 10 },
    );
    assert.deepEqual(
      big.findings.map((x) => x.code),
      ['SS001'],
    );
    assert.deepEqual(
      s.complete({ path: '/w/Dockerfile', text: 'FROM a\u0000' }, 0, s.settingsFor('/w/Dockerfile')),
      [],
    );
  });
  it('turns a throwing rule into nothing, logged once', () => {
    const logs: string[] = [];
    const { Service } =
      require('../../server/src/service/service') as typeof import('../../server/src/service/service');
    const boom = {
      meta: {
        code: 'ZZ001',
        id: 'boom',
        kinds: ['nix'],
        defaultSeverity: 'error',
        fixable: false,
        description: 'always throws',
        messages: { m: 'm' },
        docs: { rationale: 'r', incorrect: 'i', correct: 'c' },
      },
      check() {
        throw new Error('kaput');
      },
    };
    const s = new Service(
      [{ kind: 'nix', parse: () => ({}), rules: [boom as never] }],
      { readFile: () => undefined, exists: () => false },
      (m) => logs.push(m),
    );
    for (let i = 0; i < 3; i++)
      assert.deepEqual(s.validate({ path: '/a.nix', text: 'x' }, s.settingsFor('/a.nix')).findings, []);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /ZZ001.*kaput/s);
  });
  it('records what a rule reads as a dependency', () => {
    const s = memoryService({ '/w/.dockerignore': '*' });
    s.workspace.dependOn('/w/Dockerfile', '/w/.dockerignore');
    assert.deepEqual(s.workspace.dependentsOf('/w/.dockerignore'), ['/w/Dockerfile']);
  });
});
