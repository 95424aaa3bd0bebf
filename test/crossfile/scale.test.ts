/**
 * Checking one file must not cost more in a larger workspace when the other files have nothing to do with it (issue
 * 22: every Dockerfile and task definition read every workflow and compose file, 105-200 ms per keystroke at 5,000
 * files). Timed ratios within one run (scale-cases.ts), as the complexity tests: the workspace doubles three times
 * and the time of a check may grow at most 1.5× per doubling (a scan of every file grows 2×; a lookup stays near 1×).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { measureCases, type Verdict } from '../helpers/complexity';
import { CASES } from './scale-cases';

const MODULE = path.join(__dirname, 'scale-cases.js');
const LIMIT = 1.5;
const names = Object.keys(CASES);

describe('scale: a check does not read the files that do not point at it', () => {
  let verdicts: Map<string, Verdict>;
  before(async () => {
    verdicts = await measureCases(MODULE, names, 60_000, LIMIT);
  });
  for (const name of names) {
    it(name, (t) => {
      const v = verdicts.get(name)!;
      t.diagnostic(v.detail);
      assert.ok(v.ok, `${name}, doubling ${CASES[name].doubles}: ${v.detail}`);
    });
  }
});
