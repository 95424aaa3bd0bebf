/**
 * The registries are complete: every rule file under a language's `rules/` folder (and `links/rules/`) is registered,
 * so a new rule cannot be written and silently never run. Codes and ids are unique across kinds.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Rule } from '../../server/src/engine/types';
import { languages } from '../../server/src/links';
import { REPO_ROOT } from '../helpers/context';

const SRC = path.join(REPO_ROOT, 'server', 'src');
const OUT = path.join(REPO_ROOT, 'out', 'server', 'src');

function ruleFolders(): string[] {
  const out = [path.join('links', 'rules')];
  for (const lang of fs.readdirSync(path.join(SRC, 'languages'))) {
    const dir = path.join('languages', lang, 'rules');
    if (fs.existsSync(path.join(SRC, dir))) out.push(dir);
  }
  return out;
}

test('every rule file is registered in its language (or in links/)', () => {
  const registered = new Set<Rule>(languages.flatMap((l) => l.rules));
  const missing: string[] = [];
  for (const dir of ruleFolders()) {
    for (const file of fs.readdirSync(path.join(SRC, dir))) {
      if (!file.endsWith('.ts') || file === 'index.ts') continue;
      const mod = require(path.join(OUT, dir, file.replace(/\.ts$/, '.js'))) as Record<string, unknown>;
      const rules = Object.values(mod).filter(
        (v): v is Rule => !!v && typeof v === 'object' && 'meta' in v && 'check' in v,
      );
      if (!rules.length) missing.push(`${dir}/${file}: exports no rule`);
      for (const r of rules) if (!registered.has(r)) missing.push(`${dir}/${file}: ${r.meta.code} is not registered`);
    }
  }
  assert.deepEqual(missing, []);
});

test('rule codes and ids are unique across kinds', () => {
  const byCode = new Map<string, Rule>();
  const byId = new Map<string, Rule>();
  for (const r of languages.flatMap((l) => l.rules)) {
    const c = byCode.get(r.meta.code);
    assert.ok(!c || c === r, `code ${r.meta.code} used twice`);
    byCode.set(r.meta.code, r);
    const i = byId.get(r.meta.id);
    assert.ok(!i || i === r, `id ${r.meta.id} used twice (${i?.meta.code}, ${r.meta.code})`);
    byId.set(r.meta.id, r);
  }
});
