// The fast YAML reader (server/src/yaml/fast.ts, for workflows and compose files) must build exactly what `yaml`'s
// parseDocument builds (or give up):
// compared node by node on the corpus, the fixtures, hand-written tricky texts and generated YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument, isMap, isSeq, type Document } from 'yaml';
import { fastParseDocument } from '../../server/src/yaml/fast';
import { COMPOSE_YAML } from '../../server/src/languages/compose/parse';

const ROOT = path.resolve(__dirname, '../../..');
// the workflow reader's options (duplicate keys are found by server/src/yaml/unique-keys.ts)
const OPTS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;
const CORPUS = [
  path.join(ROOT, '..', 'shared', 'corpus', 'workflow'),
  path.join(ROOT, '..', '..', 'shared', 'corpus', 'workflow'),
].find((d) => fs.existsSync(d));

/** Properties the fast reader does not set: comments (no workflow code reads them). */
const IGNORED = new Set(['comment', 'commentBefore', 'spaceBefore']);

/** Throws with a path when two node trees differ in class, own properties, ranges or values. */
function sameNode(a: unknown, b: unknown, at: string): void {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    assert.ok(Object.is(a, b), `${at}: ${String(a)} vs ${String(b)}`);
    return;
  }
  assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(b), `${at}: node class`);
  const ka = Object.keys(a)
    .filter((k) => !IGNORED.has(k))
    .sort();
  const kb = Object.keys(b)
    .filter((k) => !IGNORED.has(k))
    .sort();
  assert.deepEqual(ka, kb, `${at}: own properties`);
  for (const k of ka) {
    const va: unknown = (a as Record<string, unknown>)[k];
    const vb: unknown = (b as Record<string, unknown>)[k];
    if (k === 'range') {
      assert.deepEqual(va, vb, `${at}.range`);
      continue;
    }
    if (k === 'items') {
      const ia = va as unknown[],
        ib = vb as unknown[];
      assert.equal(ia.length, ib.length, `${at}.items.length`);
      ia.forEach((x, i) => sameNode(x, ib[i], `${at}[${i}]`));
      continue;
    }
    sameNode(va, vb, `${at}.${k}`);
  }
  if (isMap(a) || isSeq(a))
    assert.equal(
      (a as { schema?: unknown }).schema !== undefined,
      (b as { schema?: unknown }).schema !== undefined,
      `${at}: schema`,
    );
}

/** undefined when the fast path gave up; otherwise asserts it equals parseDocument's result. */
function compare(text: string, name: string, opts: Parameters<typeof fastParseDocument>[1] = OPTS): boolean {
  const fast = fastParseDocument(text, opts);
  if (!fast) return false;
  const full: Document = parseDocument(text, opts);
  assert.deepEqual(
    full.errors.map((e) => e.code),
    [],
    `${name}: the fast path took a text with errors`,
  );
  assert.deepEqual(
    full.warnings.map((e) => e.code),
    [],
    `${name}: the fast path took a text with warnings`,
  );
  assert.deepEqual(fast.errors, []);
  assert.deepEqual(fast.warnings, []);
  assert.deepEqual(fast.range, full.range, `${name}: document range`);
  assert.deepEqual(fast.toJS(), full.toJS(), `${name}: toJS`);
  sameNode(fast.contents, full.contents, name);
  return true;
}

function workflowFixtures(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (
        /\.ya?ml$/.test(e.name) &&
        (f.includes(`${path.sep}workflow${path.sep}`) || f.includes('.github/workflows'))
      )
        out.push(f);
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

test('fast YAML: same nodes as parseDocument on every corpus workflow, and taken for most of them', {
  skip: !CORPUS && 'corpus absent',
}, () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else files.push(f);
    }
  };
  walk(CORPUS!);
  let taken = 0;
  for (const f of files) if (compare(fs.readFileSync(f, 'utf8'), path.relative(CORPUS!, f))) taken++;
  const share = taken / files.length;
  console.log(`fast YAML path taken for ${taken}/${files.length} corpus workflows (${(share * 100).toFixed(0)}%)`);
  assert.ok(share >= 0.8, `fast path taken for only ${taken}/${files.length}`);
});

test('fast YAML: same nodes as parseDocument on every workflow fixture', () => {
  const files = workflowFixtures();
  assert.ok(files.length > 10);
  let taken = 0;
  for (const f of files) if (compare(fs.readFileSync(f, 'utf8'), path.relative(ROOT, f))) taken++;
  console.log(`fast YAML path taken for ${taken}/${files.length} workflow fixtures`);
  assert.ok(taken > 0);
});

