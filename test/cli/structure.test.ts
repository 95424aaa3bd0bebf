/** Where the CLI sits: nothing imports its entry file, and it reaches the layers below only through their exports. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

const SRC = path.join(REPO_ROOT, 'server', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/g)]
    .map((m) => m[1] ?? m[2])
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s));
}

it('no module imports cli.ts (the entry point); cli/ uses no LSP glue', () => {
  const entry = path.join(SRC, 'cli');
  for (const file of sources(SRC)) {
    for (const target of imports(file)) {
      assert.notEqual(target, entry, `${path.relative(SRC, file)} imports cli.ts`);
      if (file.startsWith(entry + path.sep)) {
        const rel = path.relative(SRC, target).split(path.sep)[0];
        assert.ok(!['lsp', 'server', 'node-fs'].includes(rel), `${path.relative(SRC, file)} imports ${rel}`);
      }
    }
  }
});
