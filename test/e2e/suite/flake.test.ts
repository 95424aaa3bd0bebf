// flake: examples/flake.nix uses `flake-utils` without declaring it as an input.
// EXPECTED: the codes the example's deliberate mistakes get; those whose rule is not in this build yet
// are logged and skipped (knownCodes), so the test tightens itself as rules land.
import * as assert from 'node:assert/strict';
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

const FILE = 'flake.nix';
const EXPECTED = ['NX001'];

describe('flake', () => {
  afterEach(closeAll);

  it('reports a syntax error where it is (NX000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, 'pkgs.docker-compose ];', 'pkgs.docker-compose ;', 'NX000');
    // After the undo the server has re-checked the original text: it parses, and its mistakes show.
    const known = knownCodes(EXPECTED);
    const now = known.length ? await waitForCodes(uri, known) : shipshapeDiagnostics(uri);
    assert.ok(!codes(now).some((c) => c.endsWith('000')), `the example must parse cleanly: ${codes(now).join(', ')}`);
    const doc = (await open(FILE)).document;
    expectAt(doc, now, known, 'NX001', 'flake-utils');
  });
});
