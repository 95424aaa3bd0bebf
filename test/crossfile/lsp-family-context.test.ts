/**
 * XF006/XF008 and XF025 through the real server (`dist/server.js --stdio`; build with
 * `node esbuild.mjs` first): edit one file and see the other file's diagnostics move.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspClient, copyTree, has, lacks } from '../helpers/lsp-client';
import { REPO_ROOT } from '../helpers/context';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces');

describe('family and build-context diagnostics over LSP', {
  skip: !fs.existsSync(SERVER) && 'dist/server.js not built (node esbuild.mjs)',
}, () => {
  let client: LspClient;
  let root: string;
  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-xf-family-')));
    copyTree(path.join(FIXTURES, 'ecs-family-typo'), path.join(root, 'ecs'));
    copyTree(path.join(FIXTURES, 'compose-context-ignore'), path.join(root, 'ctx'));
    client = new LspClient();
    await client.initialize(root);
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it("renaming the family in the task definition clears the workflow's XF006, and its own XF008", async () => {
    const wfPath = path.join(root, 'ecs', '.github', 'workflows', 'deploy.yml');
    const tdPath = path.join(root, 'ecs', 'ecs', 'task-definition.json');
    const wfUri = 'file://' + wfPath,
      tdUri = 'file://' + tdPath;
    const tdText = fs.readFileSync(tdPath, 'utf8');
    await client.open(wfUri, 'github-actions-workflow', fs.readFileSync(wfPath, 'utf8'));
    const first = await client.diagnostics(wfUri, has('XF006'));
    assert.equal(first.find((d) => d.code === 'XF006')!.relatedInformation?.[0]?.location.uri, tdUri);
    await client.open(tdUri, 'json', tdText);
    const td = await client.diagnostics(tdUri, has('XF008'));
    assert.equal(td.find((d) => d.code === 'XF008')!.relatedInformation?.[0]?.location.uri, wfUri);
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: tdUri, version: 2 },
      contentChanges: [{ text: tdText.replace('"web-app"', '"web-ap"') }],
    });
    await client.diagnostics(wfUri, lacks('XF006'));
    await client.diagnostics(tdUri, lacks('XF008'));
  });

  it("re-including the COPY source in the context's .dockerignore clears the compose file's XF025", async () => {
    const composePath = path.join(root, 'ctx', 'compose.yaml');
    const ignorePath = path.join(root, 'ctx', '.dockerignore');
    const composeUri = 'file://' + composePath,
      ignoreUri = 'file://' + ignorePath;
    const ignoreText = fs.readFileSync(ignorePath, 'utf8');
    await client.open(composeUri, 'dockercompose', fs.readFileSync(composePath, 'utf8'));
    const first = await client.diagnostics(composeUri, has('XF025'));
    const xf025 = first.find((d) => d.code === 'XF025')!;
    assert.equal(
      xf025.relatedInformation?.[0]?.location.uri,
      'file://' + path.join(root, 'ctx', 'services', 'api', 'Dockerfile'),
    );
    await client.open(ignoreUri, 'ignore', ignoreText);
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: ignoreUri, version: 2 },
      contentChanges: [{ text: ignoreText + '!services/api/config/app.yaml\n' }],
    });
    await client.diagnostics(composeUri, lacks('XF025'));
    assert.equal(
      /uncaught (?!Error: Unhandled method client\/registerCapability)/.test(client.stderr),
      false,
      client.stderr,
    );
  });
});
