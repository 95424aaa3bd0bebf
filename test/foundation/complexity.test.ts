/**
 * Every matcher, scanner and parser is linear in its input: each case of complexity-cases.ts
 * doubles its input three times and fails when the time grows faster than 2.5× per doubling (in
 * ratios within one run), when it does not finish, or when it runs out of memory.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it, before } from 'node:test';
import { measureCases, type Verdict } from '../helpers/complexity';
import { CASES } from './complexity-cases';

const MODULE = path.join(__dirname, 'complexity-cases.js');
// COMPLEXITY_ONLY=substring runs some cases; COMPLEXITY_DEADLINE=ms bounds one size (default 30 s)
const only = process.env.COMPLEXITY_ONLY;
const names = Object.keys(CASES).filter((n) => !only || n.includes(only));

describe('complexity: time grows linearly with the input', () => {
  let verdicts: Map<string, Verdict>;
  before(async () => {
    verdicts = await measureCases(MODULE, names, Number(process.env.COMPLEXITY_DEADLINE) || undefined);
  });
  for (const name of names) {
    it(name, (t) => {
      const v = verdicts.get(name)!;
      t.diagnostic(v.detail);
      assert.ok(v.ok, `${name}, doubling ${CASES[name].doubles}: ${v.detail}`);
    });
  }
});
