import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression, type Expr } from '../../server/src/languages/workflow/expr/parser';
import { checkFormat } from '../../server/src/languages/workflow/expr/check';
import { propertyChainAtEnd, identifierAtEnd } from '../../server/src/languages/workflow/features/complete';
import { setOutputLine } from '../../server/src/languages/workflow/rules/deprecated-commands';
import fc from 'fast-check';

function show(e: Expr): string {
  switch (e.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return String(e.value);
    case 'number':
      return String(e.value);
    case 'string':
      return `'${e.value}'`;
    case 'var':
      return e.name;
    case 'prop':
      return `${show(e.object)}.${e.name}`;
    case 'index':
      return `${show(e.object)}[${show(e.index)}]`;
    case 'filter':
      return `${show(e.object)}.*`;
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
    case 'not':
      return `!${show(e.operand)}`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}
const parse = (s: string) => {
  const r = parseExpression(s);
  if (!r.expr) throw new Error(r.error?.message);
  return show(r.expr);
};

test('precedence: || below && below == below < below !', () => {
  assert.equal(parse('a || b && c'), '(a || (b && c))');
  assert.equal(parse('a == b && c != d'), '((a == b) && (c != d))');
  assert.equal(parse('a < 1 == true'), '((a < 1) == true)');
  assert.equal(parse('!a && b'), '(!a && b)');
  assert.equal(parse('!(a || b)'), '!(a || b)');
});

test('property, index, filters and calls', () => {
  assert.equal(parse("github.event['pull_request'].head.ref"), "github.event['pull_request'].head.ref");
  assert.equal(parse('github.event.commits.*.message'), 'github.event.commits.*.message');
  assert.equal(parse('steps.my-step.outputs.x'), 'steps.my-step.outputs.x');
  assert.equal(parse("contains(fromJSON('[1,2]'), 1)"), "contains(fromJSON('[1,2]'), 1)");
  assert.equal(parse('a[*].b'), 'a.*.b');
});

test('literals: strings with doubled quotes, numbers, booleans, null', () => {
  assert.equal(parse("'it''s'"), "'it's'");
  assert.equal(parse('-1.5e2'), '-150');
  assert.equal(parse('0xff'), '255');
  assert.equal(parse('true && null'), '(true && null)');
});

test('syntax errors carry offsets', () => {
  const cases: [string, RegExp, number][] = [
    ['a = b', /use ==/, 2],
    ['"x"', /single quotes/, 0],
    ["'open", /unterminated/, 0],
    ['a.', /property name is missing/, 2],
    ['f(a', /expected "\)"/, 3],
    ['a b', /unexpected "b"/, 2],
    ['', /empty/, 0],
  ];
  for (const [src, re, at] of cases) {
    const r = parseExpression(src);
    assert.ok(r.error, src);
    assert.match(r.error!.message, re, src);
    assert.equal(r.error!.start, at, src);
  }
});

test('format placeholders are counted', () => {
  const msgs: string[] = [];
  checkFormat('{0} {1}', 2, (m) => msgs.push(m));
  checkFormat('{{0}} {0}', 1, (m) => msgs.push(m));
  assert.equal(msgs.length, 0);
  checkFormat('{0} {2}', 2, (m) => msgs.push(m));
  checkFormat('{0}', 2, (m) => msgs.push(m));
  checkFormat('{0', 1, (m) => msgs.push(m));
  assert.equal(msgs.length, 3);
});

test('depth limit: an expression nested past it is an error, not a stack overflow', () => {
  for (const src of [
    '('.repeat(10000) + '1' + ')'.repeat(10000),
    '!'.repeat(10000) + '1',
    '1' + ' && 1'.repeat(100000),
  ]) {
    const r = parseExpression(src);
    assert.equal(r.expr, undefined);
    assert.match(r.error!.message, /nests more than 500 levels deep/);
  }
  assert.ok(parseExpression('(' + '1 && '.repeat(400) + '1)').expr);
});

test('completion reads the property chain and the word at the end as its regular expressions did', () => {
  const chain = /((?:[A-Za-z_][\w-]*)(?:\.(?:[A-Za-z_][\w-]*|\*))*)\.([\w-]*)$/;
  const ident = /([A-Za-z_][\w-]*)?$/;
  const part = fc.constantFrom('a', 'B', '_', '1', '-', '.', '*', ' ', '(', 'ab', '.*', 'x1');
  fc.assert(
    fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
      const s = parts.join('');
      const m = chain.exec(s);
      assert.deepEqual(propertyChainAtEnd(s)?.slice(1), m ? [m[1], m[2]] : undefined, JSON.stringify(s));
      assert.equal(identifierAtEnd(s), ident.exec(s)![1] ?? '', JSON.stringify(s));
    }),
    { numRuns: 20000, seed: 22 },
  );
});

test('WF014 reads a set-output line as its regular expression did', () => {
  const line = /^(\s*)echo\s+(["']?)::(set-output|save-state) name=([A-Za-z0-9_.-]+)::(.*?)\2\s*$/;
  const part = fc.constantFrom(' ', '\t', 'echo ', '"', "'", '::set-output name=a::', 'x', '\u2028', '\r', '"x');
  fc.assert(
    fc.property(fc.array(part, { maxLength: 10 }), (parts) => {
      const s = parts.join('');
      const m = line.exec(s);
      assert.deepEqual(setOutputLine(s), m ? [...m] : null, JSON.stringify(s));
    }),
    { numRuns: 20000, seed: 22 },
  );
});
