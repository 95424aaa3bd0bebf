import { language } from '../../server/src/languages/flake';
import { rule as topLevel } from '../../server/src/languages/flake/rules/top-level';
import { rule as description } from '../../server/src/languages/flake/rules/description-string';
import { rule as inputShape } from '../../server/src/languages/flake/rules/input-shape';
import { rule as flakeRef } from '../../server/src/languages/flake/rules/flake-ref';
import { rule as follows } from '../../server/src/languages/flake/rules/follows-target';
import { rule as outputsFormals } from '../../server/src/languages/flake/rules/outputs-formals';
import { rule as knownOutputs } from '../../server/src/languages/flake/rules/known-outputs';
import { rule as deprecated } from '../../server/src/languages/flake/rules/deprecated-outputs';
import { rule as systems } from '../../server/src/languages/flake/rules/known-systems';
import { rule as lock } from '../../server/src/languages/flake/rules/lock-consistency';
import { rule as implicit } from '../../server/src/languages/flake/rules/implicit-input';
import { rule as lockMissing } from '../../server/src/languages/flake/rules/lock-missing';
import { rule as undef } from '../../server/src/languages/nix/rules/undefined-variable';
import { runRule, testRule } from '../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const flake = (inputs: string, outputs: string) => `{\n  description = "x";\n${inputs}  outputs = ${outputs};\n}\n`;
const NP = '  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n';

testRule(language, topLevel, {
  valid: [
    flake(NP, '{ self, nixpkgs }: { }'),
    '{ outputs = _: { }; nixConfig.extra-substituters = [ "https://x.cachix.org" ]; }',
  ],
  invalid: [
    {
      code: '{\n  description = "x";\n  packages = { };\n  outputs = { self }: { };\n}\n',
      errors: [{ messageId: 'unknownKey', line: 3, data: { name: 'packages' } }],
    },
    { code: '[ ]', errors: [{ messageId: 'notSet' }] },
    { code: '{ description = "x"; }', errors: [{ messageId: 'noOutputs' }] },
  ],
});

testRule(language, description, {
  valid: ['{ description = "a"; outputs = _: { }; }', '{ description = "a ${"b"}"; outputs = _: { }; }'],
  invalid: [
    { code: '{ description = [ "a" ]; outputs = _: { }; }', errors: [{ messageId: 'notString' }] },
    { code: '{ description = 1; outputs = _: { }; }', errors: [{ messageId: 'notString' }] },
  ],
});

testRule(language, inputShape, {
  valid: [
    flake(NP, '{ self, nixpkgs }: { }'),
    flake('  inputs.src = { url = "github:a/b"; flake = false; };\n', '{ self, src }: { }'),
  ],
  invalid: [
    {
      code: flake('  inputs.nixpkgs = "github:NixOS/nixpkgs";\n', '{ self, nixpkgs }: { }'),
      errors: [{ messageId: 'notSet', line: 3 }],
      output: flake('  inputs.nixpkgs = { url = "github:NixOS/nixpkgs"; };\n', '{ self, nixpkgs }: { }'),
    },
    {
      code: flake('  inputs.nixpkgs.uri = "github:NixOS/nixpkgs";\n', '{ self, nixpkgs }: { }'),
      errors: [{ messageId: 'unknownKey', data: { key: 'uri' } }],
    },
    { code: flake('  inputs.src.flake = "no";\n', '{ self, src }: { }'), errors: [{ messageId: 'flakeBool' }] },
  ],
});

testRule(language, flakeRef, {
  valid: [
    flake(NP, '_: { }'),
    flake(
      '  inputs.a.url = "git+https://example.org/a.git?ref=main";\n  ' +
        'inputs.b.url = "path:./sub";\n  inputs.c.url = "nixpkgs";\n  inputs.d.url = ' +
        '"tarball+https://example.org/x.tar.gz";\n  inputs.e.url = "gitlab:o/r";\n  inputs.f.url = ' +
        '"git+ssh://git@github.com/o/r";\n',
      '_: { }',
    ),
  ],
  invalid: [
    { code: flake('  inputs.nixpkgs.url = "github:nixpkgs";\n', '_: { }'), errors: [{ messageId: 'bad', line: 3 }] },
    { code: flake('  inputs.a.url = "foo:bar";\n', '_: { }'), errors: [{ messageId: 'bad' }] },
    { code: flake('  inputs.a.url = "git+https:example.org";\n', '_: { }'), errors: [{ messageId: 'bad' }] },
  ],
});

