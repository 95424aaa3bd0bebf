// workflow: examples/.github/workflows/ci.yml has `needs: tests` (the job is `test`) and reads the output of a step id that does not exist.
// EXPECTED: the codes the example's deliberate mistakes get; those whose rule is not in this build yet
// are logged and skipped (knownCodes), so the test tightens itself as rules land.
import * as assert from 'node:assert/strict';
import { breakAndRepair, closeAll, codes, expectAt, knownCodes, open, shipshapeDiagnostics, waitForCodes } from './helpers';

const FILE = '.github/workflows/ci.yml';
const EXPECTED = ['WF008', 'WF002'];

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
    expectAt(doc, now, known, 'WF002', 'build.outputs.tag');
  });
});
