import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as A from '../../server/src/languages/nix/ast';
import { lex, T } from '../../server/src/languages/nix/lexer';
import { parse } from '../../server/src/languages/nix/parser';
import { LineIndex } from '../../server/src/text/lines';

const firstLine = (text: string) => {
  const p = parse(text).problems[0];
  return p ? new LineIndex(text).position(p.start).line + 1 : undefined;
};
const kinds = (text: string) =>
  lex(text)
    .filter((t) => t.kind !== T.EOF)
    .map((t) => text.slice(t.start, t.end) || `<${t.kind}>`);

describe('nix lexer', () => {
  it('is lossless: tokens and the whitespace between them are the text', () => {
    for (const text of [
      '{ a = 1; /* c */ b = "x${y}z"; } # end\n',
      "''\n  a ''${b} '''\n''",
      'x: ./a/${x}/b + <n/p>',
      '"unterminated',
      '$ | \u00e9',
      '  \n',
    ]) {
      const toks = lex(text);
      let at = 0;
      for (const t of toks) {
        assert.match(text.slice(at, t.start), /^[ \t\r\n]*$/);
        assert.ok(t.start >= at);
        at = t.end;
      }
      assert.equal(at, text.length);
    }
  });
  it('follows the reference on longest matches', () => {
    assert.deepEqual(kinds('x:x'), ['x:x']); // a URL, not a lambda
    assert.deepEqual(kinds('a-b'), ['a-b']);
    assert.deepEqual(kinds('1/2'), ['1/2', '<' + T.PATH_END + '>']);
    assert.deepEqual(kinds('01.5'), ['01', '.5']);
    assert.deepEqual(kinds('a->b'), ['a-', '>', 'b']);
    assert.deepEqual(kinds('"$${x}"'), ['"', '$${x}', '"']);
  });
  it('flags integers that overflow', () => {
    assert.equal(
      lex('99999999999999999999').find((t) => t.kind === T.ERROR)?.message,
      "invalid integer '99999999999999999999'",
    );
  });
});

