/**
 * The language server never goes online: run it over every corpus file (and the examples) with
 * every network API made to throw, exercise diagnostics, completion and hover, and see nothing try.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { detectKind } from '../../server/src/service/detect';
import { CORPUS, hasCorpus, REPO_ROOT } from '../helpers/context';
import { LspClient } from '../helpers/lsp-client';

const LANGUAGE_IDS: Record<string, string> = {
  dockerfile: 'dockerfile',
  dockerignore: 'dockerignore',
  compose: 'yaml',
  workflow: 'yaml',
  taskdef: 'json',
  flake: 'nix',
  nix: 'nix',
};

function inputs(): { file: string; kind: string }[] {
  const out: { file: string; kind: string }[] = [];
  const walk = (dir: string, kind?: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(f, kind);
        continue;
      }
      const k = kind ?? detectKind(f, fs.readFileSync(f, 'utf8'));
      if (k) out.push({ file: f, kind: k });
    }
  };
  if (hasCorpus)
    for (const kind of ['dockerfile', 'compose', 'workflow', 'taskdef', 'flake', 'nix'])
      walk(path.join(CORPUS, kind), kind);
  walk(path.join(REPO_ROOT, 'examples'));
  walk(path.join(REPO_ROOT, 'test', 'fixtures'));
  return out;
}

it('the server makes no network call on any file', { timeout: 300_000 }, async () => {
  const client = new LspClient(['--require', path.join(REPO_ROOT, 'test', 'helpers', 'no-network.cjs')]);
  try {
    await client.initialize(path.join(REPO_ROOT, 'examples'));
    const files = inputs();
    assert.ok(files.length > 0);
    // Paths are rewritten to names each kind is detected by, since corpus names are flattened.
    const docNames: Record<string, string> = {
      dockerfile: 'Dockerfile',
      dockerignore: '.dockerignore',
      compose: 'compose.yaml',
      workflow: '.github/workflows/ci.yml',
      taskdef: 'task-definition.json',
      flake: 'flake.nix',
      nix: 'default.nix',
    };
    let i = 0;
    for (const { file, kind } of files) {
      const uri = `file:///net-test/${i++}/${docNames[kind]}`;
      const text = fs.readFileSync(file, 'utf8');
      await client.open(uri, LANGUAGE_IDS[kind], text);
      await client.diagnostics(uri);
      const line = Math.min(3, text.split('\n').length - 1);
      await client.conn.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line, character: 2 },
      });
      await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
    }
    assert.equal(client.proc.exitCode, null, 'the server is still running');
    assert.doesNotMatch(client.stderr, /SHIPSHAPE-NETWORK-ATTEMPT/);
  } finally {
    await client.stop();
  }
});

it('the no-network guard itself catches a call (so the test above can fail)', async () => {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(
    process.execPath,
    [
      '--require',
      path.join(REPO_ROOT, 'test', 'helpers', 'no-network.cjs'),
      '-e',
      "require('node:https').get('https://registry.example/')",
    ],
    { encoding: 'utf8' },
  );
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /SHIPSHAPE-NETWORK-ATTEMPT node:https.get/);
});
