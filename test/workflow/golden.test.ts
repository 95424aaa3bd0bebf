/**
 * Golden files: every `err/<case>.yml` gives exactly the findings in `<case>.yml.out`
 * (`path:line:col: severity message [CODE]`, path relative to the fixture folder), and every `ok/`
 * file gives none. `UPDATE_GOLDEN=1` rewrites the .out files (review the diff before committing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from './lint';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/workflow');

function render(rel: string): string {
  const text = fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
  return lint(text, { path: `/repo/.github/workflows/${path.basename(rel)}` }).map((f) => `${rel}:${f.line}:${f.column}: ${f.severity} ${f.message} [${f.code}]\n`).join('');
}

for (const name of fs.readdirSync(path.join(FIXTURES, 'err')).filter((f) => /\.ya?ml$/.test(f))) {
  test(`golden err/${name}`, () => {
    const rel = `err/${name}`;
    const actual = render(rel);
    const outFile = path.join(FIXTURES, `${rel}.out`);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(outFile, actual);
    assert.ok(actual.length > 0, 'an err/ fixture must give findings');
    assert.equal(actual, fs.readFileSync(outFile, 'utf8'));
  });
}

for (const name of fs.readdirSync(path.join(FIXTURES, 'ok')).filter((f) => /\.ya?ml$/.test(f))) {
  test(`golden ok/${name}`, () => assert.equal(render(`ok/${name}`), ''));
}
