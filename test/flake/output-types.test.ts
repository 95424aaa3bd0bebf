import { language } from '../../server/src/languages/flake';
import { rule as outputTypes } from '../../server/src/languages/flake/rules/output-types';
import { rule as lockInvalid } from '../../server/src/languages/flake/rules/lock-invalid';
import { runRule, testRule } from '../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const NP = '  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n';
const FU = '  inputs.flake-utils.url = "github:numtide/flake-utils";\n';
/** A flake whose outputs function returns `body` (which may span lines). */
const flake = (body: string, inputs = NP, args = '{ self, nixpkgs }') =>
  `{\n  description = "x";\n${inputs}  outputs = ${args}: ${body};\n}\n`;
const utils = (perSystem: string, rest = '') =>
  flake(
    `flake-utils.lib.eachDefaultSystem (system:\n    let pkgs = nixpkgs.legacyPackages.\${system}; in {\n      ${perSystem}\n    })${rest}`,
    NP + FU,
    '{ self, nixpkgs, flake-utils }',
  );

testRule(language, outputTypes, {
  valid: [
    // the common shapes: calls and selections are not judged
    flake(
      '{\n    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;\n' +
        '    packages.x86_64-linux.tool = self.packages.x86_64-linux.default;\n' +
        '    devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell { };\n' +
        '    checks.x86_64-linux.build = self.packages.x86_64-linux.default;\n' +
        '    formatter.x86_64-linux = nixpkgs.legacyPackages.x86_64-linux.nixfmt-rfc-style;\n' +
        '    legacyPackages.x86_64-linux = { hello = "not checked by nix"; };\n' +
        '    apps.x86_64-linux.default = { type = "app"; program = "${self.packages.x86_64-linux.default}/bin/x"; };\n' +
        '    apps.x86_64-linux.meta = { type = "app"; program = "x"; meta.description = "y"; };\n' +
        '    overlays.default = final: prev: { };\n' +
        '    overlays.under = _final: _prev: { };\n' +
        '    overlays.blank = _: _: { };\n' +
        '    overlays.imported = import ./overlay.nix;\n' +
        '    nixosModules.default = ./module.nix;\n' +
        '    nixosModules.inline = { config, ... }: { };\n' +
        '    nixosConfigurations.box = nixpkgs.lib.nixosSystem { system = "x86_64-linux"; modules = [ ]; };\n' +
        '    templates.default = { path = ./template; description = "A template"; welcomeText = "hi"; };\n' +
        '    bundlers.x86_64-linux.default = drv: drv;\n' +
        '    lib.names = [ "a" ];\n  }',
    ),
    {
      name: 'forAllSystems = nixpkgs.lib.genAttrs: the per-system values are calls',
      code: flake(
        'let\n    forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ];\n  in {\n' +
          '    packages = forAllSystems (system: { default = nixpkgs.legacyPackages.${system}.hello; });\n' +
          '    devShells = forAllSystems (system: { default = "not seen through the call"; });\n' +
          '    apps = forAllSystems (system: { default = { program = "x"; }; });\n  }',
      ),
    },
    {
      name: 'flake-utils: the per-system set holds derivations and apps',
      code: utils(
        'packages.default = pkgs.hello;\n      devShells.default = pkgs.mkShell { };\n' +
          '      apps.default = flake-utils.lib.mkApp { drv = pkgs.hello; };\n' +
          '      apps.raw = { type = "app"; program = "${pkgs.hello}/bin/hello"; };\n' +
          '      formatter = pkgs.alejandra;\n      overlays = final: prev: { };',
        ' // {\n      overlays.default = final: prev: { };\n      templates.default = { path = ./t; description = "t"; };\n    }',
      ),
    },
    {
      name: 'a helper of its own named eachSystem may put its results anywhere',
      code: flake(
        'let eachSystem = f: nixpkgs.lib.genAttrs [ "x86_64-linux" ] f; in eachSystem (system: { packages = "x"; })',
      ),
    },
    {
      name: 'eachDefaultSystemPassThrough does not add a system level',
      code: flake(
        'flake-utils.lib.eachDefaultSystemPassThrough (system: { overlays.default = final: prev: { }; })',
        NP + FU,
        '{ self, nixpkgs, flake-utils }',
      ),
    },
    {
      name: 'sets with names we cannot see, and derivation-typed literals',
      code: flake(
        '{\n    packages.x86_64-linux.a = { inherit (nixpkgs.legacyPackages.x86_64-linux.hello) type drvPath; };\n' +
          '    packages.x86_64-linux.b = { ${"type"} = "derivation"; };\n' +
          '    packages.x86_64-linux.c = { type = "derivation"; name = "c"; };\n' +
          '    packages.x86_64-linux.d = nixpkgs.legacyPackages.x86_64-linux.hello // { name = "d"; };\n' +
          '    templates.t = { inherit (self.templates.default) path; description = "x"; };\n  }',
      ),
    },
    {
      name: 'a key without a dash under packages is no system: FL009 reports it, Nix does not look below',
      code: flake('{ packages.default.hello = "x"; }'),
    },
  ],
  invalid: [
    {
      name: 'literals where a derivation is needed, the output path in the message',
      code: flake(
        '{\n    packages.x86_64-linux.hello = "hello";\n    devShells.x86_64-linux.default = [ ];\n' +
          '    checks.x86_64-linux.ok = true;\n    formatter.x86_64-linux = ./fmt.sh;\n' +
          '    packages.aarch64-darwin.set = { name = "x"; };\n  }',
      ),
      errors: [
        {
          messageId: 'wrongType',
          line: 5,
          data: { path: 'packages.x86_64-linux.hello', expected: 'a derivation', what: 'a string' },
        },
        { messageId: 'wrongType', line: 6, data: { path: 'devShells.x86_64-linux.default', what: 'a list' } },
        { messageId: 'wrongType', line: 7, data: { path: 'checks.x86_64-linux.ok', what: 'a boolean' } },
        { messageId: 'wrongType', line: 8, data: { path: 'formatter.x86_64-linux', what: 'a path' } },
        { messageId: 'wrongType', line: 9, data: { path: 'packages.aarch64-darwin.set' } },
      ],
    },
    {
      name: 'a level that must be a set',
      code: flake('{\n    packages.x86_64-linux = "hello";\n    overlays = final: prev: { };\n  }'),
      errors: [
        {
          messageId: 'notSet',
          line: 5,
          data: { path: 'packages.x86_64-linux', shape: 'packages.x86_64-linux.<name>', what: 'a string' },
        },
        { messageId: 'notSet', line: 6, data: { path: 'overlays', shape: 'overlays.<name>', what: 'a function' } },
      ],
    },
    {
      name: 'apps: missing program, missing type, wrong type, not a set (an attribute more is not judged)',
      code: flake(
        '{\n    apps.x86_64-linux.a = { type = "app"; };\n    apps.x86_64-linux.b = { program = "x"; };\n' +
          '    apps.x86_64-linux.c = { type = "derivation"; program = "x"; };\n' +
          '    apps.x86_64-linux.d = { type = "app"; program = "x"; description = "y"; };\n' +
          '    apps.x86_64-linux.e = "${self.packages.x86_64-linux.default}/bin/e";\n  }',
      ),
      errors: [
        { messageId: 'appMissing', line: 5, data: { path: 'apps.x86_64-linux.a', key: 'program' } },
        { messageId: 'appMissing', line: 6, data: { path: 'apps.x86_64-linux.b', key: 'type' } },
        { messageId: 'appType', line: 7, data: { type: 'derivation' } },
        { messageId: 'wrongType', line: 9, data: { path: 'apps.x86_64-linux.e', what: 'a string' } },
      ],
    },
    {
      name: 'an app written key by key',
      code: flake('{\n    apps.x86_64-linux.default.program = "x";\n  }'),
      errors: [{ messageId: 'appMissing', line: 5, data: { path: 'apps.x86_64-linux.default', key: 'type' } }],
    },
    {
      name: "overlays: the old self: super: names, a pattern, something that isn't a function",
      code: flake(
        '{\n    overlays.default = self: super: { };\n    overlays.pattern = { final, prev }: { };\n' +
          '    overlays.list = [ ];\n    overlay = prev: final: { };\n  }',
      ),
      errors: [
        { messageId: 'overlayArg', line: 5, data: { path: 'overlays.default', arg: 'self' } },
        { messageId: 'overlayArg', line: 6, data: { path: 'overlays.pattern', arg: '{ ... }' } },
        { messageId: 'wrongType', line: 7, data: { path: 'overlays.list', what: 'a list' } },
        { messageId: 'overlayArg', line: 8, data: { path: 'overlay', arg: 'prev' } },
      ],
    },
    {
      name: 'nixosConfigurations, templates and bundlers',
      code: flake(
        '{\n    nixosConfigurations.box = "box";\n    nixosConfigurations.set = { modules = [ ]; };\n' +
          '    templates.a = { path = ./a; };\n    templates.b = { path = ./b; description = "b"; extra = 1; };\n' +
          '    templates.c = { path = ./c; description = 3; };\n    templates.d = ./d;\n' +
          '    bundlers.x86_64-linux.default = { };\n  }',
      ),
      errors: [
        { messageId: 'wrongType', line: 5, data: { path: 'nixosConfigurations.box', what: 'a string' } },
        { messageId: 'noConfig', line: 6, data: { path: 'nixosConfigurations.set' } },
        { messageId: 'templateMissing', line: 7, data: { path: 'templates.a', key: 'description' } },
        { messageId: 'templateExtra', line: 8, data: { key: 'extra' } },
        { messageId: 'wrongType', line: 9, data: { path: 'templates.c.description', what: 'a number' } },
        { messageId: 'wrongType', line: 10, data: { path: 'templates.d', what: 'a path' } },
        { messageId: 'wrongType', line: 11, data: { path: 'bundlers.x86_64-linux.default' } },
      ],
    },
    {
      name: 'flake-utils: packages.default is packages.<system>.default',
      code: utils('packages.default = "hello";\n      apps.default = { program = "${pkgs.hello}/bin/hello"; };'),
      errors: [
        { messageId: 'wrongType', line: 7, data: { path: 'packages.<system>.default', what: 'a string' } },
        { messageId: 'appMissing', line: 8, data: { path: 'apps.<system>.default', key: 'type' } },
      ],
    },
    {
      name: 'flake-utils: an overlay set returned per system is overlays.<system>, a set and no overlay',
      code: utils('overlays.default = final: prev: { };\n      formatter = [ ];'),
      errors: [
        { messageId: 'wrongType', line: 7, data: { path: 'overlays.<system>', what: 'an attribute set' } },
        { messageId: 'wrongType', line: 8, data: { path: 'formatter.<system>', what: 'a list' } },
      ],
    },
    {
      name: 'flake-utils with eachSystem and a list of systems, merged with the rest of the outputs',
      code: flake(
        '{ overlays.default = self: super: { }; } // flake-utils.lib.eachSystem [ "x86_64-linux" ] (system: {\n' +
          '    devShells.default = 1;\n  })',
        NP + FU,
        '{ self, nixpkgs, flake-utils }',
      ),
      errors: [
        { messageId: 'overlayArg', line: 5, data: { path: 'overlays.default', arg: 'self' } },
        { messageId: 'wrongType', line: 6, data: { path: 'devShells.<system>.default', what: 'a number' } },
      ],
    },
    {
      name: 'a bare eachDefaultSystem, from `with flake-utils.lib;`',
      code: flake(
        'with flake-utils.lib; eachDefaultSystem (system: { checks.default = "x"; })',
        NP + FU,
        '{ self, nixpkgs, flake-utils }',
      ),
      errors: [{ messageId: 'wrongType', data: { path: 'checks.<system>.default' } }],
    },
  ],
});

