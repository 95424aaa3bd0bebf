// workflow: examples/.github/workflows/ci.yml has `needs: tests` (the job is `test`) and reads the output of a step id that does not exist.
// Add the codes of new workflow rules that flag the example's deliberate mistakes to EXPECTED as they land.
import * as assert from 'node:assert/strict';
import { breakAndRepair, closeAll, codes, open, shipshapeDiagnostics, waitForCodes } from './helpers';

const FILE = '.github/workflows/ci.yml';
const EXPECTED: string[] = [];

describe('workflow', () => {
  afterEach(closeAll);

  it('reports a syntax error where it is (WF000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, 'branches: [main]', 'branches: [main', 'WF000');
    // After the undo the server has re-checked the original text: it parses, and its mistakes show.
    const now = EXPECTED.length ? await waitForCodes(uri, EXPECTED) : shipshapeDiagnostics(uri);
    assert.ok(!codes(now).some((c) => c.endsWith('000')), `the example must parse cleanly: ${codes(now).join(', ')}`);
  });
});
