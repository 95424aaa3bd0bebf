/**
 * Workspace fixtures: `test/fixtures/workspaces/<case>/` holds a small repository and `expected.txt`,
 * the cross-file findings (XFxxx) of every file in it, both sides of each link, with the related
 * location in the other file: `path:line:col: severity message [CODE] -> other:line:col`.
 * `SHIPSHAPE_UPDATE=1` rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/text/lines';
import { detectKind } from '../../server/src/service/detect';
import { memoryService, REPO_ROOT } from '../helpers/context';

const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces');

function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (f !== path.join(root, 'expected.txt'))
        out[path.relative(root, f).split(path.sep).join('/')] = fs.readFileSync(f, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** The XF findings of every infra file of a fixture workspace, as text lines. */
function crossFileFindings(files: Record<string, string>, base = '/ws'): string[] {
  const abs = Object.fromEntries(Object.entries(files).map(([p, t]) => [`${base}/${p}`, t]));
  const service = memoryService(abs);
  const lines: string[] = [];
  for (const [p, text] of Object.entries(abs).sort(([a], [b]) => a.localeCompare(b))) {
    const kind = detectKind(p, text);
    if (!kind) continue;
    const r = service.validate({ path: p, text, kind }, service.settingsFor(p), { trusted: true });
    for (const f of r.findings.filter((x) => x.code.startsWith('XF'))) {
      const at = r.lines.position(f.start);
      let line =
        `${p.slice(base.length + 1)}:${at.line + 1}:${at.character + 1}: ` + `${f.severity} ${f.message} [${f.code}]`;
      for (const rel of f.related ?? []) {
        const other = abs[rel.path];
        const pos = other === undefined ? undefined : new LineIndex(other).position(rel.start);
        line += ` -> ${rel.path.slice(base.length + 1)}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ''}`;
      }
      lines.push(line);
    }
  }
  return lines;
}

describe('cross-file workspace fixtures', () => {
  for (const name of fs.existsSync(DIR) ? fs.readdirSync(DIR).sort() : []) {
    it(name, () => {
      const root = path.join(DIR, name);
      const actual = crossFileFindings(readTree(root)).join('\n') + '\n';
      const expectedFile = path.join(root, 'expected.txt');
      if (process.env.SHIPSHAPE_UPDATE === '1') fs.writeFileSync(expectedFile, actual);
      assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
