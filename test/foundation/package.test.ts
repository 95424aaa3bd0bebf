/**
 * What the .vsix ships: the bundles, snippets, schemas, grammars, docs, README, LICENSE, CHANGELOG
 * and the icon, nothing else (`vsce ls` lists exactly what `npm run package` puts in it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^media\/(icon|screenshot)\.png$/,
  /^dist\/(extension|server|cli|aws)\.js$/,
  /^snippets\/[\w-]+\.json$/,
  /^schemas\/[\w.-]+\.json$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^language-configuration\/[\w-]+\.json$/,
  /^docs\/rules\/[\w]+\.md$/,
];
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'media/icon.png',
  'media/screenshot.png', // the README shows it, and the Marketplace page is the README
  'dist/extension.js',
  'dist/server.js',
  'dist/cli.js',
  'dist/aws.js',
  'schemas/ecs-task-definition.schema.json',
  'syntaxes/nix.tmLanguage.json',
  'docs/rules/README.md',
];

it('the .vsix holds dist, snippets, schemas, grammars and docs only', { timeout: 120_000 }, () => {
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['ls', '--no-dependencies'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
  assert.deepEqual(unexpected, [], 'files that should not ship');
  for (const f of REQUIRED) assert.ok(files.includes(f), `${f} ships`);
  assert.ok(
    files.some((f) => f.startsWith('snippets/')),
    'snippets ship',
  );
  // Every local image the README shows ships with it (else the extension page shows a broken image).
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  for (const m of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(m[1]!)) continue;
    assert.ok(files.includes(m[1]!.replace(/^\.\//, '')), `${m[1]} (shown in the README) ships`);
  }
  const size = files.reduce((n, f) => n + fs.statSync(path.join(REPO_ROOT, f)).size, 0);
  assert.ok(
    size < 6 * 1024 * 1024,
    `unpacked size ${size} bytes stays small (the zipped .vsix is about a sixth of it)`,
  );
});
