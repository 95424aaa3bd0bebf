/** .dockerignore: the matcher (Docker's semantics), the rules, completions and hovers. */
import { createOnce } from '../../server/src/engine/once';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerignore, isExcluded } from '../../server/src/languages/dockerignore/patterns';
import { language } from '../../server/src/languages/dockerignore';
import { language as dockerfile } from '../../server/src/languages/dockerfile';
import { testRule } from '../helpers/rule-tester';
import { LineIndex } from '../../server/src/text/lines';

const ex = (patterns: string, path: string) => isExcluded(parseDockerignore(patterns), path).excluded;

test('matcher: Docker semantics', () => {
  assert.equal(ex('node_modules', 'node_modules/a/b.js'), true);
  assert.equal(ex('*.md', 'README.md'), true);
  assert.equal(ex('*.md', 'docs/a.md'), false, '* does not cross folders');
  assert.equal(ex('**/*.md', 'docs/a.md'), true);
  assert.equal(ex('**/*.md', 'a.md'), true, '**/ also matches zero folders');
  assert.equal(ex('/build', 'build/x'), true, 'a leading / is dropped');
  assert.equal(ex('./dist', 'dist'), true);
  assert.equal(ex('*.md\n!README.md', 'README.md'), false, 'the last match wins');
  assert.equal(ex('!README.md\n*.md', 'README.md'), true);
  assert.equal(ex('# comment\n\n  .git  ', '.git/config'), true);
  assert.equal(ex('te?t', 'test'), true);
  assert.equal(ex('[a-c]x', 'bx'), true);
  assert.equal(ex('docs', 'docsx'), false);
});

test('matcher: malformed patterns carry an error and match nothing', () => {
  const m = parseDockerignore('[a-\nok\nx\\');
  assert.ok(m.patterns[0].error);
  assert.ok(!m.patterns[1].error);
  assert.ok(m.patterns[2].error);
});

const r = (code: string) => language.rules.find((x) => x.meta.code === code)!;
const langs = [language, dockerfile];

testRule(language, r('DI001'), {
  valid: [{ code: '.git\n**/*.pyc\n!keep\n[abc]*', path: '/w/.dockerignore' }],
  invalid: [{ code: '.git\nsrc/[z-a]\n', path: '/w/.dockerignore', errors: [{ messageId: 'invalid', line: 2 }] }],
});

// DI002 reads the sibling Dockerfile through the workspace: the tester's workspace parses both kinds.
import { runRules } from '../dockerfile/lint';
test('DI002 excludes-build-input: reports a pattern that excludes a COPY source, with a re-include fix', () => {
  const files = { '/w/Dockerfile': 'FROM a:1\nCOPY config/app.yaml /etc/app/\nCOPY Dockerfile /x\n' };
  const text = '.git\nconfig\nDockerfile\n';
  const found = runRules(language, text, '/w/.dockerignore', { files, languages: langs, rules: [r('DI002')] });
  assert.deepEqual(
    found.map((f) => [f.messageId, new LineIndex(text).position(f.start).line + 1]),
    [
      ['source', 2],
      ['source', 3],
    ],
  );
  assert.equal(found[0].fix!.edits[0].newText, '!config/app.yaml\n');
  assert.deepEqual(
    runRules(language, '.git\n', '/w/.dockerignore', { files, languages: langs, rules: [r('DI002')] }),
    [],
  );
  assert.deepEqual(
    runRules(language, 'config\n', '/w/.dockerignore', { languages: langs, rules: [r('DI002')] }),
    [],
    'no Dockerfile, nothing to say',
  );
});

testRule(language, r('DI003'), {
  valid: [
    { code: '*.md\n!README.md\n', path: '/w/.dockerignore' },
    { code: 'docs\n!docs/keep/**\n', path: '/w/.dockerignore' },
  ],
  invalid: [
    {
      code: '!README.md\n*.md\n',
      path: '/w/.dockerignore',
      errors: [{ messageId: 'overridden', line: 1 }],
      output: '*.md\n!README.md\n',
    },
    { code: '.git\n!README.md\n', path: '/w/.dockerignore', errors: [{ messageId: 'nothingExcluded', line: 2 }] },
  ],
});

test('completions offer common entries not yet present', () => {
  const text = '.git\n';
  const items = language.complete!(
    {
      path: '/w/.dockerignore',
      kind: 'dockerignore',
      text,
      lines: new LineIndex(text),
      model: language.parse(text, ''),
      workspace: undefined as never,
      settings: { rules: {} },
      once: createOnce(),
    },
    text.length,
  );
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('node_modules'));
  assert.ok(!labels.includes('.git'));
});

test('hover explains a pattern', () => {
  const text = '**/*.pyc\n!keep.md\n';
  const ctx = {
    path: '/w/.dockerignore',
    kind: 'dockerignore' as const,
    text,
    lines: new LineIndex(text),
    model: language.parse(text, ''),
    workspace: undefined as never,
    settings: { rules: {} },
    once: createOnce(),
  };
  const h = language.hover!(ctx, 2)!;
  assert.match(h.markdown, /Excludes[\s\S]*any folder/);
  assert.match(language.hover!(ctx, 11)!.markdown, /Re-includes/);
});
