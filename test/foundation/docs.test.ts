import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { generateDocs } from '../../server/src/docs/generate';
import { languages } from '../../server/src/languages';
import { REPO_ROOT } from '../helpers/context';

it('docs/rules is up to date with the rules (run `npm run docs`)', () => {
  const dir = path.join(REPO_ROOT, 'docs', 'rules');
  const pages = generateDocs();
  const onDisk = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  assert.deepEqual(onDisk, [...pages.keys()].sort(), 'the same set of pages');
  for (const [name, text] of pages)
    assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `${name} is stale`);
});

/**
 * The severity policy (error = the consumer rejects the file or the build/run/deploy fails; warning = a likely bug or
 * a real risk; info = practice and style): every rule says why it has its severity. Not yet: workflows (issue 15),
 * the cross-file rules moving to server/src/links/ and the .dockerignore rules (their files belong to other work).
 */
it('every rule page says why the rule has its severity', () => {
  const pending = new Set(['DF015', 'DF105', 'DI001', 'DI002', 'DI003']);
  const missing = languages
    .flatMap((l) => (l.kind === 'workflow' ? [] : l.rules))
    .filter((r) => !r.meta.code.startsWith('XF') && !pending.has(r.meta.code) && !r.meta.docs.severity?.trim())
    .map((r) => r.meta.code);
  assert.deepEqual(missing, []);
});
