// Compares our Nix parser with `nix-instantiate --parse` on files (default: the corpus and our
// fixtures). Build first (npx tsc -b). Usage: node scripts/nix-conformance.mjs [files...]
// `--globals` instead regenerates server/src/languages/nix/data/globals.json (the names in scope at
// the top of a Nix file) by asking nix-instantiate about each builtin, with and without `__`.
import { readdirSync, readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { factsDate } from './lib/provenance.mjs';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
if (process.argv[2] === '--globals') {
  const nix = (args) => spawnSync('nix-instantiate', ['--store', 'dummy://', ...args], { encoding: 'utf8' });
  const builtins = JSON.parse(nix(['--eval', '--json', '-E', 'builtins.attrNames builtins']).stdout);
  const globals = new Set();
  for (const n of [
    ...builtins,
    'builtins',
    'true',
    'false',
    'null',
    '__nixPath',
    '__currentSystem',
    '__currentTime',
    '__storeDir',
    '__nixVersion',
    '__langVersion',
  ]) {
    for (const m of [n, `__${n}`]) if (nix(['--parse', '-E', m]).status === 0) globals.add(m);
  }
  const out = join(root, 'server/src/languages/nix/data/globals.json');
  const version = spawnSync('nix-instantiate', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const facts = {
    note:
      'Names in scope at the top of every Nix file (Nix 2.8): found by ' +
      'asking nix-instantiate --parse about each builtin name with and without the __ prefix ' +
      '(scripts/nix-conformance.mjs --globals).',
    source: version,
    globals: [...globals].sort(),
    builtins,
  };
  const { note, source, ...rest } = facts;
  const date = factsDate(out, facts, { ignore: ['source'] });
  writeFileSync(out, JSON.stringify({ note, source, date, ...rest }, null, 1));
  console.log(`wrote ${out}: ${globals.size} globals, ${builtins.length} builtins`);
  process.exit(0);
}
const { reference, ours, agree } = require(join(root, 'out/test/nix/reference.js'));
const walk = (d) =>
  existsSync(d)
    ? readdirSync(d).flatMap((f) => {
        const p = join(d, f);
        return statSync(p).isDirectory() ? walk(p) : p.endsWith('.nix') ? [p] : [];
      })
    : [];
const corpus =
  [resolve(root, '../shared/corpus'), resolve(root, '../../shared/corpus')].find((d) => existsSync(d)) ??
  resolve(root, '../shared/corpus');
let files = process.argv.slice(2);
if (!files.length)
  files = [
    ...walk(join(corpus, 'nix')),
    ...walk(join(corpus, 'flake')),
    ...walk(join(root, 'test/fixtures/nix')),
    ...walk(join(root, 'test/fixtures/flake')),
  ];
let agreed = 0,
  refOk = 0;
const bad = [];
for (const f of files) {
  const r = reference(f),
    u = ours(readFileSync(f, 'utf8'));
  if (r.ok) refOk++;
  if (agree(r, u)) agreed++;
  else bad.push({ f, r, u });
}
for (const b of bad)
  console.log(
    `${b.f}\n  nix:  ${b.r.ok ? 'ok' : `${b.r.line}: ${b.r.message}`}\n  ` +
      `ours: ${b.u.ok ? 'ok' : `${b.u.line}: ${b.u.message}`}`,
  );
console.log(`files ${files.length}, accepted by nix ${refOk}, agreed ${agreed}, disagreed ${bad.length}`);
