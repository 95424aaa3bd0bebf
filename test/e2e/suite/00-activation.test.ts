// The extension is installed, activates, and its language server answers.
import * as assert from 'node:assert/strict';
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
});
