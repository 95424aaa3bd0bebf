/**
 * The real compose files of the corpus (../shared/corpus/compose, beside the checkout) work in
 * production: no rule may call them erroneous, and no rule may crash on them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check, diskWorkspace } from './harness';
import { language } from '../../server/src/languages/compose';

const root = resolve(__dirname, '../../..');
const corpus = [resolve(root, '../shared/corpus/compose'), resolve(root, '../../shared/corpus/compose')].find((p) =>
  existsSync(p),
);
const severity = new Map(language.rules.map((r) => [r.meta.code, r.meta.defaultSeverity]));

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = resolve(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('compose corpus', { skip: !corpus && 'corpus not found beside the checkout' }, () => {
  it('no error-severity finding on working files; counts per code', (t) => {
    const files = yamlFiles(corpus!);
    assert.ok(files.length > 0);
    const counts: Record<string, number> = {};
    const errors: string[] = [];
    for (const f of files) {
      for (const x of check(readFileSync(f, 'utf8'), { path: f, workspace: diskWorkspace() })) {
        counts[x.code] = (counts[x.code] ?? 0) + 1;
        if (severity.get(x.code) === 'error')
          errors.push(`${f.slice(corpus!.length + 1)}:${x.line}: ${x.message} [${x.code}]`);
      }
    }
    t.diagnostic(
      `${files.length} files; ${Object.entries(counts)
        .sort()
        .map(([c, n]) => `${c}=${n}`)
        .join(' ')}`,
    );
    assert.deepEqual(errors, []);
  });
});
