import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { generateDocs } from '../../server/src/docs/generate';
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
