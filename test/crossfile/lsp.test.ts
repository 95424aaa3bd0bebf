/**
 * Cross-file diagnostics through the real server (`dist/server.js --stdio`; build with
 * `node esbuild.mjs` first): open a workflow, edit the task definition it renders, and see the
 * workflow's diagnostics move; edit the workflow and see the task definition's move, each pointing
 * at the other file with relatedInformation.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  HoverRequest,
  PrepareRenameRequest,
  RenameRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspClient, copyTree, has, lacks } from '../helpers/lsp-client';
import { REPO_ROOT } from '../helpers/context';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces', 'ecs-container-renamed');

const codes = (d: Diagnostic[]) => d.map((x) => String(x.code)).sort();

describe('cross-file diagnostics over LSP', {
  skip: !fs.existsSync(SERVER) && 'dist/server.js not built (node esbuild.mjs)',
}, () => {
  let client: LspClient;
  let root: string;
  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-xf-')));
    copyTree(FIXTURE, root);
    client = new LspClient();
    await client.initialize(root);
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('a workflow sees the task definition on disk, then the edits of the open one; and the other way', async () => {
    const wfPath = path.join(root, '.github', 'workflows', 'deploy.yml');
    const tdPath = path.join(root, 'ecs', 'task-definition.json');
    const wfUri = 'file://' + wfPath,
      tdUri = 'file://' + tdPath;
    const wfText = fs.readFileSync(wfPath, 'utf8'),
      tdText = fs.readFileSync(tdPath, 'utf8');

    // 1. The workflow names "web"; the task definition on disk has "web-app".
    await client.open(wfUri, 'github-actions-workflow', wfText);
    const first = await client.diagnostics(wfUri, has('XF002'));
    const xf002 = first.find((d) => d.code === 'XF002')!;
    assert.match(String(xf002.message), /did you mean "web-app"/);
    assert.equal(xf002.relatedInformation?.[0]?.location.uri, tdUri);

    // 2. Open the task definition: it shows the other side, pointing back at the workflow.
    await client.open(tdUri, 'json', tdText);
    const td = await client.diagnostics(tdUri, has('XF005'));
    const xf005 = td.find((d) => d.code === 'XF005')!;
    assert.equal(xf005.relatedInformation?.[0]?.location.uri, wfUri);
    assert.equal(xf005.relatedInformation?.[0]?.location.range.start.line, xf002.range.start.line);

    // 3. Rename the container back in the (unsaved) task definition: the workflow's finding goes away.
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: tdUri, version: 2 },
      contentChanges: [{ text: tdText.replace('"web-app"', '"web"') }],
    });
    const cleared = await client.diagnostics(wfUri, lacks('XF002'));
    assert.ok(!codes(cleared).includes('XF002'));
    await client.diagnostics(tdUri, lacks('XF005'));

    // 4. Now the workflow names a container nobody has: both sides report again.
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: wfUri, version: 2 },
      contentChanges: [{ text: wfText.replace('container-name: web', 'container-name: frontend') }],
    });
    const again = await client.diagnostics(wfUri, has('XF002'));
    assert.match(String(again.find((d) => d.code === 'XF002')!.message), /"frontend" is not a container/);
    const tdAgain = await client.diagnostics(tdUri, has('XF005'));
    assert.match(String(tdAgain.find((d) => d.code === 'XF005')!.message), /container "frontend"/);
    assert.equal(
      /uncaught (?!Error: Unhandled method client\/registerCapability)/.test(client.stderr),
      false,
      client.stderr,
    );
  });

  it(
    'renaming the container in the task definition edits the workflow too; ' + 'the workflow hovers the container',
    async () => {
      const wfUri = 'file://' + path.join(root, '.github', 'workflows', 'deploy.yml');
      const tdUri = 'file://' + path.join(root, 'ecs', 'task-definition.json');
      // After the first test: the task definition (open) names "web", the workflow (open) "frontend".
      const wfText = fs.readFileSync(path.join(root, '.github', 'workflows', 'deploy.yml'), 'utf8');
      await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: wfUri, version: 3 },
        contentChanges: [{ text: wfText }],
      });
      await client.diagnostics(wfUri, lacks('XF002'));
      const tdLines = fs
        .readFileSync(path.join(root, 'ecs', 'task-definition.json'), 'utf8')
        .replace('"web-app"', '"web"')
        .split('\n');
      const line = tdLines.findIndex((l) => l.includes('"name": "web"'));
      const character = tdLines[line].indexOf('web') + 1;
      const prepared = await client.conn.sendRequest(PrepareRenameRequest.type, {
        textDocument: { uri: tdUri },
        position: { line, character },
      });
      assert.deepEqual(
        prepared && 'placeholder' in prepared ? [prepared.placeholder, prepared.range.start.line] : prepared,
        ['web', line],
      );
      const edit = await client.conn.sendRequest(RenameRequest.type, {
        textDocument: { uri: tdUri },
        position: { line, character },
        newName: 'api',
      });
      assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [tdUri, wfUri].sort());
      assert.deepEqual(
        edit!.changes![tdUri].map((e) => [e.range.start.line, e.newText]),
        [[line, 'api']],
      );
      const wfLine = wfText.split('\n').findIndex((l) => l.includes('container-name: web'));
      assert.deepEqual(
        edit!.changes![wfUri].map((e) => [e.range.start.line, e.range.start.character, e.newText]),
        [[wfLine, 26, 'api']],
      );

      const hover = await client.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri: wfUri },
        position: { line: wfLine, character: 27 },
      });
      const value =
        hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.match(value, /Container `web`/);
      assert.match(value, /"portMappings": \[\{ "containerPort": 8080 \}\]/);
    },
  );
});
