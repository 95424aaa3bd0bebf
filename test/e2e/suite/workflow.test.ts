// workflow: examples/.github/workflows/ci.yml has `needs: tests` (the job is `test`) and reads the output of a step id
// that does not exist.
// EXPECTED: the codes the example's deliberate mistakes get; those whose rule is not in this build yet
// are logged and skipped (knownCodes), so the test tightens itself as rules land.
import * as assert from 'node:assert/strict';
import { completions, eventually, label, quickFix, rangeOf, waitForNoCodes } from './helpers';
import {
  breakAndRepair,
  closeAll,
  codes,
  expectAt,
  knownCodes,
  open,
  shipshapeDiagnostics,
  waitForCodes,
} from './helpers';

const FILE = '.github/workflows/ci.yml';
const EXPECTED = ['WF008', 'WF030'];

describe('workflow', () => {
  afterEach(closeAll);

  it('reports a syntax error where it is (WF000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, 'branches: [main]', 'branches: [main', 'WF000');
    // After the undo the server has re-checked the original text: it parses, and its mistakes show.
    const known = knownCodes(EXPECTED);
    const now = known.length ? await waitForCodes(uri, known) : shipshapeDiagnostics(uri);
    assert.ok(!codes(now).some((c) => c.endsWith('000')), `the example must parse cleanly: ${codes(now).join(', ')}`);
    const doc = (await open(FILE)).document;
    expectAt(doc, now, known, 'WF008', 'tests');
    // `steps.build` names no step before it: a property the typed steps context lacks (WF030, a warning: GitHub
    // accepts the file and the expression gives '' at run time)
    expectAt(doc, now, known, 'WF030', 'build.outputs.tag');
  });

  it('quick fix: `needs: tests` becomes `needs: test` and WF008 goes', async function () {
    if (!knownCodes(['WF008']).length) return this.skip();
    const editor = await open(FILE);
    const text = await quickFix(editor, 'WF008', /^Change to "test"$/);
    assert.match(text, /needs: test\n/);
    await waitForNoCodes(editor.document.uri, ['WF008']);
  });

  it('completes runner labels after `runs-on:`', async function () {
    if (!knownCodes(['WF008']).length) return this.skip();
    const editor = await open(FILE);
    const pos = rangeOf(editor.document, 'ubuntu-latest').start.translate(0, 3); // "ubu|ntu-latest"
    const items = await eventually(
      () => completions(editor.document.uri, pos),
      (xs) => xs.some((x) => label(x) === 'ubuntu-latest'),
      'runner labels',
    );
    assert.ok(
      items.some((x) => label(x) === 'ubuntu-24.04'),
      items.map(label).join(', '),
    );
  });
});