test('FL013 is an error, and the severity docs say why', () => {
  assert.equal(outputTypes.meta.defaultSeverity, 'error');
  assert.match(outputTypes.meta.docs.severity ?? '', /nix flake check/);
});

test('FL013 never throws on deep or odd outputs', () => {
  const deep = `${'{ a = '.repeat(200)}1${' ; }'.repeat(200)}`;
  for (const body of [deep, '{ packages = { x86_64-linux = { a.b.c.d = 1; }; }; }', '{ ${x} = 1; }', '(((x)))'])
    runRule(language, outputTypes, { code: flake(body) });
  const merged = Array.from({ length: 200 }, (_, i) => `{ packages.x86_64-linux.p${i} = ${i}; }`).join(' // ');
  assert.ok(runRule(language, outputTypes, { code: flake(merged) }).length > 0);
});

const LOCK =
  '{ "version": 7, "root": "root", "nodes": { "root": { "inputs": { "nixpkgs": "nixpkgs" } }, "nixpkgs": { } } }';
testRule(language, lockInvalid, {
  valid: [
    { code: flake('{ }'), files: { '/ws/flake.lock': LOCK } },
    { code: flake('{ }'), name: 'no lock: FL012' },
    { code: flake('{ }', '', '{ self }'), files: { '/ws/flake.lock': LOCK }, name: 'no inputs, a lock anyway' },
  ],
  invalid: [
    {
      name: 'a merge conflict left in the lock',
      code: flake('{ }'),
      files: { '/ws/flake.lock': `<<<<<<< HEAD\n${LOCK}\n=======\n${LOCK}\n>>>>>>> main\n` },
      errors: [{ messageId: 'badLock', line: 3 }],
    },
    { code: flake('{ }'), files: { '/ws/flake.lock': '' }, name: 'empty', errors: [{ messageId: 'badLock' }] },
    { code: flake('{ }'), files: { '/ws/flake.lock': '[1]' }, errors: [{ messageId: 'notObject' }] },
    {
      name: 'no inputs: reported at the top',
      code: '{ outputs = { self }: { }; }',
      files: { '/ws/flake.lock': '{' },
      errors: [{ messageId: 'badLock', line: 1, column: 1 }],
    },
  ],
});

test('FL014 points into the lock where the JSON breaks', () => {
  const [f] = runRule(language, lockInvalid, { code: flake('{ }'), files: { '/ws/flake.lock': '{ "a": 1,, }' } });
  assert.equal(f.related?.[0].path, '/ws/flake.lock');
  assert.ok((f.related?.[0].start ?? 0) > 0);
});
