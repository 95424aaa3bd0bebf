// What the language server keeps and decides per client (dist/server.js over stdio; `npm run build` first): trust
// only when the client says so, the settings cache pruned on close, diagnostics capped per file, the check budget.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DidCloseTextDocumentNotification, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { has, LspClient } from '../helpers/lsp-client';

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-lsp-state-'));
const clients: LspClient[] = [];
const start = () => {
  const c = new LspClient();
  clients.push(c);
  return c;
};
after(async () => {
  for (const c of clients) await c.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WORKFLOW = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo $1\n';
const hasShellcheck = (() => {
  try {
    return require('node:child_process').spawnSync('shellcheck', ['--version']).status === 0;
  } catch {
    return false;
  }
})();

describe('trust: untrusted unless the client says so', () => {
  it('a client that says nothing gets the untrusted limits: its settings cannot raise maxFileSize', async () => {
    const c = start();
    c.configuration = { maxFileSize: 50 * 1024 * 1024 };
    await c.initialize(ws, null); // no initializationOptions
    const uri = `file://${ws}/big/Dockerfile`;
    await c.open(uri, 'dockerfile', `# ${'x'.repeat(5.5 * 1024 * 1024)}\nFROM alpine:3.20\n`);
    const d = await c.diagnostics(uri, (x) => x.length > 0);
    assert.deepEqual(
      d.map((x) => x.code),
      ['SS001'],
    );
  });

  it('a client that says nothing gets no shellcheck; one that says trusted does', {
    skip: !hasShellcheck,
  }, async () => {
    const untrusted = start();
    await untrusted.initialize(ws, {});
    const uri = `file://${ws}/.github/workflows/ci.yml`;
    await untrusted.open(uri, 'yaml', WORKFLOW);
    await untrusted.diagnostics(uri);
    await sleep(1500); // shellcheck's answers may come in a later publication
    // shellcheck's findings: WF028 (its errors and warnings) and WF047 (its info and style notes: SC2086 here).
    const fromShellcheck = (x: { code?: unknown }) => x.code === 'WF028' || x.code === 'WF047';
    assert.ok(!untrusted.latest.get(uri)!.some(fromShellcheck), JSON.stringify(untrusted.latest.get(uri)));
    const trusted = start();
    await trusted.initialize(ws, { trusted: true });
    await trusted.open(uri, 'yaml', WORKFLOW);
    await trusted.diagnostics(uri, (d) => d.some(fromShellcheck));
  });
});

describe('settings cache', () => {
  it('is pruned when a document closes: reopened, it reads the settings again', async () => {
    const c = start();
    await c.initialize(ws);
    const uri = `file://${ws}/prune/Dockerfile`;
    await c.open(uri, 'dockerfile', 'FROM alpine:3.20\nFRUM x\n');
    await c.diagnostics(uri, has('DF001'));
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    c.configuration = { rules: { DF001: 'off' } };
    await c.open(uri, 'dockerfile', 'FROM alpine:latest\nFRUM x\n');
    const d = await c.diagnostics(uri, has('DL3007'));
    assert.ok(!d.some((x) => x.code === 'DF001'), `DF001 is off now: ${JSON.stringify(d.map((x) => x.code))}`);
  });
});

describe('diagnostics per file', () => {
  it('publishes at most 1,000, the last saying how many more were left out (SS004)', async () => {
    const c = start();
    await c.initialize(ws);
    const uri = `file://${ws}/many/Dockerfile`;
    await c.open(uri, 'dockerfile', `FROM alpine:3.20\n${'FRUM x\n'.repeat(1500)}`);
    const d = await c.diagnostics(uri, (x) => x.length > 0, 30000);
    assert.equal(d.length, 1000);
    const last = d[999];
    assert.equal(last.code, 'SS004');
    const more = Number(/^and (\d+) more findings not shown/.exec(String(last.message))?.[1]);
    assert.ok(more >= 1500 - 999, String(last.message));
    assert.equal(d.filter((x) => x.code === 'DF001').length, 999);
  });
});

describe('check budget', () => {
  it('stops the checks of a file past the budget with one SS003 finding naming the rule, and keeps answering', async () => {
    const c = start();
    await c.initialize(ws, { trusted: true, checkBudgetMs: 0 });
    const uri = `file://${ws}/budget/Dockerfile`;
    await c.open(uri, 'dockerfile', 'FROM alpine:3.20 AS base\nFRUM x\nRUN cd /x\n');
    const d = await c.diagnostics(uri, has('SS003'));
    const ss003 = d.filter((x) => x.code === 'SS003');
    assert.equal(ss003.length, 1);
    assert.match(
      String(ss003[0].message),
      /^analysis stopped after \d+ ms: .* in rule [A-Z]+\d+ \([a-z-]+\); \d+ more rules/,
    );
    const symbols = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal(symbols?.length, 1, 'the server still answers');
  });
});