testRule(language, follows, {
  valid: [
    flake(
      NP + '  inputs.u.url = "github:numtide/flake-utils";\n  inputs.u.inputs.nixpkgs.follows = "nixpkgs";\n',
      '_: { }',
    ),
    flake(NP + '  inputs.n2.follows = "nixpkgs";\n  inputs.x.inputs.y.follows = "";\n', '_: { }'),
  ],
  invalid: [
    {
      code: flake(
        NP + '  inputs.u.url = "github:numtide/flake-utils";\n  inputs.u.inputs.nixpkgs.follows = "nixpgks";\n',
        '_: { }',
      ),
      errors: [{ messageId: 'missing', line: 5, data: { target: 'nixpgks' } }],
    },
    {
      code: flake(NP + '  inputs.other = { follows = "missing/nixpkgs"; };\n', '_: { }'),
      errors: [{ messageId: 'missing' }],
    },
  ],
});

testRule(language, outputsFormals, {
  valid: [
    flake(NP, '{ self, nixpkgs }: { }'),
    flake(NP, '{ self, ... }: { }'),
    flake(NP, 'inputs: { }'),
    flake(NP, 'inputs@{ self, ... }: { }'),
    flake(NP, '{ nixpkgs, ... }: { }'),
  ],
  invalid: [
    {
      code: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ self, nixpkgs }: { }'),
      errors: [{ messageId: 'missingFormal', line: 5, data: { name: 'utils' } }],
      output: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ self, nixpkgs, utils }: { }'),
    },
    {
      code: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ self, nixpkgs }: { }').replace(
        '{ self',
        '{ z',
      ),
      name: 'second suggestion adds ... (self is missing too; its fix is not a suggestion)',
      apply: 1,
      errors: [{ messageId: 'missingSelf' }, { messageId: 'missingFormal' }],
      output: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ z, nixpkgs, ... }: { }'),
    },
    {
      code: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ self, nixpkgs, }: { }'),
      name: 'a trailing comma: the name goes after it',
      errors: [{ messageId: 'missingFormal' }],
      output: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ self, nixpkgs, utils, }: { }'),
    },
    {
      code: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ self, nixpkgs, }: { }').replace(
        'self,',
        'z,',
      ),
      name: 'a trailing comma: ... goes after it',
      apply: 1,
      errors: [{ messageId: 'missingSelf' }, { messageId: 'missingFormal' }],
      output: flake(NP + '  inputs.utils.url = "github:numtide/flake-utils";\n', '{ z, nixpkgs, ... }: { }'),
    },
    { code: flake(NP, '{ }'), errors: [{ messageId: 'notFunction' }] },
    {
      name: 'no self and no ...: Nix passes self anyway',
      code: flake(NP, '{ nixpkgs }: { }'),
      errors: [{ messageId: 'missingSelf', line: 4 }],
      output: flake(NP, '{ self, nixpkgs }: { }'),
    },
    {
      name: 'no self, with the inputs named through @',
      code: flake(NP, 'inputs@{ nixpkgs }: { }'),
      errors: [{ messageId: 'missingSelf' }],
      output: flake(NP, 'inputs@{ self, nixpkgs }: { }'),
    },
    {
      name: 'an empty pattern, and inputs that cannot be read: self is passed all the same',
      code: '{\n  inputs = import ./inputs.nix;\n  outputs = { }: { };\n}\n',
      errors: [{ messageId: 'missingSelf', line: 3 }],
      output: '{\n  inputs = import ./inputs.nix;\n  outputs = { self }: { };\n}\n',
    },
  ],
});

testRule(language, knownOutputs, {
  valid: [
    flake('', '{ self }: { packages = { }; devShells = { }; overlays.default = final: prev: { }; lib = { }; }'),
    flake('', '{ self }: { apps.x86_64-linux.default = { type = "app"; program = "x"; }; }'),
    {
      code: flake('', '{ self }: { apps.x86_64-linux.default = { program = "x"; }; }'),
      name: "an app's shape is FL013",
    },
  ],
  invalid: [
    {
      code: flake('', '{ self }: {\n    package.x86_64-linux.default = self;\n  }'),
      errors: [{ messageId: 'unknown', line: 4, data: { name: 'package' } }],
    },
  ],
});

