/** Golden files: test/fixtures/{nix,flake}/err/<case>.nix + .out (CLI text lines), and ok/ files with no finding. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { languages } from '../../server/src/languages';
import { Service } from '../../server/src/service/service';
import { LineIndex } from '../../server/src/text/lines';

const REPO = path.resolve(__dirname, '..', '..', fs.existsSync(path.resolve(__dirname, '..', '..', 'package.json')) ? '' : '..');
const service = new Service(languages, { readFile: (p) => { try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; } }, exists: (p) => fs.existsSync(p) });

function findings(kind: 'nix' | 'flake', file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  const r = service.validate({ path: file, text, kind }, service.settingsFor(file, {}), { trusted: true });
  return r.findings.map((f) => { const p = lines.position(f.start); return `${path.basename(file)}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.message} [${f.code}]`; }).join('\n');
}

for (const kind of ['nix', 'flake'] as const) {
  const err = path.join(REPO, 'test', 'fixtures', kind, 'err');
  for (const f of fs.existsSync(err) ? fs.readdirSync(err).filter((x) => x.endsWith('.nix')) : []) {
    test(`${kind} golden: err/${f}`, () => {
      assert.equal(findings(kind, path.join(err, f)) + '\n', fs.readFileSync(path.join(err, f + '.out'), 'utf8'));
    });
  }
  const ok = path.join(REPO, 'test', 'fixtures', kind, 'ok');
  for (const f of fs.existsSync(ok) ? fs.readdirSync(ok).filter((x) => x.endsWith('.nix')) : []) {
    test(`${kind} golden: ok/${f} has no finding`, () => assert.equal(findings(kind, path.join(ok, f)), ''));
  }
}
