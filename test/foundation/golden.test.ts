/**
 * Golden files for every kind: `test/fixtures/<kind>/err/<case>` with `<case>.out` holding the
 * findings in the CLI's text format (`<case>:line:col: severity message [CODE]`), and
 * `test/fixtures/<kind>/ok/**` files that must give no finding. The kind comes from the folder,
 * so fixture names need not look like real paths. UPDATE_GOLDEN=1 rewrites the .out files
 * (review the diff before committing).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DOCUMENT_KINDS, type DocumentKind, type Settings } from '../../server/src/engine/types';
import { languages } from '../../server/src/links';
import { nodeFileSystem } from '../../server/src/node-fs';
import { Service } from '../../server/src/service/service';
import { REPO_ROOT } from '../helpers/context';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
const service = new Service(languages, nodeFileSystem);

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(full));
    else if (!e.name.endsWith('.out') && !e.name.endsWith('.md')) out.push(full);
  }
  return out.sort();
}

export function goldenText(
  file: string,
  kind: DocumentKind,
  relativeTo: string,
  overrides: Partial<Settings> = {},
): string {
  const text = fs.readFileSync(file, 'utf8');
  const p = file.split(path.sep).join('/');
  const r = service.validate({ path: p, text, kind }, service.settingsFor(p, overrides), { trusted: false });
  const rel = path.relative(relativeTo, file).split(path.sep).join('/');
  return r.findings
    .map((f) => {
      const pos = r.lines.position(f.start);
      return `${rel}:${pos.line + 1}:${pos.character + 1}: ${f.severity} ${f.message} [${f.code}]\n`;
    })
    .join('');
}

for (const kind of DOCUMENT_KINDS) {
  const err = path.join(FIXTURES, kind, 'err');
  const ok = path.join(FIXTURES, kind, 'ok');
  const errFiles = files(err).filter((f) => fs.existsSync(f + '.out') || process.env.UPDATE_GOLDEN);
  const okFiles = files(ok);
  if (!errFiles.length && !okFiles.length) continue;
  describe(`golden ${kind}`, () => {
    for (const file of errFiles) {
      it(`err/${path.relative(err, file)}`, () => {
        const actual = goldenText(file, kind, err);
        if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file + '.out', actual);
        const expected = fs.readFileSync(file + '.out', 'utf8');
        assert.ok(expected.trim().length > 0, 'an err/ case expects at least one finding');
        assert.equal(actual, expected);
      });
    }
    for (const file of okFiles) {
      it(`ok/${path.relative(ok, file)}`, () => {
        // ok/ files are what the consumer accepts, written as practice says; whether a choice they make on purpose
        // (host networking, an installer piped to sh) is a risk is the security group's, which its table tests judge.
        assert.equal(goldenText(file, kind, ok, { security: 'off' }), '');
      });
    }
  });
}
