// What the README says about the editor matches the code: the table of editor features per kind is the
// language registry's, and the commands of its opening exist.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { languages } from '../../server/src/links';
import { REPO_ROOT } from '../helpers/context';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const KIND_NAMES: Record<string, string> = {
  dockerfile: 'Dockerfile',
  dockerignore: '.dockerignore',
  compose: 'compose',
  workflow: 'workflow',
  taskdef: 'task definition',
  flake: 'flake',
  nix: 'Nix',
};
const FEATURES = ['complete', 'hover', 'symbols', 'definition', 'rename'] as const;

it("the README's table of editor features per kind is what each language provides", () => {
  const want = languages.map((l) => {
    const cells = FEATURES.map((f) => (typeof l[f] === 'function' ? 'yes' : '—'));
    return `| ${KIND_NAMES[l.kind] ?? l.kind} | ${cells.join(' | ')} |`;
  });
  const header = '| kind | completions | hover | document symbols | go to definition | rename |';
  const at = readme.indexOf(header);
  assert.ok(at >= 0, 'the table is in the README');
  const rows = readme
    .slice(at)
    .split('\n')
    .slice(2)
    .filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')));
  assert.deepEqual(rows, want);
  assert.doesNotMatch(readme, /go to definition work in every kind/);
});

it('the npm scripts the README names exist', () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  for (const m of readme.matchAll(/(?:^|`|&& )npm (?:run )?([a-z0-9:]+)/gm)) {
    if (['ci', 'install', 'run', 'pack', 'exec'].includes(m[1]!)) continue; // npm's own commands
    assert.ok(scripts[m[1]!], `npm ${m[1]} (in the README) is a script of package.json`);
  }
});
