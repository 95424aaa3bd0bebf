// Our duplicate-key check (server/src/yaml/unique-keys.ts) gives the errors yaml's quadratic
// `uniqueKeys: true` gives: same code, message and position, on generated YAML that is otherwise valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { addDuplicateKeyErrors } from '../../server/src/yaml/unique-keys';
import { COMPOSE_YAML } from '../../server/src/languages/compose/parse';

// (in a broken document yaml's own errors are not in text order: the order may differ there)
const errors = (doc: { errors: { code: string; message: string; pos: [number, number] }[] }) =>
  doc.errors.map((e) => JSON.stringify([e.code, e.message, e.pos])).sort();

test('duplicate keys: the same errors as yaml, for compose and workflow options', () => {
  const key = fc.constantFrom(
    'a',
    'b',
    '"a"',
    "'a'",
    '1',
    '"1"',
    '01',
    '0x1',
    'null',
    '~',
    '',
    '.nan',
    '<<',
    '&x a',
    '!!str a',
    '*x',
    '? a',
    '[a]',
    '{a: 1}',
  );
  // (no empty value: after `a: ` with a trailing space yaml puts the duplicate on that space, we put it on the key)
  const value = fc.constantFrom('1', 'x', '&x v', '*x', '{a: 1, a: 2}', '[a, b]', '{a, b, a}', '{}', '# c');
  const line = fc.tuple(fc.constantFrom('', '  ', '- ', '  - '), key, value).map(([i, k, v]) => `${i}${k}: ${v}`);
  for (const options of [{ ...COMPOSE_YAML }, { uniqueKeys: true, prettyErrors: false, strict: true }]) {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = lines.join('\n') + '\n';
        const theirs = parseDocument(text, { ...options, uniqueKeys: true });
        // where yaml also reports a broken structure, its duplicate-key offsets follow its recovery: not compared
        if (theirs.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return;
        const ours = parseDocument(text, { ...options, uniqueKeys: false });
        addDuplicateKeyErrors(ours, text);
        assert.deepEqual(errors(ours), errors(theirs), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 22 },
    );
  }
});

test('parseYamlValue: the value yaml.parse gives, and its error on a duplicate key', async () => {
  const { parse } = await import('yaml');
  const { parseYamlValue } = await import('../../server/src/yaml/unique-keys.js');
  for (const text of ['a: 1\nb: [x, {c: d}]\n', 'x: &a {k: 1}\ny: *a\n', '', '- 1\n- 2\n'])
    assert.deepEqual(parseYamlValue(text), parse(text));
  assert.throws(() => parseYamlValue('a: 1\na: 2\n'), /Map keys must be unique/);
  // 100,000 keys: yaml's own check took over 30 s
  const many = Array.from({ length: 100000 }, (_, i) => `R${i}: off`).join('\n');
  const t0 = performance.now();
  assert.equal(Object.keys(parseYamlValue(`rules:\n  ${many.replaceAll('\n', '\n  ')}\n`) as object).length, 1);
  assert.ok(performance.now() - t0 < 10000);
});
