/**
 * Runs every Dockerfile rule over the shared corpus: no crash, no error-severity finding, and every fix re-lints clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { language } from '../../server/src/languages/dockerfile';
import { runRules, applyFixesEverywhere } from './lint';

const corpus = process.env.SHIPSHAPE_CORPUS
  ? path.join(process.env.SHIPSHAPE_CORPUS, 'dockerfile')
  : path.resolve(__dirname, '../../..', '../shared/corpus/dockerfile');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

test('corpus: no error-severity finding on production Dockerfiles', { skip: !fs.existsSync(corpus) }, () => {
  const counts: Record<string, number> = {};
  const errors: string[] = [];
  for (const f of files(corpus)) {
    const text = fs.readFileSync(f, 'utf8');
    const findings = runRules(language, text, '/corpus/' + path.relative(corpus, f));
    for (const x of findings) {
      counts[x.code] = (counts[x.code] ?? 0) + 1;
      if (x.severity === 'error') errors.push(`${path.relative(corpus, f)}: ${x.code} ${x.message}`);
    }
  }
  if (process.env.SHOW_COUNTS) console.log(JSON.stringify(counts, null, 1));
  assert.deepEqual(errors, []);
});

test('corpus: every fix leaves a file that parses and no longer has that finding', {
  skip: !fs.existsSync(corpus),
}, () => {
  const problems: string[] = [];
  for (const f of files(corpus)) {
    const text = fs.readFileSync(f, 'utf8');
    const p = '/corpus/' + path.relative(corpus, f);
    const findings = runRules(language, text, p);
    const byRule = new Map<string, typeof findings>();
    for (const x of findings)
      if (x.fix || x.suggestions?.length) byRule.set(x.code, [...(byRule.get(x.code) ?? []), x]);
    for (const [code, fixable] of byRule) {
      const before = findings.filter((x) => x.code === code).length;
      const fixed = applyFixesEverywhere(text, fixable);
      const again = runRules(language, fixed.text, p, { files: fixed.files }).filter((x) => x.code === code);
      // every fixed place is gone: what is left is at most the findings that had no fix
      if (again.length > before - fixable.length)
        problems.push(
          `${path.relative(corpus, f)}: ${code} still reported after its fixes (${again.length} of ${before})`,
        );
    }
  }
  assert.deepEqual(problems, []);
});
