import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lookupAction, majorOf, parseUses } from '../../server/src/languages/workflow/actions';

const ROOT = path.resolve(__dirname, '../../..');
const DATA = path.join(ROOT, 'server/src/languages/workflow/data/actions.json');

test('the catalog holds facts only, and the committed file is what the script generates', {
  skip:
    ![
      path.join(ROOT, '..', 'shared', 'data', 'actions'),
      path.join(ROOT, '..', '..', 'shared', 'data', 'actions'),
    ].some(fs.existsSync) && 'shared action data absent',
}, () => {
  const before = fs.readFileSync(DATA, 'utf8');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-action-catalog.mjs')], { stdio: 'pipe' });
  assert.equal(fs.readFileSync(DATA, 'utf8'), before);
  assert.ok(!/"description"/.test(before));
});

test('catalog lookups and uses: parsing', () => {
  const co = lookupAction('Actions/Checkout');
  assert.equal(co?.action.recommended, 'v7');
  assert.ok(co?.action.inputs['fetch-depth']);
  assert.equal(lookupAction('github/codeql-action/init')?.name, 'github/codeql-action/init');
  assert.deepEqual(parseUses('o/r/sub/dir@v1'), {
    kind: 'repo',
    owner: 'o',
    repo: 'r',
    path: 'sub/dir',
    ref: 'v1',
    name: 'o/r/sub/dir',
    refStart: 12,
  });
  assert.equal(parseUses('./x').kind, 'local');
  assert.equal(parseUses('docker://alpine').kind, 'docker');
  assert.equal(parseUses('o/r').kind, 'invalid');
  assert.equal(majorOf('v4.1.2'), 4);
  assert.equal(majorOf('main'), undefined);
});