testRule(language, deprecated, {
  valid: [flake('', '{ self }: { packages.x86_64-linux.default = self; }')],
  invalid: [
    {
      code: flake('', '{ self }: { defaultPackage.x86_64-linux = self; }'),
      errors: [{ messageId: 'deprecated', data: { name: 'defaultPackage' } }],
      output: flake('', '{ self }: { packages.x86_64-linux.default = self; }'),
    },
    {
      code: flake('', '{ self }: { overlay = final: prev: { }; }'),
      errors: [{ messageId: 'deprecated' }],
      output: flake('', '{ self }: { overlays.default = final: prev: { }; }'),
    },
    { code: flake('', '{ self }: { devShell = { x86_64-linux = self; }; }'), errors: [{ messageId: 'deprecated' }] },
  ],
});

testRule(language, systems, {
  valid: [
    flake(
      '',
      '{ self }: { packages.aarch64-darwin.default = self; formatter.x86_64-linux = self; overlays.foo = self; }',
    ),
  ],
  invalid: [
    {
      code: flake('', '{ self }: { packages.x86-64-linux.default = self; }'),
      errors: [{ messageId: 'unknown', data: { name: 'x86-64-linux' } }],
      output: flake('', '{ self }: { packages.x86_64-linux.default = self; }'),
    },
    {
      code: flake('', '{ self }: { packages.hello = self; }'),
      errors: [{ messageId: 'unknown', data: { name: 'hello' } }],
    },
  ],
});

const LOCK = JSON.stringify({
  nodes: { nixpkgs: { locked: {} }, root: { inputs: { nixpkgs: 'nixpkgs' } } },
  root: 'root',
  version: 7,
});
const LOCK2 = JSON.stringify({
  nodes: { root: { inputs: { nixpkgs: 'nixpkgs', old: 'old' } } },
  root: 'root',
  version: 7,
});
testRule(language, lock, {
  valid: [
    { code: flake(NP, '{ self, nixpkgs }: { }'), files: { '/ws/flake.lock': LOCK } },
    { code: flake('', '{ self }: { }'), name: 'no inputs, no lock: nothing to pin' },
    { code: flake(NP, '{ self, nixpkgs }: { }'), files: { '/ws/flake.lock': '{' }, name: 'not JSON: FL014' },
    { code: flake(NP, '{ self, nixpkgs }: { }'), files: { '/ws/flake.lock': '[]' }, name: 'not an object: FL014' },
  ],
  invalid: [
    {
      code: flake(NP + '  inputs.u.url = "github:numtide/flake-utils";\n', '{ self, nixpkgs, u }: { }'),
      files: { '/ws/flake.lock': LOCK },
      errors: [{ messageId: 'notLocked', line: 4, data: { name: 'u' } }],
    },
    {
      code: flake(NP, '{ self, nixpkgs }: { }'),
      files: { '/ws/flake.lock': LOCK2 },
      errors: [{ messageId: 'stale', data: { name: 'old' } }],
    },
  ],
});

testRule(language, implicit, {
  valid: [flake(NP, '{ self, nixpkgs }: { }')],
  invalid: [
    {
      code: '{\n  outputs = { self, nixpkgs }: { };\n}\n',
      errors: [{ messageId: 'undeclared', data: { name: 'nixpkgs' } }],
      output:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  outputs = { self, nixpkgs }: { };\n}\n',
    },
    { code: flake(NP, '{ self, nixpkgs, foo }: { }'), errors: [{ messageId: 'undeclared', data: { name: 'foo' } }] },
  ],
});

