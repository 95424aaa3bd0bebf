/**
 * shellcheck through the real server: the first diagnostics come without it, shellcheck's arrive a moment later
 * (the server publishes again), and an edit of one script re-checks that script only.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspClient, has } from '../helpers/lsp-client';
import { shellcheckInstalled } from '../helpers/context';

describe('shellcheck in the language server', { skip: !shellcheckInstalled() && 'shellcheck is not installed' }, () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-'));
  fs.mkdirSync(path.join(ws, '.github', 'workflows'), { recursive: true });
  const uri = `file://${ws}/.github/workflows/ci.yml`;
  const text =
    'on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n' +
    '      - run: cp $SRC $DEST\n      - run: |\n          echo "${{ github.sha }}"\n';
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    await client.initialize(ws);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('publishes shellcheck findings once they are in', async () => {
    await client.open(uri, 'yaml', text);
    const diags = await client.diagnostics(uri, has('WF047'));
    assert.deepEqual(
      diags.filter((d) => d.code === 'WF047').map((d) => d.range.start),
      [
        { line: 7, character: 16 },
        { line: 7, character: 21 },
      ],
    );
  });

  it('an edit of one script is checked again, the others come from the cache', async () => {
    const line = 9;
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: 'cd $X; ' }],
    });
    const diags = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'WF047' && x.range.start.line === 9));
    assert.ok(
      diags.some((d) => d.code === 'WF047' && d.range.start.line === 7),
      'the unchanged script keeps its findings',
    );
  });
});