describe('nix parser', () => {
  it('parses the issue example into a lambda over a set', () => {
    const text = '{\n  description = "x";\n  outputs = { self, nixpkgs }: { };\n}\n';
    const m = parse(text);
    assert.deepEqual(m.problems, []);
    assert.equal(m.root.type, 'AttrSet');
    const out = (m.root as A.AttrSet).bindings[1] as A.Attribute;
    assert.equal(out.value.type, 'Lambda');
    assert.deepEqual(
      (out.value as A.Lambda).formals!.formals.map((f) => f.name.name),
      ['self', 'nixpkgs'],
    );
  });
  it('gives operators Nix precedence and associativity', () => {
    const show = (e: A.Expr): string =>
      e.type === 'Binary'
        ? `(${show(e.left)} ${e.op} ${show(e.right)})`
        : e.type === 'Unary'
          ? `(${e.op}${show(e.expr)})`
          : e.type === 'Var'
            ? e.name
            : e.type === 'HasAttr'
              ? `(${show(e.expr)} ? ...)`
              : e.type === 'Apply'
                ? `(${show(e.fn)} ${show(e.arg)})`
                : e.type;
    const root = (t: string) => {
      const m = parse(`a: b: c: d: ${t}`);
      assert.deepEqual(m.problems, []);
      let e = m.root;
      while (e.type === 'Lambda') e = e.body;
      return show(e);
    };
    assert.equal(root('a -> b -> c'), '(a -> (b -> c))');
    assert.equal(root('a // b // c'), '(a // (b // c))');
    assert.equal(root('a ++ b ++ c'), '(a ++ (b ++ c))');
    assert.equal(root('a - b - c'), '((a - b) - c)');
    assert.equal(root('a + b * c'), '(a + (b * c))');
    assert.equal(root('!a + b'), '(!(a + b))');
    assert.equal(root('!a == b'), '((!a) == b)');
    assert.equal(root('-a ? b'), '((-a) ? ...)');
    assert.equal(root('a || b && c'), '(a || (b && c))');
    assert.equal(root('f a b'), '((f a) b)');
  });
  it('rejects what Nix rejects, on the same line', () => {
    assert.equal(firstLine('{ a = 1;\n  b = 2\n}\n'), 3);
    assert.equal(firstLine('1 == 2 == 3'), 1);
    assert.equal(firstLine('[ -1 ]'), 1);
    assert.equal(firstLine('{ ..., }: 1'), 1);
    assert.equal(firstLine('{ a = 1; a = 2; }'), 1);
    assert.equal(firstLine('./a/b/'), 1);
    assert.equal(firstLine('{ a = 1;\n\n'), 1); // end of file: where the trailing whitespace starts
  });
  it('accepts what Nix accepts', () => {
    for (const t of [
      '{ a, }: a',
      '{}: 1',
      'a@{ b, ... }: b',
      '{ b ? 1 }@a: b',
      '{ a.b = 1; a.c = 2; }',
      '{ a = { b = 1; }; a = { c = 2; }; }',
      'let { body = 1; }',
      'x: x.a or x.b or 1',
      'map or',
      '"${"a"}" + ' + "''b''${\"c\"}''",
      'x: x ? a.b.c',
      "''''${''",
    ]) {
      assert.deepEqual(
        parse(t).problems.map((p) => p.message),
        [],
        t,
      );
    }
  });
  it('recovers after a missing ; and keeps the rest of the set', () => {
    const m = parse('{\n  a = 1\n  b = 2;\n  c = 3;\n}\n');
    assert.equal(m.problems.length, 1);
    const set = m.root as A.AttrSet;
    assert.deepEqual(
      set.bindings.map((b) => (b.type === 'Attribute' ? A.staticName(b.path[0]) : '')),
      ['a', 'b', 'c'],
    );
  });
  it('recovers a name swallowed by an inherit without its ;', () => {
    const m = parse('{\n  inherit (pkgs) a b\n  c = 3;\n}\n');
    assert.equal(m.problems.length, 1);
    assert.deepEqual(
      (m.root as A.AttrSet).bindings.map((b) => b.type),
      ['Inherit', 'Attribute'],
    );
  });
  it('parses thousands of nesting levels (as nix-instantiate does) without overflowing the stack', () => {
    for (const [o, c] of [
      ['(', ')'],
      ['[', ']'],
      ['{a=', ';}'],
      ['rec {a=', ';}'],
      ['"${', '}"'],
      ['{ ${', '} = 1; }'],
      ['f (', ')'],
      ['{ a = [ (', ') ]; }'],
      ['x: ', ''],
      ['let a = 1; in ', ''],
      ['if a then b else ', ''],
      ['a // ', ''],
      ['!', ''],
    ]) {
      const text = `a: b: f: x: ${o.repeat(5000)}x${c.repeat(5000)}`;
      const m = parse(text);
      assert.deepEqual(
        m.problems.map((p) => p.message),
        [],
        o,
      );
      // The tree is whole: the innermost x is there.
      assert.equal(A.nodePath(m.root, text.indexOf('x', text.length - c.length * 5000 - 2)).pop()!.type, 'Var', o);
    }
    // A deep syntax error is still found, on the right line.
    assert.equal(firstLine('(('.repeat(3000) + '\n;' + '))'.repeat(3000)), 2);
    // Right-nested chains are loops: no limit.
    assert.deepEqual(parse('x: '.repeat(20000) + '1').problems, []);
    assert.deepEqual(parse('let a = 1; in '.repeat(20000) + 'a').problems, []);
  });
  it('gives every node offsets inside its parent', () => {
    const text =
      '{ pkgs ? import <nixpkgs> {} }:\nwith pkgs; let x = [ 1 2 ]; in ' +
      "mkShell { buildInputs = x ++ [ hello ]; shellHook = ''\n  echo ${x}\n''; }\n";
    const m = parse(text);
    assert.deepEqual(m.problems, []);
    const stack: A.Node[] = [m.root];
    while (stack.length) {
      const n = stack.pop()!;
      for (const ch of A.children(n)) {
        assert.ok(ch.start >= n.start && ch.end <= n.end, `${ch.type} in ${n.type}`);
        stack.push(ch);
      }
    }
  });
});

describe('byte-order mark', () => {
  it('is skipped: no "unexpected character" at 1:1, and offsets stay the text\'s', () => {
    const text = '\ufeff{ a = 1; }\n';
    assert.deepEqual(parse(text).problems, []);
    const first = lex(text)[0];
    assert.equal(text.slice(first.start, first.end), '{');
    assert.equal(first.start, 1);
  });
});
