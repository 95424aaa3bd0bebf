// Cross-file checks on examples/: the workflow's deploy job renders ecs/task-definition.json for a
// container "app" the task definition lacks (XF002 on the workflow, XF005 on the task definition), and
// builds the Dockerfile with `target: runtime`, a stage it does not have (XF011 on the workflow, XF013
// on the Dockerfile). Each side shows its finding; fixing one side clears the other side's.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fileUri, hoverText, only, open, rangeOf, waitForCodes, waitForNoCodes } from './helpers';

const WORKFLOW = '.github/workflows/ci.yml';
const TASKDEF = 'ecs/task-definition.json';
const DOCKERFILE = 'Dockerfile';

/** Opens `rel` beside the active editor, so both files stay visible (and checked). */
async function openBeside(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

/** The finding names the other file in its related information. */
function pointsAt(d: vscode.Diagnostic, rel: string): void {
  const other = fileUri(rel).toString();
  assert.ok(
    (d.relatedInformation ?? []).some((r) => r.location.uri.toString() === other),
    `${d.message}: no related information in ${rel}; have ` +
      `${(d.relatedInformation ?? []).map((r) => r.location.uri.toString()).join(', ') || '(none)'}`,
  );
}

describe('crossfile', () => {
  afterEach(closeAll);

  it('a container-name the task definition lacks: XF002 on the workflow, XF005 on the task definition', async () => {
    const wf = (await open(WORKFLOW)).document;
    const td = (await openBeside(TASKDEF)).document;
    const onWf = only(await waitForCodes(wf.uri, ['XF002']), 'XF002');
    assert.deepEqual(
      onWf.range,
      rangeOf(wf, 'container-name: app').with({ start: rangeOf(wf, 'container-name: app').end.translate(0, -3) }),
    );
    assert.equal(onWf.severity, vscode.DiagnosticSeverity.Error);
    assert.match(onWf.message, /"app" is not a container of ecs\/task-definition\.json/);
    const onTd = only(await waitForCodes(td.uri, ['XF005']), 'XF005');
    assert.deepEqual(onTd.range, rangeOf(td, '"web"')); // the container's name
    assert.equal(onTd.severity, vscode.DiagnosticSeverity.Error);
    assert.match(onTd.message, /container "app"/);
    pointsAt(onWf, TASKDEF);
    pointsAt(onTd, WORKFLOW);
  });

  it('renaming the container to "app" in the task definition clears XF002 on the workflow', async () => {
    const wf = (await open(WORKFLOW)).document;
    const tdEditor = await openBeside(TASKDEF);
    const td = tdEditor.document;
    await waitForCodes(wf.uri, ['XF002']);
    await waitForCodes(td.uri, ['XF005']);
    const name = rangeOf(td, '"web"');
    assert.ok(await tdEditor.edit((b) => b.replace(name, '"app"')), 'edit refused');
    await waitForNoCodes(wf.uri, ['XF002']);
    await waitForNoCodes(td.uri, ['XF005']);
    // Undo: both come back.
    await vscode.commands.executeCommand('undo');
    await waitForCodes(wf.uri, ['XF002']);
    await waitForCodes(td.uri, ['XF005']);
  });

  it(
    'a build target the Dockerfile lacks: XF011 on the workflow, XF013 on ' +
      'the Dockerfile; fixing the target clears both',
    async () => {
      const wfEditor = await open(WORKFLOW);
      const wf = wfEditor.document;
      const df = (await openBeside(DOCKERFILE)).document;
      const onWf = only(await waitForCodes(wf.uri, ['XF011']), 'XF011');
      const target = rangeOf(wf, 'target: runtime');
      assert.deepEqual(onWf.range, target.with({ start: target.end.translate(0, -'runtime'.length) }));
      assert.equal(onWf.severity, vscode.DiagnosticSeverity.Error);
      const onDf = only(await waitForCodes(df.uri, ['XF013']), 'XF013');
      assert.deepEqual(onDf.range, rangeOf(df, 'FROM node:latest')); // the final stage
      assert.match(onDf.message, /target "runtime"/);
      assert.ok(await wfEditor.edit((b) => b.replace(target, 'target: build')), 'edit refused');
      await waitForNoCodes(wf.uri, ['XF011']);
      await waitForNoCodes(df.uri, ['XF013']);
    },
  );

  it(
    'across files: the target hovers the stage, the stage hovers its ' +
      'users, and renaming the stage edits both files',
    async () => {
      const wfEditor = await open(WORKFLOW);
      const wf = wfEditor.document;
      const df = (await openBeside(DOCKERFILE)).document;
      // (the test before may leave its unsaved edit, `target: build`, in the open document)
      if (wf.getText().includes('target: runtime'))
        assert.ok(
          await wfEditor.edit((b) => b.replace(rangeOf(wf, 'target: runtime'), 'target: build')),
          'edit refused',
        );
      const target = rangeOf(wf, 'target: build');
      await waitForNoCodes(wf.uri, ['XF011']);
      const onTarget = await hoverText(wf.uri, rangeOf(wf, 'target: build').end.translate(0, -2));
      assert.match(onTarget, /Stage `build`/);
      assert.match(onTarget, /FROM node:20-bookworm AS build/);
      const stage = rangeOf(df, 'AS build').end.translate(0, -2);
      assert.match(await hoverText(df.uri, stage), /\.github\/workflows\/ci\.yml:\d+.*`target`/);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        df.uri,
        stage,
        'compile',
      );
      const byFile = new Map(edit.entries().map(([uri, edits]) => [uri.toString(), edits]));
      assert.deepEqual([...byFile.keys()].sort(), [df.uri.toString(), wf.uri.toString()].sort());
      assert.deepEqual(
        byFile.get(wf.uri.toString())!.map((e) => [e.range.start.line, e.newText]),
        [[target.start.line, 'compile']],
      );
      assert.ok(
        byFile
          .get(df.uri.toString())!
          .some((e) => e.range.start.line === rangeOf(df, 'AS build').start.line && e.newText === 'compile'),
      );
    },
  );
});
