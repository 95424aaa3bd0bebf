/** Golden files: test/fixtures/{nix,flake}/err/<case>.nix + .out (CLI text lines), and ok/ files with no finding. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { languages } from '../../server/src/links';
import { Service } from '../../server/src/service/service';
import { LineIndex } from '../../server/src/text/lines';

const REPO = path.resolve(
  __dirname,
  '..',
  '..',
  fs.existsSync(path.resolve(__dirname, '..', '..', 'package.json')) ? '' : '..',
);
const service = new Service(languages, {
  readFile: (p) => {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: (p) => fs.existsSync(p),
});

function findings(kind: 'nix' | 'flake', file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  const r = service.validate({ path: file, text, kind }, service.settingsFor(file, {}), { trusted: true });
  return r.findings
    .map((f) => {
      const p = lines.position(f.start);
      return `${path.basename(file)}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.message} [${f.code}]`;
    })
    .join('\n');
}

// err/ and ok/ are run by test/foundation/golden.test.ts; a flake that needs its flake.lock beside
// it lives in flake/locked/ (the generic runner would read the lock file as a flake).
test('flake golden: locked/flake.nix with its flake.lock has no finding', () => {
  assert.equal(findings('flake', path.join(REPO, 'test', 'fixtures', 'flake', 'locked', 'flake.nix')), '');
});
test('flake golden: the same flake without its lock is told to lock', () => {
  const file = path.join(REPO, 'test', 'fixtures', 'flake', 'locked', 'flake.nix');
  const text = fs.readFileSync(file, 'utf8');
  const r = service.validate(
    { path: '/elsewhere/flake.nix', text, kind: 'flake' },
    service.settingsFor('/elsewhere/flake.nix', {}),
    { trusted: true },
  );
  assert.deepEqual(
    r.findings.map((f) => `${f.code} ${f.severity}`),
    ['FL012 info'],
  );
});
