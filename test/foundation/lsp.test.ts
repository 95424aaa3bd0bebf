import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  HoverRequest,
  DocumentSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine/fixes';
import { LineIndex } from '../../server/src/text/lines';
import { LspClient } from '../helpers/lsp-client';

describe('language server over stdio (dist/server.js)', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-lsp-'));
  const uri = `file://${ws}/Dockerfile`;
  const text = 'FROM alpine:3.20\nFRUM x\n';
  let client: LspClient;

  before(async () => {
    client = new LspClient();
  });
  after(async () => {
    await client.stop();
  });

  it('answers initialize with its capabilities', async () => {
    const r = await client.initialize(ws);
    assert.equal(r.serverInfo?.name, 'shipshape');
    assert.equal(
      r.capabilities.textDocumentSync &&
        typeof r.capabilities.textDocumentSync === 'object' &&
        r.capabilities.textDocumentSync.change,
      2,
      'incremental sync',
    );
    assert.ok(r.capabilities.completionProvider);
    assert.deepEqual((r.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'source.fixAll.shipshape',
    ]);
  });

  it('publishes diagnostics for an opened file, with code, link and fix data', async () => {
    await client.open(uri, 'dockerfile', text);
    const diags = await client.diagnostics(uri, (d) => d.length > 0);
    assert.equal(diags.length, 1);
    const d = diags[0];
    assert.equal(d.code, 'DF001');
    assert.equal(d.source, 'shipshape');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.match(d.codeDescription!.href, /DF001\.md$/);
    assert.ok(d.data, 'fix data travels with the diagnostic');
  });

  it('returns the quick fix as a code action whose edit fixes the text', async () => {
    const diags = client.latest.get(uri)!;
    const actions = await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags },
    });
    assert.ok(actions && actions.length === 2);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to FROM', 'Ignore DF001 on this line'],
    );
    const action = actions[0] as {
      title: string;
      edit: {
        changes: Record<
          string,
          {
            range: { start: { line: number; character: number }; end: { line: number; character: number } };
            newText: string;
          }[]
        >;
      };
    };
    assert.equal(action.title, 'Change to FROM');
    const lines = new LineIndex(text);
    const fixed = applyEdits(
      text,
      action.edit.changes[uri].map((e) => ({
        start: lines.offset(e.range.start),
        end: lines.offset(e.range.end),
        newText: e.newText,
      })),
    );
    assert.equal(fixed, 'FROM alpine:3.20\nFROM x\n');
  });

  it('re-validates after an incremental change', async () => {
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, text: 'RUN echo ok' },
      ],
    });
    const diags = await client.diagnostics(uri, (d) => d.length === 0);
    assert.deepEqual(diags, []);
  });

  it('applies a changed severity setting', async () => {
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text }],
    });
    await client.diagnostics(uri, (d) => d.length === 1 && d[0].severity === 1);
    client.configuration = { rules: { DF001: 'hint' } };
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const diags = await client.diagnostics(uri, (d) => d.length === 1 && d[0].severity === 4);
    assert.equal(diags[0].code, 'DF001');
  });

  it('answers completion, hover and document symbols', async () => {
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ text: 'FROM alpine:3.20 AS base\n\n' }],
    });
    const completion = await client.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 0 },
    });
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.ok(
      items.some((i) => i.label === 'RUN'),
      'instructions are offered at the start of a line',
    );
    const hover = await client.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    assert.match(JSON.stringify(hover?.contents), /FROM/);
    const symbols = await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length === 1 && /base/.test(symbols[0].name), JSON.stringify(symbols));
    assert.equal(client.proc.exitCode, null, 'the server is still running');
  });
});
