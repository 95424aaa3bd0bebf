import { language } from '../../server/src/languages/nix';
import { rule as syntax } from '../../server/src/languages/nix/rules/syntax-error';
import { rule as undef } from '../../server/src/languages/nix/rules/undefined-variable';
import { rule as dupAttr } from '../../server/src/languages/nix/rules/duplicate-attribute';
import { rule as dupFormal } from '../../server/src/languages/nix/rules/duplicate-formal';
import { rule as unusedLet } from '../../server/src/languages/nix/rules/unused-let-binding';
import { rule as unusedFormal } from '../../server/src/languages/nix/rules/unused-formal';
import { rule as url } from '../../server/src/languages/nix/rules/deprecated-url-literal';
import { rule as legacyLet } from '../../server/src/languages/nix/rules/deprecated-let-body';
import { rule as uselessRec } from '../../server/src/languages/nix/rules/useless-rec';
import { testRule } from '../helpers/rule-tester';

testRule(language, syntax, {
  valid: ['{ a = 1; }', 'x: x', "''\n  ''${not} interpolated\n''", '{ a, ... }@args: a'],
  invalid: [
    { code: '{\n  a = 1\n  b = 2;\n}\n', errors: [{ messageId: 'syntax', line: 3 }] },
    { code: '{ a = 1; }}', errors: [{ messageId: 'syntax', line: 1 }] },
    { code: 'let a = 1; in\n', errors: [{ messageId: 'syntax', line: 1 }] },
    { code: '[ -1 ]', errors: [{ messageId: 'syntax', line: 1, column: 3 }] },
    { code: 'x: let ${x} = 1; in 2', errors: [{ messageId: 'syntax', line: 1 }] },
    { code: '"abc', errors: [{ messageId: 'syntax' }] },
    {
      code: '{\n  a = 1\n  b = 2\n}\n',
      name: 'two missing semicolons give two findings',
      errors: [
        { messageId: 'syntax', line: 3 },
        { messageId: 'syntax', line: 4 },
      ],
    },
  ],
});

testRule(language, undef, {
  valid: [
    'x: x',
    'let a = 1; in a',
    'rec { a = 1; b = a; }',
    'pkgs: with pkgs; hello',
    'builtins.map toString [ true null ]',
    '__curPos',
    '{ a ? b, b }: a',
  ],
  invalid: [
    {
      code: '{ pkgs }:\npkgs.mkShell { buildInputs = [ lib.foo ]; }',
      errors: [{ messageId: 'undefined', line: 2, data: { name: 'lib' } }],
    },
    { code: '{ a = 1; b = a; }', errors: [{ messageId: 'undefined', data: { name: 'a' } }] },
    { code: 'let inherit x; in 1', errors: [{ messageId: 'undefined', data: { name: 'x' } }] },
    { code: 'with x; y', errors: [{ messageId: 'undefined', data: { name: 'x' } }] },
  ],
});

testRule(language, dupAttr, {
  valid: [
    '{ a.b = 1; a.c = 2; }',
    '{ a = { b = 1; }; a.c = 2; }',
    '{ a = { b = 1; }; a = { c = 2; }; }',
    'x: { ${x} = 1; ${x} = 2; }',
  ],
  invalid: [
    { code: '{\n  a = 1;\n  a = 2;\n}', errors: [{ messageId: 'duplicate', line: 3 }] },
    { code: '{ a.b = 1; a = 2; }', errors: [{ messageId: 'duplicate' }] },
    { code: 'x: { inherit x; x = 1; }', errors: [{ messageId: 'duplicate' }] },
    { code: 'let a = 1; "a" = 2; in a', errors: [{ messageId: 'duplicate' }] },
    { code: '{ a = { b = 1; }; a = { b = 2; }; }', errors: [{ messageId: 'duplicate' }] },
  ],
});

testRule(language, dupFormal, {
  valid: ['{ a, b }: a + b', 'args@{ a, ... }: a'],
  invalid: [
    { code: '{ a, b, a }: a', errors: [{ messageId: 'duplicate' }] },
    { code: 'a@{ a }: a', errors: [{ messageId: 'duplicate' }] },
  ],
});

testRule(language, unusedLet, {
  valid: ['let a = 1; in a', 'let _a = 1; in 2', 'rec { a = 1; }', 'let a = 1; b = a; in b'],
  invalid: [
    {
      code: 'let\n  a = 1;\n  b = 2;\nin\na\n',
      errors: [{ messageId: 'unused', line: 3, data: { name: 'b' } }],
      output: 'let\n  a = 1;\nin\na\n',
    },
    {
      code: 'let inherit (builtins) map filter; in map',
      errors: [{ messageId: 'unused', data: { name: 'filter' } }],
      output: 'let inherit (builtins) map; in map',
    },
  ],
});

testRule(language, unusedFormal, {
  valid: [
    '{ pkgs, ... }: pkgs',
    '{ pkgs, lib }: pkgs',
    '{ self, nixpkgs }: nixpkgs',
    '{ _unused, ... }: 1',
    'args@{ pkgs, lib, ... }: args',
  ],
  invalid: [
    {
      code: '{ pkgs, lib, ... }:\npkgs.hello\n',
      errors: [{ messageId: 'unused', data: { name: 'lib' } }],
      output: '{ pkgs, ... }:\npkgs.hello\n',
    },
    {
      code: '{\n  pkgs,\n  lib,\n  ...\n}:\npkgs',
      errors: [{ messageId: 'unused', line: 3 }],
      output: '{\n  pkgs,\n  ...\n}:\npkgs',
    },
  ],
});

testRule(language, url, {
  valid: ['{ src = "https://example.org/a.tar.gz"; }', 'x: x'],
  invalid: [
    {
      code: '{ src = https://example.org/a.tar.gz; }',
      errors: [{ messageId: 'url' }],
      output: '{ src = "https://example.org/a.tar.gz"; }',
    },
  ],
});

testRule(language, legacyLet, {
  valid: ['let a = 1; in a'],
  invalid: [{ code: 'let { a = 1; body = a; }', errors: [{ messageId: 'legacy' }] }],
});

testRule(language, uselessRec, {
  valid: ['rec { a = 1; b = a; }', 'rec { a = 1; b = { c = a; }; }', 'rec { x = 1; inherit (x) y; }'],
  invalid: [
    { code: 'rec { a = 1; b = 2; }', errors: [{ messageId: 'useless' }], output: '{ a = 1; b = 2; }' },
    { code: 'x: rec { a = x; }', errors: [{ messageId: 'useless' }], output: 'x: { a = x; }' },
  ],
});