const TRICKY: [string, boolean][] = [
  // [text, whether the fast path must take it]
  ['on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n', true],
  [
    '# top\n\non:  push   # c\njobs:\n  a:\n    x: [1, b]\n    steps:\n    ' +
      '- run: |\n        echo\n\n    # mid\n    - uses: "x"\n  b: \n  c: 1\n',
    true,
  ],
  ['a: 1\nb:\n', true],
  [
    'on:\n  workflow_dispatch:\n  # schedule:\n  # - cron: x\n\njobs:\n  ' +
      'a: # c\n\n    # d\n  b:\n    # deep\n  # e\n\n  # f\n  c:\n  d: # g\n  e: 1\n',
    true,
  ],
  ['a:\n  b: # c\n', true],
  ['a:\n  -\n  # c\n  - x\n', false],
  ['a:\n  - x\n  # c\n  -\nb: 1\n', false],
  ['a:\n  b: x\n\n  # c1\n# c0\n\nd: y\n', true],
  ['a:\n  - b: 1\n    c:\n      - x\n\n    # cc\n  - y\n', true],
  ['a:\n  b:\n    - x\n   # c\n  d: 1\n', true],
  ['a:\n  b: x\n    # c\n\n      # d\n  # e\n    # f\n  d: 1\n', true],
  ['a: |+\n  x\n\n\nb: |-\n  y\n\n\nc: |2\n    z\n', true],
  ['a: >\n  one\n  two\n\n  three\n\n\n  four\nb: >-\n  x\n', true],
  ['a: [ 1 , b ]  # x\nc: { d: e, f: "g" }\ne: []\nf: {}\n', true],
  ['k: \'it\'\'s\'\nq: "a\\"b\\n\\\\"\n"on": 1\n', true],
  ['on:\n  push:\n    branches: [main]\n  pull_request:\njobs: {}\n', true],
  ['a: true\nb: 1.50\nc: 0x1F\nd: 0o17\ne: ~\nf: null\ng: .inf\nh: -.5e3\ni: 012\nj: False\nk: yes\n', true],
  ['steps:\n- uses: a\n  with:\n    x: 1\n- run: b\nafter: 2\n', true],
  ['steps: # lead\n  # comment\n  - run: x\n', true],
  ['run:\n  cargo clippy\n  --all-features\n\n    --x=1 # c\nif: a &&\n  b ||\n\n\n  c\nk: 1\n', true],
  ['a:\n  - x\n    y\n  - z\n', true],
  // Outside the subset: the full parser decides.
  ['a: x\n  b: y\n', false],
  ['a: x # c\n  y\n', false],
  ['a: x\n  - y\n', false],
  ['a: &x 1\nb: *x\n', false],
  ['a: !!str 1\n', false],
  ['---\na: 1\n', false],
  ['? a\n: 1\n', false],
  ['a: 1\na: 2\n', false],
  ['a:\n\tb: 1\n', false],
  ['a: "unterminated\n', false],
  ['a: b: c\n', false],
  ['a: plain\n  continued\n', true],
  ['a:\n  - x\n - y\n', false],
  ['if: !cancelled()\n', false],
  ['a: 1\r\nb: 2\r\n', false],
  ['a: |\n  x', false],
];

test('fast YAML: tricky texts are read identically or left to parseDocument', () => {
  for (const [text, mustTake] of TRICKY) {
    const took = compare(text, JSON.stringify(text));
    if (mustTake) assert.ok(took, `fast path gave up on ${JSON.stringify(text)}`);
    else assert.ok(!took, `fast path took ${JSON.stringify(text)}`);
  }
});

