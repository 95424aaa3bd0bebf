// The extension is installed, activates, and its language server answers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateShipshape, closeAll, open, waitForCodes } from './helpers';

describe('activation', () => {
  after(closeAll);

  it('activates and contributes its commands', async () => {
    await activateShipshape();
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['shipshape.restartServer', 'shipshape.showOutput'])
      assert.ok(commands.includes(c), `command ${c} missing`);
  });

  it('publishes diagnostics again after "Shipshape: Restart Language Server"', async () => {
    const editor = await open('Dockerfile');
    await waitForCodes(editor.document.uri, ['DF001']);
    await vscode.commands.executeCommand('shipshape.restartServer');
    // The restarted server must see the open document and check it again.
    await waitForCodes(editor.document.uri, ['DF001']);
  });

  // Every test edits the workspace's files and relies on closeAll() reverting them to what is on disk. An
  // auto-save in between (VS Code in a browser saves after 1 s by default) would make the edit the new
  // original for every later test: what made "a quick fix repairs a misspelt restart policy" flaky.
  it('an edit stays off the disk unless a test saves it, so closeAll() restores the original', async () => {
    const editor = await open('compose.yaml');
    const file = editor.document.uri.fsPath;
    const disk = fs.readFileSync(file, 'utf8');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited by a test\n')));
    await new Promise((r) => setTimeout(r, 2500)); // past the default files.autoSaveDelay of 1 s
    assert.equal(fs.readFileSync(file, 'utf8'), disk, 'the edit was saved to disk: a revert would keep it');
    await closeAll();
    assert.equal(fs.readFileSync(file, 'utf8'), disk);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty), 'a document is still dirty');
  });
});