// NX001 in a flake.nix: an input used but never declared gets a fix that declares it and takes it in outputs.
const EACH = 'flake-utils.lib.eachDefaultSystem (system: { })';
testRule(language, undef, {
  valid: [
    flake(NP + '  inputs.flake-utils.url = "github:numtide/flake-utils";\n', `{ self, nixpkgs, flake-utils }: ${EACH}`),
  ],
  invalid: [
    {
      name: 'a well-known input, no inputs yet',
      code: flake('', `{ self, nixpkgs }: ${EACH}`),
      errors: [{ messageId: 'undefined', line: 3, data: { name: 'flake-utils' } }],
      output: flake(
        '  inputs.flake-utils.url = "github:numtide/flake-utils";\n',
        `{ self, nixpkgs, flake-utils }: ${EACH}`,
      ),
    },
    {
      name: 'after the inputs.x lines',
      code: flake(NP, `{ self, nixpkgs }: ${EACH}`),
      errors: [{ messageId: 'undefined', line: 4 }],
      output: flake(
        `${NP}  inputs.flake-utils.url = "github:numtide/flake-utils";\n`,
        `{ self, nixpkgs, flake-utils }: ${EACH}`,
      ),
    },
    {
      name: 'inside inputs = { }, a pattern with ... (which binds only the names it lists)',
      code:
        '{\n  inputs = {\n    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  };\n' +
        '  outputs = { self, nixpkgs, ... }: {\n    homeConfigurations.me = home-manager.lib.hm { };\n  };\n}\n',
      errors: [{ messageId: 'undefined', line: 6, data: { name: 'home-manager' } }],
      output:
        '{\n  inputs = {\n    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n' +
        '    home-manager.url = "github:nix-community/home-manager";\n  };\n' +
        '  outputs = { self, nixpkgs, home-manager, ... }: {\n    homeConfigurations.me = home-manager.lib.hm { };\n' +
        '  };\n}\n',
    },
    {
      name: 'declared, but not in the pattern: only the pattern',
      code: flake(`${NP}  inputs.utils.url = "github:numtide/flake-utils";\n`, '{ self, nixpkgs, ... }: utils.lib.x'),
      errors: [{ messageId: 'undefined', data: { name: 'utils' } }],
      output: flake(
        `${NP}  inputs.utils.url = "github:numtide/flake-utils";\n`,
        '{ self, nixpkgs, utils, ... }: utils.lib.x',
      ),
    },
    {
      name: 'not an input: an unknown name not used as a flake, or outside outputs',
      code: flake(NP, '{ self, nixpkgs }: { x = foo + 1; }').replace('"x"', 'bar'),
      errors: [
        { messageId: 'undefined', line: 2, data: { name: 'bar' } },
        { messageId: 'undefined', line: 4, data: { name: 'foo' } },
      ],
    },
    {
      name: 'no pattern to add it to',
      code: flake(NP, `inputs: ${EACH}`),
      errors: [{ messageId: 'undefined', data: { name: 'flake-utils' } }],
    },
  ],
});

test('NX001 in a flake: an unknown input used as a flake is declared by a snippet fix, the URL its tab stop', () => {
  const code = flake(NP, '{ self, nixpkgs }: { packages = my-tool.packages; }');
  const [f] = runRule(language, undef, { code });
  assert.equal(f.data?.name, 'my-tool');
  assert.equal(f.fix?.snippet, true);
  // no fallback: an editor without snippet edits gets no fix rather than a placeholder URL
  assert.equal(f.fix?.fallback, undefined);
  assert.deepEqual(
    f.fix?.edits.map((e) => e.newText),
    ['\n  inputs.my-tool.url = "$1";', ', my-tool'],
  );
});

testRule(language, lockMissing, {
  valid: [
    { code: flake(NP, '{ self, nixpkgs }: { }'), files: { '/ws/flake.lock': LOCK } },
    { code: flake('', '{ self }: { }'), name: 'no inputs, nothing to pin' },
    { code: flake(NP, '{ self, nixpkgs }: { }'), files: { '/ws/flake.lock': '{' }, name: 'a broken lock is FL014' },
  ],
  invalid: [
    {
      name: 'one input: said in the singular',
      code: flake(NP, '{ self, nixpkgs }: { }'),
      errors: [{ messageId: 'noLockOne', line: 3, data: { name: 'nixpkgs' } }],
    },
    {
      code: flake(`${NP}  inputs.utils.url = "github:numtide/flake-utils";\n`, '{ self, nixpkgs, utils }: { }'),
      errors: [{ messageId: 'noLock', line: 3, data: { count: 2 } }],
    },
  ],
});

test('FL012, a flake without its lock yet, is an info, and FL010 leaves it alone', () => {
  assert.equal(lockMissing.meta.defaultSeverity, 'info');
  assert.deepEqual(runRule(language, lock, { code: flake(NP, '{ self, nixpkgs }: { }') }), []);
});
