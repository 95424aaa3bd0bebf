// compose: examples/compose.yaml has web depend on `redis`, a service that does not exist (it is `cache`).
// EXPECTED: the codes the example's deliberate mistakes get; those whose rule is not in this build yet
// are logged and skipped (knownCodes), so the test tightens itself as rules land.
import * as assert from 'node:assert/strict';
import { create, fixAll, quickFix, remove, waitForNoCodes, rangeOf } from './helpers';
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
    expectAt(doc, now, known, 'CP020', 'redis', 1); // the second "redis": the depends_on item
  });

  it('source.fixAll.shipshape removes a repeated list item (CP005, a safe fix)', async function () {
    if (!knownCodes(['CP005']).length) return this.skip();
    const editor = await create(
      '_e2e/compose.yaml',
      'services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_ADMIN\n      - NET_ADMIN\n',
    );
    try {
      await waitForCodes(editor.document.uri, ['CP005']);
      assert.equal(await fixAll(editor), 'services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_ADMIN\n');
      await waitForNoCodes(editor.document.uri, ['CP005']);
    } finally {
      await remove('_e2e');
    }
  });

  it('a quick fix repairs a misspelt restart policy (CP029)', async function () {
    if (!knownCodes(['CP029']).length) return this.skip();
    const editor = await open(FILE);
    const r = rangeOf(editor.document, 'unless-stopped');
    assert.ok(await editor.edit((b) => b.replace(r, 'unless-stoped')));
    const text = await quickFix(editor, 'CP029', /^Change to "unless-stopped"$/, r.start);
    assert.match(text, /restart: unless-stopped\n/);
    await waitForNoCodes(editor.document.uri, ['CP029']);
  });
});
