// Settings: `shipshape.rules` changes a rule's severity or turns it off, and the server re-checks
// open documents at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, only, open, setSetting, waitForCodes, waitForDiagnostics, waitForNoCodes } from './helpers';

describe('settings', () => {
  afterEach(async () => {
    await setSetting('rules', undefined);
    await closeAll();
  });

  it('"off" removes a rule\'s findings and removing the setting brings them back', async () => {
    const editor = await open('Dockerfile');
    const uri = editor.document.uri;
    await waitForCodes(uri, ['DF001']);
    await setSetting('rules', { DF001: 'off' });
    await waitForNoCodes(uri, ['DF001']);
    await setSetting('rules', undefined);
    await waitForCodes(uri, ['DF001']);
  });

  it("a severity by code changes the diagnostic's severity", async () => {
    const editor = await open('Dockerfile');
    const uri = editor.document.uri;
    assert.equal(only(await waitForCodes(uri, ['DF001']), 'DF001').severity, vscode.DiagnosticSeverity.Error);
    await setSetting('rules', { DF001: 'warning' });
    await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'DF001' && d.severity === vscode.DiagnosticSeverity.Warning),
      'DF001 as a warning',
    );
    await setSetting('rules', { 'unknown-instruction': 'info' });
    await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'DF001' && d.severity === vscode.DiagnosticSeverity.Information),
      'DF001 as information (set by rule id)',
    );
  });

  it('settings are per workspace: other kinds keep their findings', async () => {
    await setSetting('rules', { DF001: 'off' });
    const editor = await open('.dockerignore');
    await waitForCodes(editor.document.uri, ['DI001']);
  });
});
