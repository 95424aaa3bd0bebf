// Dockerfile: examples/Dockerfile has a RUN line whose `\` continuation is missing, so `rm` starts a
// line of its own (DF001). Add the codes of new Dockerfile rules to EXPECTED as they land on main.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  at,
  closeAll,
  codeOf,
  codes,
  expectAt,
  fixAll,
  knownCodes,
  only,
  open,
  quickFix,
  rangeOf,
  waitForCodes,
  waitForDiagnostics,
  waitForNoCodes,
} from './helpers';

const FILE = 'Dockerfile';
const EXPECTED = ['DF001'];
// The hadolint-like rules the example trips; asserted once their rule is in the build (knownCodes).
const LATER = ['DL3007', 'DL3015', 'DL3025'];

/** Mistypes `EXPOSE` as `EXPSOE` (a second DF001, fixable by "Change to EXPOSE"); the range of the typo. */
async function mistypeExpose(editor: vscode.TextEditor): Promise<vscode.Range> {
  const r = rangeOf(editor.document, 'EXPOSE 3000').with({
    end: rangeOf(editor.document, 'EXPOSE 3000').start.translate(0, 6),
  });
  assert.ok(await editor.edit((b) => b.replace(r, 'EXPSOE')));
  await waitForCodes(editor.document.uri, ['DF001', 'DF001']);
  return r;
}

describe('dockerfile', () => {
  afterEach(closeAll);

  it("reports the example's mistakes with codes, ranges and rule links", async () => {
    const editor = await open(FILE);
    const ds = await waitForCodes(editor.document.uri, EXPECTED);
    const d = only(ds, 'DF001');
    assert.equal(at(d.range), '14:5-14:7');
    assert.deepEqual(
      d.range,
      rangeOf(editor.document, 'rm -rf').with({ end: rangeOf(editor.document, 'rm -rf').start.translate(0, 2) }),
    );
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(
      d.message,
      'Unknown instruction: rm. Line 13 probably lost its `\\` at the end: this line reads as the rest of the RUN above.',
    );
    assert.equal(codeOf(d), 'DF001');
    // The code links to the rule's page.
    assert.ok(typeof d.code === 'object' && d.code !== null, 'DF001 has no link to its rule page');
    assert.match(String(d.code.target), /DF001/);
  });

  it('reports the hadolint-like findings of the example where they are', async () => {
    const editor = await open(FILE);
    const known = knownCodes(LATER.filter((c) => c !== 'DL3015'));
    const ds = await waitForCodes(editor.document.uri, ['DF001', ...known]);
    expectAt(editor.document, ds, known, 'DL3007', 'latest');
    expectAt(editor.document, ds, known, 'DL3025', 'npm start');
    // The RUN the lost `\` cut in two is judged once it is whole again (half of it would get a false DL3009).
    assert.ok(!codes(ds).includes('DL3015') && !codes(ds).includes('DL3009'), codes(ds).join(', '));
    const end = rangeOf(editor.document, 'curl &&').end;
    assert.ok(await editor.edit((b) => b.insert(end, ' \\')));
    const whole = knownCodes(['DL3015']);
    if (whole.length)
      expectAt(editor.document, await waitForCodes(editor.document.uri, whole), whole, 'DL3015', 'apt-get install');
    await vscode.commands.executeCommand('undo');
  });

  it('quick fix: the lost `\\` is added back at the end of the line before, and DF001 goes', async () => {
    const editor = await open(FILE);
    const rm = rangeOf(editor.document, 'rm -rf').start;
    const text = await quickFix(editor, 'DF001', /^Add `\\` at the end of line 13$/, rm);
    assert.match(text, /curl && \\\n {4}rm -rf/);
    await waitForNoCodes(editor.document.uri, ['DF001']);
  });

  it('re-checks as the user types: restoring the `\\` removes DF001', async () => {
    const editor = await open(FILE);
    await waitForCodes(editor.document.uri, ['DF001']);
    const end = rangeOf(editor.document, 'curl &&').end;
    assert.ok(await editor.edit((b) => b.insert(end, ' \\')));
    await waitForNoCodes(editor.document.uri, ['DF001']);
    // And breaking it again brings it back.
    await vscode.commands.executeCommand('undo');
    await waitForCodes(editor.document.uri, ['DF001']);
  });

  it('source.fixAll.shipshape does not apply suggestions (DF001\'s "Change to …" is not safe)', async () => {
    const editor = await open(FILE);
    await waitForCodes(editor.document.uri, ['DF001']);
    await mistypeExpose(editor);
    const after = await fixAll(editor);
    assert.match(after, /^EXPSOE 3000$/m, 'fix-all applied an unsafe suggestion');
    assert.match(after, /curl &&\n {4}rm -rf/, 'fix-all touched a line it cannot repair');
  });

  it('quick fix: a mistyped instruction is corrected by "Change to …" and the finding goes', async () => {
    const editor = await open(FILE);
    const uri = editor.document.uri;
    await waitForCodes(uri, ['DF001']);
    const r = await mistypeExpose(editor);
    const text = await quickFix(editor, 'DF001', /^Change to EXPOSE$/, r.start);
    assert.match(text, /^EXPOSE 3000$/m);
    assert.doesNotMatch(text, /EXPSOE/);
    // Only the typo's finding goes; the missing continuation is still reported.
    const left = (
      await waitForDiagnostics(uri, (ds) => ds.filter((d) => codeOf(d) === 'DF001').length === 1, 'one DF001 left')
    ).filter((d) => codeOf(d) === 'DF001');
    assert.equal(at(left[0].range), '14:5-14:7');
  });

  it('quick fix: "Ignore DF001 on this line" adds a shipshape-ignore comment and the finding goes', async () => {
    const editor = await open(FILE);
    const uri = editor.document.uri;
    const rm = rangeOf(editor.document, 'rm -rf').start;
    const text = await quickFix(editor, 'DF001', /^Ignore DF001 on this line$/, rm);
    assert.match(text, /curl &&\n {4}# shipshape-ignore DF001\n {4}rm -rf/);
    await waitForNoCodes(uri, ['DF001']);
  });

  it(
    'source.fixAll.shipshape applies every safe fix (ADD of local files ' + 'becomes COPY, DL3020) and no suggestion',
    async function () {
      if (!knownCodes(['DL3020']).length) return this.skip();
      const editor = await open(FILE);
      const uri = editor.document.uri;
      const copy = rangeOf(editor.document, 'COPY . .');
      assert.ok(await editor.edit((b) => b.replace(copy.with({ end: copy.start.translate(0, 4) }), 'ADD')));
      await waitForCodes(uri, ['DL3020', 'DF001']);
      const text = await fixAll(editor);
      assert.match(text, /^COPY \. \.$/m);
      assert.match(text, /curl &&\n {4}rm -rf/, 'fix-all applied a suggestion');
      await waitForNoCodes(uri, ['DL3020']);
    },
  );
});
