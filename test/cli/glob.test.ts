import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlob, excludedBy, globSet, matchGlob } from '../../server/src/cli/glob';

const m = (pattern: string, path: string) => matchGlob(compileGlob(pattern)!, path);

describe('globs with .gitignore meaning', () => {
  it('matches names at any depth when the pattern has no slash', () => {
    assert.ok(m('node_modules', 'node_modules'));
    assert.ok(m('node_modules', 'a/b/node_modules'));
    assert.ok(m('*.log', 'x/y.log'));
    assert.ok(!m('*.log', 'x.log/y'));
    assert.ok(m('Dockerfile.*', 'svc/Dockerfile.dev'));
  });
  it('anchors patterns with a slash to their folder', () => {
    assert.ok(m('/build', 'build'));
    assert.ok(!m('/build', 'a/build'));
    assert.ok(m('a/*.yml', 'a/x.yml'));
    assert.ok(!m('a/*.yml', 'b/a/x.yml'));
    assert.ok(!m('a/*.yml', 'a/b/x.yml'));
  });
  it('gives ** its meanings: leading, trailing and in the middle', () => {
    assert.ok(m('**/fixtures', 'fixtures'));
    assert.ok(m('**/fixtures', 'test/x/fixtures'));
    assert.ok(m('test/**', 'test/a/b'));
    assert.ok(!m('test/**', 'testing/a'));
    assert.ok(m('a/**/b', 'a/b'));
    assert.ok(m('a/**/b', 'a/x/y/b'));
    assert.ok(!m('a/**/b', 'a/x/yb'));
    // ** inside a name is a plain *
    assert.ok(m('a**b', 'axxb'));
    assert.ok(!m('/a**b', 'ax/b'));
  });
  it('reads ?, classes, escapes, comments, negation and folder-only patterns', () => {
    assert.ok(m('file?.txt', 'file1.txt'));
    assert.ok(!m('file?.txt', 'file/.txt'));
    assert.ok(m('[a-c]x', 'bx'));
    assert.ok(!m('[!a-c]x', 'bx'));
    assert.ok(m('[^a-c]x', 'dx'));
    assert.ok(m('[]]x', ']x'));
    assert.ok(m('[x', '[x'), 'an unclosed bracket is literal');
    assert.ok(m('\\*x', '*x'));
    assert.ok(!m('\\*x', 'ax'));
    assert.equal(compileGlob('# comment'), undefined);
    assert.equal(compileGlob('   '), undefined);
    assert.ok(m('\\#x', '#x'));
    assert.equal(compileGlob('!keep')!.negated, true);
    assert.equal(compileGlob('out/')!.dirOnly, true);
    assert.ok(m('trailing  ', 'trailing'));
  });
  it('decides by the last matching pattern, folder-only patterns for folders only', () => {
    const sets = [globSet('/r', ['*.json', '!keep.json', 'out/'], '.gitignore')];
    assert.equal(excludedBy(sets, '/r/a.json', false), true);
    assert.equal(excludedBy(sets, '/r/keep.json', false), false);
    assert.equal(excludedBy(sets, '/r/x/out', true), true);
    assert.equal(excludedBy(sets, '/r/x/out', false), false);
    assert.equal(excludedBy(sets, '/elsewhere/a.json', false), false, 'only below its folder');
    const nested = [...sets, globSet('/r/sub', ['!*.json'], 'sub/.gitignore')];
    assert.equal(excludedBy(nested, '/r/sub/a.json', false), false, 'an inner file wins');
  });
  it('matches in time linear in the path, where a backtracking matcher explodes', () => {
    // The least of three timings (a collector pause or another process only ever adds time).
    const time = (pattern: string, path: string) => {
      const g = compileGlob(pattern)!;
      let best = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 3; round++) {
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < 20; i++) matchGlob(g, path);
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return best;
    };
    // `**/` fourteen times then b, against a deep path that almost matches (the .dockerignore freeze): a backtracking
    // matcher takes seconds per match; ours answers, and grows linearly with the path
    const deep = `${'**/'.repeat(14)}b`;
    assert.equal(matchGlob(compileGlob(deep)!, `${'a/'.repeat(18)}c`), false);
    const d1 = time(deep, `${'a/'.repeat(500)}c`);
    const d4 = time(deep, `${'a/'.repeat(2000)}c`);
    const stars = `${'*a'.repeat(12)}b`;
    assert.equal(matchGlob(compileGlob(stars)!, 'a'.repeat(5000)), false);
    // four times the input: about four times the time when linear, sixteen when quadratic (ratios, not absolutes)
    const t1 = time(stars, 'a'.repeat(10000));
    const t4 = time(stars, 'a'.repeat(40000));
    assert.ok(d4 < d1 * 9 + 5, `${d1} ms then ${d4} ms`);
    assert.ok(t4 < t1 * 9 + 5, `${t1} ms then ${t4} ms`);
  });
});
