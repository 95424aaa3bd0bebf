/**
 * Conformance with the reference parser: for every .nix file of the corpus and of our fixtures
 * (including 100+ small broken inputs), we accept exactly what `nix-instantiate --parse` (Nix 2.8)
 * accepts, and when it rejects a file our first error is on the same line (for an undefined
 * variable: we report that same name). Skips when nix-instantiate or the files are absent.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { agree, hasNixInstantiate, ours, type Verdict } from './reference';

const run = promisify(execFile);
const REPO = path.resolve(
  __dirname,
  '..',
  '..',
  fs.existsSync(path.resolve(__dirname, '..', '..', 'package.json')) ? '' : '..',
);
const CORPUS = [path.resolve(REPO, '..', 'shared', 'corpus'), path.resolve(REPO, '..', '..', 'shared', 'corpus')].find(
  (d) => fs.existsSync(d),
);

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? walk(p) : p.endsWith('.nix') ? [p] : [];
  });
}

async function reference(files: string[]): Promise<Verdict> {
  try {
    await run('nix-instantiate', ['--store', 'dummy://', '--parse', '--log-format', 'internal-json', ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    return { ok: true };
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '');
    for (const l of stderr.split('\n')) {
      if (!l.startsWith('@nix ')) continue;
      const m = JSON.parse(l.slice(5));
      if (m.action === 'msg' && m.level === 0) {
        const msg = String(m.msg).replace(/\x1b\[[0-9;]*m/g, '');
        return {
          ok: false,
          line: m.line,
          message: msg.split('\n')[0],
          undefinedName: /undefined variable '([^']*)'/.exec(msg)?.[1],
        };
      }
    }
    return { ok: false, message: stderr.split('\n')[0] };
  }
}

const nixPresent = hasNixInstantiate();
const fixtures = [
  ...walk(path.join(REPO, 'test', 'fixtures', 'nix')),
  ...walk(path.join(REPO, 'test', 'fixtures', 'flake')),
];
const corpusFiles = CORPUS ? [...walk(path.join(CORPUS, 'nix')), ...walk(path.join(CORPUS, 'flake'))] : [];

test('we have at least 100 small broken inputs', () => {
  assert.ok(walk(path.join(REPO, 'test', 'fixtures', 'nix', 'broken')).length >= 100);
});

for (const [name, files] of [
  ['fixtures', fixtures],
  ['corpus', corpusFiles],
] as const) {
  test(`conformance with nix-instantiate --parse: ${name}`, {
    skip: !nixPresent ? 'nix-instantiate not installed' : files.length === 0 ? 'no files' : false,
    timeout: 600_000,
  }, async () => {
    const results: { file: string; ref: Verdict; us: ReturnType<typeof ours> }[] = [];
    // nix-instantiate parses several files in one run and stops at the first bad one: ask about
    // batches, and file by file only inside a batch that fails.
    const batches: string[][] = [];
    for (let i = 0; i < files.length; i += 40) batches.push(files.slice(i, i + 40));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const all = batch.length > 1 ? await reference(batch) : undefined;
        for (const file of batch) {
          if (!fs.existsSync(file)) continue; // the shared corpus may change under a long run
          const ref = all?.ok ? all : await reference([file]);
          results.push({ file, ref, us: ours(fs.readFileSync(file, 'utf8')) });
        }
      }
    };
    await Promise.all([worker(), worker()]);
    const bad = results.filter((r) => !agree(r.ref, r.us));
    const accepted = results.filter((r) => r.ref.ok).length;
    console.log(
      `${name}: ${results.length} files, nix accepts ${accepted}, agreed ` +
        `${results.length - bad.length}, disagreed ${bad.length}`,
    );
    assert.deepEqual(
      bad.map(
        (b) =>
          `${path.relative(REPO, b.file)}: nix ` +
          `${b.ref.ok ? 'ok' : `${b.ref.line}: ${b.ref.message}`} / ours ` +
          `${b.us.ok ? 'ok' : `${b.us.line}: ${b.us.message}`}`,
      ),
      [],
    );
  });
}
