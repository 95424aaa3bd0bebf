import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeatureContext } from '../../server/src/engine/types';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { language as flake } from '../../server/src/languages/flake';
import { language as nix } from '../../server/src/languages/nix';
import type { NixModel } from '../../server/src/languages/nix/ast';
import { LineIndex } from '../../server/src/text/lines';
import { createOnce } from '../../server/src/engine/once';
import { applyEdits } from '../../server/src/engine/fixes';
import { workspaceOf } from '../helpers/context';

/** A feature context over text with a `|` marking the cursor. */
function at(kind: 'nix' | 'flake', marked: string): { ctx: FeatureContext<NixModel>; offset: number } {
  const offset = marked.indexOf('|');
  const text = offset >= 0 ? marked.slice(0, offset) + marked.slice(offset + 1) : marked;
  const path = kind === 'flake' ? '/ws/flake.nix' : '/ws/default.nix';
  const lang = kind === 'flake' ? flake : nix;
  const ctx: FeatureContext<NixModel> = {
    path,
    kind,
    text,
    lines: new LineIndex(text),
    model: lang.parse(text, path),
    workspace: workspaceOf(),
    settings: DEFAULT_SETTINGS,
    once: createOnce(),
  };
  return { ctx, offset };
}
const labels = (kind: 'nix' | 'flake', marked: string) => {
  const { ctx, offset } = at(kind, marked);
  return (kind === 'flake' ? flake : nix).complete!(ctx, offset).map((c) => c.label);
};
const hoverText = (kind: 'nix' | 'flake', marked: string) => {
  const { ctx, offset } = at(kind, marked);
  const h = (kind === 'flake' ? flake : nix).hover!(ctx, offset);
  return h?.markdown;
};

describe('nix completion', () => {
  it('offers builtins after builtins.', () => {
    const l = labels('nix', 'x: builtins.|');
    assert.ok(l.includes('attrNames') && l.includes("foldl'"));
  });
  it('offers nixpkgs names after pkgs.', () => assert.ok(labels('nix', '{ pkgs }: [ pkgs.| ]').includes('nodejs_20')));
  it('offers names in scope: let, formals, rec, inherit', () => {
    const l = labels('nix', '{ pkgs, lib, ... }: let inherit (lib) mkIf; local = 1; in rec { a = |; b = 2; }');
    for (const n of ['pkgs', 'lib', 'mkIf', 'local', 'a', 'b', 'builtins', 'toString']) assert.ok(l.includes(n), n);
  });
  it('offers flake top-level keys, output names, systems and input URLs', () => {
    assert.deepEqual(labels('flake', '{\n  |\n}').sort(), ['description', 'inputs', 'nixConfig', 'outputs']);
    assert.ok(labels('flake', '{ outputs = { self }: {\n  |\n}; }').includes('devShells'));
    assert.ok(labels('flake', '{ outputs = { self }: {\n  packages.|\n}; }').includes('x86_64-linux'));
    assert.ok(
      labels('flake', '{ inputs.nixpkgs.url = "|"; outputs = _: { }; }').includes(
        'github:NixOS/nixpkgs/nixos-unstable',
      ),
    );
    assert.ok(labels('flake', '{ inputs = {\n  |\n}; outputs = _: { }; }').includes('flake-utils'));
  });
  it('offers the declared inputs as outputs formals', () => {
    const l = labels(
      'flake',
      '{ inputs.nixpkgs.url = "github:NixOS/nixpkgs"; inputs.utils.url = ' +
        '"github:numtide/flake-utils"; outputs = { self, | }: { }; }',
    );
    assert.ok(l.includes('nixpkgs') && l.includes('utils') && !l.includes('self'));
  });
});

