// compose: examples/compose.yaml has web depend on `redis`, a service that does not exist (it is `cache`).
// EXPECTED: the codes the example's deliberate mistakes get; those whose rule is not in this build yet
// are logged and skipped (knownCodes), so the test tightens itself as rules land.
import * as assert from 'node:assert/strict';
import { breakAndRepair, closeAll, codes, expectAt, knownCodes, open, shipshapeDiagnostics, waitForCodes } from './helpers';

const FILE = 'compose.yaml';
const EXPECTED = ['CP020'];

describe('compose', () => {
  afterEach(closeAll);

  it('reports a syntax error where it is (CP000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, 'image: redis:7.4-alpine', 'image: "redis:7.4-alpine', 'CP000');
    // After the undo the server has re-checked the original text: it parses, and its mistakes show.
    const known = knownCodes(EXPECTED);
    const now = known.length ? await waitForCodes(uri, known) : shipshapeDiagnostics(uri);
    assert.ok(!codes(now).some((c) => c.endsWith('000')), `the example must parse cleanly: ${codes(now).join(', ')}`);
    const doc = (await open(FILE)).document;
    expectAt(doc, now, known, 'CP020', 'redis');
  });
});
