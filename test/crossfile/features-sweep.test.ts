/**
 * Every editor feature at every offset of every file of the workspace fixtures (and of examples/),
 * with the other files in the index: hover, definition, completion and rename never fail (the
 * service logs a failing feature instead of answering; this test fails on any such log), and the
 * rename edits only ever touch files of the workspace.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { languages } from '../../server/src/links';
import { Service } from '../../server/src/service/service';
import { detectKind } from '../../server/src/service/detect';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { memoryFs, REPO_ROOT } from '../helpers/context';

function readTree(root: string, base: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(f);
      } else if (e.name !== 'expected.txt' && fs.statSync(f).size < 200_000)
        out[`${base}/${path.relative(root, f).split(path.sep).join('/')}`] = fs.readFileSync(f, 'utf8');
    }
  };
  walk(root);
  return out;
}

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces');
const workspaces: [string, string][] = [
  ...fs.readdirSync(FIXTURES).map((c): [string, string] => [c, path.join(FIXTURES, c)]),
  ['examples', path.join(REPO_ROOT, 'examples')],
];

for (const [name, dir] of workspaces) {
  test(`features at every offset never fail: ${name}`, () => {
    const files = readTree(dir, '/ws');
    const errors: string[] = [];
    const service = new Service(languages, memoryFs(files), (m) => errors.push(m));
    let calls = 0;
    for (const [p, text] of Object.entries(files)) {
      const kind = detectKind(p, text);
      if (!kind) continue;
      const doc = { path: p, text, kind };
      const step = Math.max(1, Math.floor(text.length / 400));
      for (let o = 0; o <= text.length; o += step) {
        service.hover(doc, o, DEFAULT_SETTINGS);
        service.definition(doc, o, DEFAULT_SETTINGS);
        service.complete(doc, o, DEFAULT_SETTINGS);
        for (const r of service.rename(doc, o, 'renamed', DEFAULT_SETTINGS) ?? [])
          assert.ok(r.path in files, `a rename edits ${r.path}, outside the workspace`);
        calls += 4;
      }
    }
    assert.ok(calls > 0);
    assert.deepEqual(errors, []);
  });
}
