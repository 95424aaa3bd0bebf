/** The real workflows of ../shared/corpus/workflow: parse never throws, and error findings are only the known ones. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, lint } from './lint';

/**
 * Error findings that are real mistakes, by file: two templates whose `{{ ... }}` placeholders make a mapping key
 * GitHub's YAML reader refuses, and a job on ubuntu-18.04, an image GitHub retired in 2023.
 */
const KNOWN_ERRORS: Record<string, string[]> = {
  'actions__starter-workflows/code-scanning__nowsecure.yml': ['WF000'],
  'actions__starter-workflows/code-scanning__nowsecure-mobile-sbom.yml': ['WF000'],
  'actions__starter-workflows/code-scanning__neuralegion.yml': ['WF038'],
};

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name)) : /\.ya?ml$/.test(d.name) ? [path.join(dir, d.name)] : [],
    );
}

test('corpus: only the known error findings', { skip: !fs.existsSync(CORPUS) && 'corpus folder absent' }, () => {
  const unexpected: string[] = [];
  for (const file of walk(CORPUS)) {
    const rel = path.relative(CORPUS, file);
    const findings = lint(fs.readFileSync(file, 'utf8'), { path: `/repo/.github/workflows/${path.basename(file)}` });
    const errors = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))];
    assert.deepEqual(
      errors,
      KNOWN_ERRORS[rel] ?? [],
      `${rel}: ${findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.line}: ${f.message}`)
        .join('; ')}`,
    );
    void unexpected;
  }
});
