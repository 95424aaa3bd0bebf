// The LSP typing measurement of `npm run bench`: a real `dist/server.js --stdio` (trusted workspace, shellcheck on
// when installed), a 2,000-line workflow with 50 `run:` scripts opened, then typed into: one character at a time in
// the scripts, at typing speed. The server reports, through `shipshape/loopStats` (enabled by SHIPSHAPE_LOOP_STATS),
// the longest time its event loop was held (perf_hooks.monitorEventLoopDelay, 1 ms resolution) while we typed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const rpc = require('vscode-languageserver-protocol/node');

/** A workflow of about 2,000 lines with 50 `run:` scripts (25 jobs, 2 scripts each, 30-line scripts). */
export function bigWorkflow() {
  let s =
    'name: big\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  contents: read\n' +
    'env:\n  GLOBAL: x\njobs:\n';
  for (let j = 0; j < 25; j++) {
    s +=
      `  job${j}:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    strategy:\n      matrix:\n` +
      `        node: [18, 20, 22]\n    env:\n      JOB_VAR: job${j}\n    steps:\n      - uses: actions/checkout@v4\n` +
      '      - uses: actions/setup-node@v4\n        with:\n          node-version: ${{ matrix.node }}\n          cache: npm\n';
    for (let k = 0; k < 2; k++) {
      s +=
        `      - name: step ${k}\n        id: s${k}\n        if: github.event_name == 'push' && matrix.node != 18\n` +
        '        env:\n          TOKEN: ${{ secrets.GITHUB_TOKEN }}\n        run: |\n';
      for (let l = 0; l < 26; l++) s += `          echo "line ${l} \${{ github.sha }} $JOB_VAR"\n`;
      s += '          if [ -n "$TOKEN" ]; then npm ci; fi\n          for f in $(ls); do echo $f; done\n';
    }
    s += `      - uses: actions/upload-artifact@v4\n        with:\n          name: out-${j}\n          path: dist\n`;
  }
  return s;
}

export async function measureTyping({ keystrokes = 100, intervalMs = 120 } = {}) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-typing-'));
  fs.mkdirSync(path.join(ws, '.github', 'workflows'), { recursive: true });
  const file = path.join(ws, '.github', 'workflows', 'big.yml');
  let text = bigWorkflow();
  fs.writeFileSync(file, text);
  const uri = 'file://' + file;
  const nodeArgs = (process.env.SHIPSHAPE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = process.env.SHIPSHAPE_BENCH_SERVER ?? path.join(root, 'dist', 'server.js');
  const proc = spawn(process.execPath, [...nodeArgs, server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, SHIPSHAPE_LOOP_STATS: '1' },
  });
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(proc.stdout),
    new rpc.StreamMessageWriter(proc.stdin),
  );
  let published = 0;
  let lastPublish = Date.now();
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, () => {
    published++;
    lastPublish = Date.now();
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.listen();
  await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: 'file://' + ws,
    workspaceFolders: [{ uri: 'file://' + ws, name: 'ws' }],
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { trusted: true },
  });
  conn.sendNotification(rpc.InitializedNotification.type, {});
  conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  const quiet = async (ms) => {
    while (Date.now() - lastPublish < ms || published === 0) await new Promise((r) => setTimeout(r, 50));
  };
  await quiet(1500);
  const opened = await conn.sendRequest('shipshape/loopStats', { reset: true });
  // Type into the scripts: a character at the end of a script line, one script after another.
  let version = 1;
  const lines = text.split('\n');
  const targets = lines.map((l, i) => (l.includes('echo "line 3 ') ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < keystrokes; k++) {
    const line = targets[k % targets.length];
    const character = lines[line].length;
    lines[line] += 'x';
    conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    // Completion requests as an editor sends them while typing.
    if (k % 5 === 0)
      void conn
        .sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: character + 1 } })
        .catch(() => {});
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  text = lines.join('\n');
  await quiet(1500);
  const typing = await conn.sendRequest('shipshape/loopStats', { reset: false });
  await conn.sendRequest(rpc.ShutdownRequest.type);
  conn.sendNotification(rpc.ExitNotification.type);
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      proc.kill();
      resolve();
    }, 3000);
    proc.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  fs.rmSync(ws, { recursive: true, force: true });
  return { lines: text.split('\n').length, keystrokes, intervalMs, opened, typing, published };
}
