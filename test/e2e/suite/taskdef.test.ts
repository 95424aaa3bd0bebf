// taskdef: examples/ecs/task-definition.json gives containerPort as a string and a cpu/memory pair Fargate refuses.
// Add the codes of new taskdef rules that flag the example's deliberate mistakes to EXPECTED as they land.
import * as assert from 'node:assert/strict';
import { breakAndRepair, closeAll, codes, open, shipshapeDiagnostics, waitForCodes } from './helpers';

const FILE = 'ecs/task-definition.json';
const EXPECTED: string[] = [];

describe('taskdef', () => {
  afterEach(closeAll);

  it('reports a syntax error where it is (TD000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, '"cpu": "256",', '"cpu": "256",,', 'TD000');
    // After the undo the server has re-checked the original text: it parses, and its mistakes show.
    const now = EXPECTED.length ? await waitForCodes(uri, EXPECTED) : shipshapeDiagnostics(uri);
    assert.ok(!codes(now).some((c) => c.endsWith('000')), `the example must parse cleanly: ${codes(now).join(', ')}`);
  });
});
