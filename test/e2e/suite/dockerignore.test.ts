// .dockerignore: examples/.dockerignore has a pattern with an unclosed `[` (DI001).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { at, closeAll, only, open, rangeOf, waitForCodes, waitForNoCodes } from './helpers';

const FILE = '.dockerignore';
const EXPECTED = ['DI001'];

describe('dockerignore', () => {
  afterEach(closeAll);

  it('reports the malformed pattern over the whole pattern', async () => {
    const editor = await open(FILE);
    const d = only(await waitForCodes(editor.document.uri, EXPECTED), 'DI001');
    assert.equal(at(d.range), '8:1-8:14');
    assert.deepEqual(d.range, rangeOf(editor.document, 'logs/[0-9.log'));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /logs\/\[0-9\.log/);
  });

  it('closing the bracket clears it', async () => {
    const editor = await open(FILE);
    await waitForCodes(editor.document.uri, ['DI001']);
    const r = rangeOf(editor.document, '[0-9.log');
    assert.ok(await editor.edit((b) => b.replace(r, '[0-9]*.log')));
    await waitForNoCodes(editor.document.uri, ['DI001']);
  });
});
