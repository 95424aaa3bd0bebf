/**
 * Golden files: test/fixtures/compose/err/<case>.yml gives exactly the findings in <case>.yml.out
 * (`<case>.yml:line:col: severity message [CODE]`), and every ok/*.yml gives none.
 * UPDATE_GOLDEN=1 rewrites the .out files.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check, diskWorkspace } from './harness';
import { language } from '../../server/src/languages/compose';
import { LineIndex } from '../../server/src/text/lines';

const root = resolve(__dirname, '../../..');
const fixtures = resolve(root, 'test/fixtures/compose');
const severity = new Map(language.rules.map((r) => [r.meta.code, r.meta.defaultSeverity]));

export function goldenText(file: string): string {
  const text = readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  const name = file.slice(file.lastIndexOf('/') + 1);
  return check(text, { path: file, workspace: diskWorkspace() })
    .map((f) => { const p = lines.position(f.start); return `${name}:${p.line + 1}:${p.character + 1}: ${severity.get(f.code)} ${f.message} [${f.code}]`; })
    .join('\n') + '\n';
}

describe('compose golden files', () => {
  const errDir = resolve(fixtures, 'err');
  for (const name of readdirSync(errDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    it(`err/${name}`, () => {
      const actual = goldenText(resolve(errDir, name));
      const outFile = resolve(errDir, `${name}.out`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(outFile, actual);
      assert.ok(existsSync(outFile), `missing ${outFile} (run with UPDATE_GOLDEN=1)`);
      assert.notEqual(actual.trim(), '', 'an err/ case must give findings');
      assert.equal(actual, readFileSync(outFile, 'utf8'));
    });
  }
  const okDir = resolve(fixtures, 'ok');
  for (const name of readdirSync(okDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    it(`ok/${name} gives no finding`, () => assert.equal(goldenText(resolve(okDir, name)), '\n'));
  }
});
