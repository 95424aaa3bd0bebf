// flake: examples/flake.nix uses `flake-utils` without declaring it as an input.
// Add the codes of new flake rules that flag the example's deliberate mistakes to EXPECTED as they land.
import * as assert from 'node:assert/strict';
import { breakAndRepair, closeAll, codes, open, shipshapeDiagnostics, waitForCodes } from './helpers';

const FILE = 'flake.nix';
const EXPECTED: string[] = [];

describe('flake', () => {
  afterEach(closeAll);

  it('reports a syntax error where it is (NX000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, 'pkgs.docker-compose ];', 'pkgs.docker-compose ;', 'NX000');
    // After the undo the server has re-checked the original text: it parses, and its mistakes show.
    const now = EXPECTED.length ? await waitForCodes(uri, EXPECTED) : shipshapeDiagnostics(uri);
    assert.ok(!codes(now).some((c) => c.endsWith('000')), `the example must parse cleanly: ${codes(now).join(', ')}`);
  });
});