describe('nix hover', () => {
  it('explains builtins with their arity', () => {
    assert.match(hoverText('nix', 'x: builtins.attr|Names x')!, /attrNames\*\* — 1 argument/);
    assert.match(hoverText('nix', 'x: to|String x')!, /toString/);
  });
  it('shows an input URL on the outputs formal and output kinds', () => {
    const text =
      '{ inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable"; outputs ' +
      '= { self, nix|pkgs }: { devShells = { }; }; }';
    assert.match(hoverText('flake', text)!, /github:NixOS\/nixpkgs\/nixos-unstable/);
    assert.match(hoverText('flake', '{ outputs = { self }: { devSh|ells = { }; }; }')!, /nix develop/);
  });
});

describe('nix symbols, folding, definition, selection', () => {
  const text =
    '{ pkgs }:\nlet\n  greeting = "hi";\nin\n{\n  packages = {\n    hello = pkgs.hello;\n  };\n  msg = greeting;\n}\n';
  it('lists let bindings and nested attributes', () => {
    const { ctx } = at('nix', text);
    const syms = nix.symbols!(ctx);
    assert.deepEqual(
      syms.map((s) => s.name),
      ['greeting', 'packages', 'msg'],
    );
    assert.deepEqual(
      syms[1].children?.map((s) => s.name),
      ['hello'],
    );
  });
  it('folds multi-line sets and let', () => {
    const { ctx } = at('nix', text);
    const f = nix.folding!(ctx);
    const lines = (r: { start: number; end: number }) => [
      ctx.lines.position(r.start).line,
      ctx.lines.position(r.end).line,
    ];
    assert.ok(f.some((r) => lines(r)[0] === 4 && lines(r)[1] === 9));
    assert.ok(f.some((r) => lines(r)[0] === 5 && lines(r)[1] === 7));
  });
  it('goes to the definition of a let binding', () => {
    const { ctx, offset } = at('nix', text.replace('msg = greeting', 'msg = greet|ing'));
    const locs = nix.definition!(ctx, offset);
    assert.equal(locs.length, 1);
    assert.deepEqual(ctx.lines.position(locs[0].start), { line: 2, character: 2 });
  });
  it('grows the selection from a name outwards', () => {
    const { ctx, offset } = at('nix', text.replace('pkgs.hello', 'pkgs.hel|lo'));
    let r: any = nix.selectionRanges!(ctx, [offset])[0];
    const sizes: number[] = [];
    while (r) {
      sizes.push(r.end - r.start);
      r = r.parent;
    }
    assert.ok(sizes.length >= 4);
    for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] >= sizes[i - 1]);
  });
});

describe('nix rename', () => {
  const apply = (text: string, edits: { start: number; end: number; newText: string }[], _lines: LineIndex) =>
    applyEdits(text, edits);
  it('renames a let binding (every key of it) and its uses, not a shadowing one', () => {
    const { ctx, offset } = at('nix', 'let cf|g.a = 1; cfg.b = 2; x = cfg.a; in [ cfg x (let cfg = 3; in cfg) ]');
    const r = nix.rename!(ctx, offset, 'conf')!;
    assert.equal(
      apply(ctx.text, r[0].edits, ctx.lines),
      'let conf.a = 1; conf.b = 2; x = conf.a; in [ conf x (let cfg = 3; in cfg) ]',
    );
  });
  it('renames a lambda argument from a use', () => {
    const { ctx, offset } = at('nix', 'x: x + (y: x|)');
    assert.equal(apply(ctx.text, nix.rename!(ctx, offset, 'z')![0].edits, ctx.lines), 'z: z + (y: z)');
  });
  it('refuses what would change an interface or is not a name', () => {
    for (const [t, n] of [
      ['{ pk|gs }: pkgs', 'p'],
      ['rec { a| = 1; b = a; }', 'c'],
      ['let a| = 1; in { inherit a; }', 'b'],
      ['let a| = 1; in a', 'in'],
      ['let a| = 1; in a', '1x'],
    ]) {
      const { ctx, offset } = at('nix', t);
      assert.equal(nix.rename!(ctx, offset, n), undefined, t);
    }
  });
});
