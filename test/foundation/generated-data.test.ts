/**
 * Data that stays current: every generated fact file is what its generator makes of its source today
 * (`npm run refresh-data -- --check` changes nothing and fails on a difference), and every data file the checks read
 * records its source and date, which `shipshape --version` prints.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DATA_SOURCES, dataSourcesText } from '../../server/src/service/data-sources';
import { REPO_ROOT } from '../helpers/context';

function dataFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json') && path.basename(dir) === 'data') out.push(p);
    }
  };
  walk(path.join(REPO_ROOT, 'server', 'src'));
  return [...out, path.join(REPO_ROOT, 'data-src', 'images.json')].sort();
}

test('every generated file is what its generator produces from its source (npm run refresh-data -- --check)', () => {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'refresh-data.mjs'), '--check'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

test('every data file records its source and date', () => {
  const files = dataFiles();
  assert.ok(files.length >= 10, files.join(', '));
  for (const f of files) {
    const d = JSON.parse(fs.readFileSync(f, 'utf8'));
    const rel = path.relative(REPO_ROOT, f);
    assert.equal(typeof d.source, 'string', `${rel}: source`);
    assert.ok(d.source.length > 5, `${rel}: source`);
    assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/, `${rel}: date`);
  }
});

test('shipshape --version lists every data file the checks read', () => {
  const sources = new Set(DATA_SOURCES.map((d) => `${d.source} ${d.date}`));
  for (const f of dataFiles().filter((f) => !f.includes(`${path.sep}data-src${path.sep}`))) {
    const d = JSON.parse(fs.readFileSync(f, 'utf8'));
    assert.ok(sources.has(`${d.source} ${d.date}`), `${path.relative(REPO_ROOT, f)} is not in DATA_SOURCES`);
  }
  assert.match(dataSourcesText(), /compose schema +\d{4}-\d{2}-\d{2} +compose-spec\/compose-go/);
});

test('shipshape --version prints the version, then each data source with its date', {
  skip: !fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js')) && 'dist/cli.js not built (npm run build)',
}, () => {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^\d+\.\d+\.\d+$/);
  assert.equal(lines[1], 'data:');
  assert.equal(lines.length, 2 + DATA_SOURCES.length);
  assert.match(r.stdout, /ECS limits +\d{4}-\d{2}-\d{2} +Amazon ECS/);
});
