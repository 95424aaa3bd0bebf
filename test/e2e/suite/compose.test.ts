// compose: examples/compose.yaml has web depend on `redis`, a service that does not exist (it is `cache`).
// Add the codes of new compose rules that flag the example's deliberate mistakes to EXPECTED as they land.
import * as assert from 'node:assert/strict';
import { breakAndRepair, closeAll, codes, open, shipshapeDiagnostics, waitForCodes } from './helpers';

const FILE = 'compose.yaml';
const EXPECTED: string[] = [];

describe('compose', () => {
  afterEach(closeAll);

  it('reports a syntax error where it is (CP000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, 'image: redis:7.4-alpine', 'image: "redis:7.4-alpine', 'CP000');
    // After the undo the server has re-checked the original text: it parses, and its mistakes show.
    const now = EXPECTED.length ? await waitForCodes(uri, EXPECTED) : shipshapeDiagnostics(uri);
    assert.ok(!codes(now).some((c) => c.endsWith('000')), `the example must parse cleanly: ${codes(now).join(', ')}`);
  });
});
