// The language server's transport and lifecycle, spoken to in raw JSON-RPC bytes over stdio (dist/server.js; `npm run
// build` first): a framing error ends the process instead of leaving it deaf, requests before `initialize` and after
// `shutdown` are refused with the codes the LSP specification gives, `exit` ends it, and a cancelled request is
// answered RequestCancelled without being computed.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { frame, RawServer } from '../helpers/raw-lsp';

const servers: RawServer[] = [];
const start = () => {
  const s = new RawServer();
  servers.push(s);
  return s;
};
after(() => {
  for (const s of servers) s.kill();
});

const hover = (uri = 'file:///w/Dockerfile') => ({ textDocument: { uri }, position: { line: 0, character: 1 } });

describe('LSP transport: framing errors end the server (exit 1) instead of losing sync', () => {
  const garbage: [string, string][] = [
    ['a header line without a colon', 'garbage\r\n\r\n'],
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['headers without a Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    [
      'a Content-Length shorter than the body',
      frame({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: hover() }).replace(/\d+/, '20'),
    ],
    [
      'a Content-Length longer than the body, then the next message',
      frame({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: hover() }).replace(/\d+/, '150') +
        frame({ jsonrpc: '2.0', id: 8, method: 'textDocument/hover', params: hover() }),
    ],
  ];
  for (const [name, bytes] of garbage)
    it(name, async () => {
      const s = start();
      await s.initialize();
      s.write(bytes);
      assert.equal(await s.exitCode(), 1, `the server should exit; stderr: ${s.stderr}`);
      assert.match(s.stderr, /LSP input cannot be read/);
    });
});

describe('LSP lifecycle', () => {
  it('answers a request before initialize with ServerNotInitialized (-32002), then initializes', async () => {
    const s = start();
    s.request(1, 'textDocument/hover', hover());
    s.request(2, 'shutdown');
    assert.equal((await s.response(1)).error?.code, -32002);
    assert.equal((await s.response(2)).error?.code, -32002);
    const init = await s.initialize(3);
    assert.equal(init.result?.serverInfo?.name, 'shipshape');
    const r = await s.response(3);
    assert.equal(r.error, undefined);
    s.request(4, 'textDocument/hover', hover());
    assert.deepEqual((await s.response(4)).result, null, 'a real answer once initialized');
    s.request(5, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.equal((await s.response(5)).error?.code, -32600, 'initialize is sent once');
  });

  it('drops notifications before initialize (a document opened then is not known after)', async () => {
    const s = start();
    const uri = 'file:///w/Dockerfile';
    s.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM a AS base\n' },
    });
    await s.initialize();
    s.request(2, 'textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual((await s.response(2)).result, []);
    assert.ok(!s.messages.some((m) => m.method === 'textDocument/publishDiagnostics'), 'nothing published for it');
  });

  it('answers requests after shutdown with InvalidRequest (-32600) and exits 0 on exit', async () => {
    const s = start();
    await s.initialize();
    s.request(2, 'shutdown');
    assert.deepEqual((await s.response(2)).result, null);
    s.request(3, 'textDocument/hover', hover());
    s.request(4, 'shutdown');
    assert.equal((await s.response(3)).error?.code, -32600);
    assert.equal((await s.response(4)).error?.code, -32600);
    s.notify('exit');
    assert.equal(await s.exitCode(), 0);
  });

  it('exits 1 on exit without shutdown', async () => {
    const s = start();
    await s.initialize();
    s.notify('exit');
    assert.equal(await s.exitCode(), 1);
  });
});

describe('LSP cancellation', () => {
  it('answers a request cancelled while it waits in the queue with RequestCancelled (-32800), not computed', async () => {
    const s = start();
    await s.initialize();
    const uri = 'file:///w/Dockerfile';
    s.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.20 AS base\n' },
    });
    // The request and its cancel in one write: the cancel arrives while the request still waits to be dispatched.
    s.write(
      frame({ jsonrpc: '2.0', id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } }) +
        frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 2 } }),
    );
    const r = await s.response(2);
    assert.equal(r.error?.code, -32800, JSON.stringify(r));
    assert.equal(r.result, undefined, 'no symbols computed');
    s.request(3, 'textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal((await s.response(3)).result?.length, 1, 'the same request, not cancelled, is answered');
  });

  it('answers a request cancelled while it waits for the settings with -32800, without computing it', async () => {
    const s = start();
    const held: number[] = [];
    s.onServerRequest = (m) => {
      if (m.method !== 'workspace/configuration') return false;
      held.push(m.id);
      return true;
    };
    await s.initialize(1, { workspace: { configuration: true } });
    const uri = 'file:///w/Dockerfile';
    s.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.20 AS base\n' },
    });
    s.request(2, 'textDocument/documentSymbol', { textDocument: { uri } });
    await s.waitFor((m) => m.method === 'workspace/configuration', 'a configuration request');
    s.notify('$/cancelRequest', { id: 2 });
    await new Promise((r) => setTimeout(r, 100));
    for (const id of held) s.send({ jsonrpc: '2.0', id, result: [{}] });
    const r = await s.response(2);
    assert.equal(r.error?.code, -32800, JSON.stringify(r));
  });
});