test('fast YAML: generated block YAML is read identically or left to parseDocument', () => {
  const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/);
  const plain = fc.oneof(
    word,
    fc.constantFrom('true', 'null', '~', '1', '1.5', '0x10', '${{ x }}', 'a b', 'x:y', 'a #b', '-1', 'on', ''),
  );
  const scalar = fc.oneof(
    plain,
    word.map((w) => `"${w}"`),
    word.map((w) => `'${w}'`),
    fc
      .tuple(
        fc.constantFrom('|', '|-', '|+', '>', '>-'),
        fc.array(fc.oneof(word, fc.constant('')), { minLength: 1, maxLength: 4 }),
      )
      .map(([h, ls]) => ({ block: h, lines: ls })),
    fc.array(word, { maxLength: 3 }).map((ws) => `[${ws.join(', ')}]`),
    fc
      .tuple(
        word,
        fc.array(
          fc.tuple(fc.nat(2), fc.oneof(word, word, word, fc.constantFrom('--x', 'a b', '"q"', '- z', '# c', 'k: v'))),
          { minLength: 1, maxLength: 3 },
        ),
      )
      .map(([w, ls]) => ({ plain: w, more: ls })),
  );
  const comment = fc.oneof(fc.constant(''), fc.constant(' # c'));
  type T =
    | string
    | { block: string; lines: string[] }
    | { plain: string; more: [number, string][] }
    | { map: [string, T][] }
    | { seq: T[] };
  const tree: fc.Arbitrary<T> = fc.letrec<{ node: T }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar as fc.Arbitrary<T>,
      fc.array(fc.tuple(word, tie('node')), { minLength: 1, maxLength: 4 }).map((m) => ({ map: m })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((s) => ({ seq: s })),
    ),
  })).node;
  const extra = fc.array(fc.tuple(fc.nat(6), fc.constantFrom('', '#x')), { maxLength: 3 });
  const render = (t: T, ind: number, gaps: [number, string][][], c: string): string => {
    const pad = ' '.repeat(ind);
    const gap = () => (gaps.shift() ?? []).map(([n, s]) => ' '.repeat(s ? n : 0) + s + '\n').join('');
    if (typeof t === 'string') return ` ${t}${c}\n`;
    if ('plain' in t)
      return (
        ` ` +
        `${t.plain}\n${t.more.map(([blank, l]) => '\n'.repeat(blank) + pad + ' '.repeat(blank % 2) + l + '\n').join('')}`
      );
    if ('block' in t) return ` ${t.block}\n${t.lines.map((l) => (l ? pad + '  ' + l : '') + '\n').join('')}`;
    if ('map' in t) return '\n' + t.map.map(([k, v]) => gap() + `${pad}${k}:${render(v, ind + 2, gaps, c)}`).join('');
    return '\n' + t.seq.map((v) => gap() + `${pad}-${render(v, ind + 2, gaps, c)}`).join('');
  };
  let taken = 0,
    runs = 0;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(word, tree), { minLength: 1, maxLength: 4 }),
      fc.array(extra, { maxLength: 20 }),
      comment,
      (top, gaps, c) => {
        const text = top.map(([k, v]) => `${k}:${render(v, 2, gaps, c)}`).join('');
        runs++;
        try {
          if (compare(text, JSON.stringify(text))) taken++;
        } catch (e) {
          throw new Error(`${(e as Error).message}\n${text}`);
        }
      },
    ),
    { numRuns: Number(process.env.FAST_YAML_RUNS ?? 400) },
  );
  console.log(`fast YAML path taken for ${taken}/${runs} generated texts`);
  assert.ok(taken > runs / 4);
});

// Compose files are read with other options (merge keys on, strict off): the same comparison.
const COMPOSE_CORPUS = CORPUS && path.join(path.dirname(CORPUS), 'compose');

test(
  'fast YAML: same nodes as parseDocument on every corpus compose file ' +
    "and compose fixture, with compose's options",
  () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (/\.ya?ml$/.test(e.name)) files.push(f);
      }
    };
    if (COMPOSE_CORPUS && fs.existsSync(COMPOSE_CORPUS)) walk(COMPOSE_CORPUS);
    walk(path.join(ROOT, 'test', 'fixtures', 'compose'));
    let taken = 0;
    for (const f of files) if (compare(fs.readFileSync(f, 'utf8'), path.relative(ROOT, f), COMPOSE_YAML)) taken++;
    console.log(`fast YAML path taken for ${taken}/${files.length} compose files`);
    assert.ok(taken >= files.length / 2, `fast path taken for only ${taken}/${files.length}`);
    // a merge key is yaml's to read
    assert.equal(
      fastParseDocument('x-defaults: &d\n  restart: always\nservices:\n  app:\n    <<: *d\n', COMPOSE_YAML),
      undefined,
    );
    assert.equal(fastParseDocument('services:\n  app:\n    <<: {restart: always}\n', COMPOSE_YAML), undefined);
  },
);

// The fast reader builds `yaml`'s nodes and reads its private `schema.tags`: it is tested against one minor of the
// package, pinned with `~` in package.json, and this suite (run by `npm test`) is what an upgrade must pass.
test('yaml is the minor the fast reader is tested against (package.json pins it with ~)', () => {
  const root = path.resolve(
    __dirname,
    '..',
    '..',
    fs.existsSync(path.resolve(__dirname, '../../package.json')) ? '' : '..',
  );
  const wanted = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.yaml as string;
  const installed = JSON.parse(fs.readFileSync(require.resolve('yaml/package.json'), 'utf8')).version as string;
  assert.match(wanted, /^~\d+\.\d+\.\d+$/, 'yaml is pinned to a minor');
  assert.equal(installed.split('.').slice(0, 2).join('.'), wanted.slice(1).split('.').slice(0, 2).join('.'));
});
