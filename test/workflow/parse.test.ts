import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWorkflow } from '../../server/src/languages/workflow/parse';
import { lint } from './lint';

test('the model keeps triggers, jobs, steps and expressions with offsets', () => {
  const text =
    'on: [push, pull_request]\njobs:\n  a:\n    runs-on: ubuntu-latest\n   ' +
    ' steps:\n      - id: s\n        run: echo ${{ github.sha }}\n        if: github.ref == ' +
    "'x'\n";
  const m = parseWorkflow(text);
  assert.deepEqual(
    m.triggers.map((t) => t.name),
    ['push', 'pull_request'],
  );
  assert.equal(m.jobs[0].id, 'a');
  assert.equal(m.jobs[0].steps[0].id?.value, 's');
  const [e1, e2] = m.expressions;
  assert.equal(text.slice(e1.outerStart, e1.outerEnd), '${{ github.sha }}');
  assert.equal(text.slice(e2.start, e2.end), "github.ref == 'x'");
  assert.ok(e2.isIf && !e2.wrapped);
});

test('aliases are resolved', () => {
  const m = parseWorkflow(
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: &s\n    ' +
      '  - id: x\n        run: echo\n  b:\n    runs-on: ubuntu-latest\n    steps: *s\n',
  );
  assert.equal(m.jobs[1].steps[0].id?.value, 'x');
});

test('block scalars keep exact expression offsets', () => {
  const text =
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n   ' +
    '       echo one\n          echo ${{ matrix.nope }}\n';
  const f = lint(text).find((x) => x.code === 'WF030');
  assert.ok(f);
  assert.equal(text.slice(f.start, f.end), 'nope');
  assert.equal(f.line, 8);
});

test('parse and every rule never throw on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      lint(s);
    }),
    { numRuns: 200 },
  );
  const pieces = [
    'on:',
    ' push',
    '\n',
    'jobs:',
    '  a:',
    '    runs-on: ',
    '${{ ',
    '}}',
    '- ',
    'steps:',
    'needs: [',
    'uses: ',
    '&a ',
    '*a',
    '{',
    '[',
    ':',
    "'",
    '"',
    'if: ',
    'with:',
    '      ',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      lint(parts.join(''));
    }),
    { numRuns: 300 },
  );
});
