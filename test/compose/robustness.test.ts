import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { check, featureAt } from './harness';
import { language } from '../../server/src/languages/compose';

const root = resolve(__dirname, '../../..');

describe('compose robustness', () => {
  it('parse, rules and features never throw on arbitrary text', () => {
    const pieces = [
      'services:',
      '\n',
      '  ',
      '    ',
      'web:',
      'image: x',
      '- ',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ':',
      '&a ',
      '*a',
      '<<: *a',
      '${',
      '$$',
      'depends_on:',
      'ports:',
      '"80:80"',
      'build: .',
      'target: x',
      '#',
      '\t',
      'volumes:',
      'healthcheck:',
      'test: ',
      'x-',
      '---\n',
      '!!binary ',
      '? ',
      '|\n',
      '>-\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(200), (parts, at) => {
        const text = parts.join('');
        check(text);
        const { ctx } = featureAt(text);
        const o = Math.min(at, text.length);
        language.complete!(ctx, o);
        language.hover!(ctx, o);
        language.definition!(ctx, o);
        language.rename!(ctx, o, 'n');
        language.symbols!(ctx);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
  it('an alias loop or a merge of a non-mapping does not hang or throw', () => {
    check('x: &a\n  <<: *a\nservices:\n  web:\n    <<: [*a, 1]\n    image: nginx:1.27\n');
    check('services:\n  web: &w\n    image: nginx:1.27\n    depends_on: *w\n');
  });
  it('spec.json is what the generator makes from the reference schema', { skip: false }, () => {
    try {
      execFileSync(process.execPath, [resolve(root, 'scripts/gen-compose-model.mjs'), '--check'], { stdio: 'pipe' });
    } catch (e: any) {
      if (e.status === 2) return; // reference schema absent beside the checkout: nothing to compare
      assert.fail(String(e.stderr));
    }
  });
});
