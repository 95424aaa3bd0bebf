/** Table tests of the flake security rules (FL1xx). */
import { language } from '../../server/src/languages/flake';
import { testRule } from '../helpers/rule-tester';

const r = (code: string) => {
  const rule = language.rules.find((x) => x.meta.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
};
const flake = (body: string) => `{\n${body}\n  outputs = { self, ... }: { };\n}\n`;

testRule(language, r('FL100'), {
  valid: [
    flake('  nixConfig.extra-substituters = [ "https://cache.example.org" ];'),
    flake('  nixConfig.extra-substituters = [ "http://localhost:5000" ];'),
    flake('  nixConfig.extra-substituters = "https://a.example https://b.example";'),
  ],
  invalid: [
    {
      code: flake('  nixConfig.extra-substituters = [ "http://cache.example.org" ];'),
      errors: [{ messageId: 'http', line: 2, column: 37 }],
      output: flake('  nixConfig.extra-substituters = [ "https://cache.example.org" ];'),
    },
    {
      code: flake('  nixConfig = {\n    substituters = "https://a.example http://b.example";\n  };'),
      errors: [{ messageId: 'http', data: { url: 'http://b.example' } }],
      output: flake('  nixConfig = {\n    substituters = "https://a.example https://b.example";\n  };'),
    },
  ],
});

const KEY = 'q3bJ0jzqV3m9a1G8YHf5kD9n2dA6S0Q6c2x0y7c9lN8=';
testRule(language, r('FL101'), {
  valid: [
    flake(
      '  nixConfig = {\n    extra-substituters = [ "https://nix-community.cachix.org" ];\n' +
        `    extra-trusted-public-keys = [ "nix-community.cachix.org-1:${KEY}" ];\n  };`,
    ),
    flake(`  nixConfig.extra-trusted-public-keys = [ "cache.nixos.org-1:${KEY}" ];`),
    flake('  nixConfig.require-sigs = true;'),
    // a key's name need not be its cache's host: IOG's cache signs as hydra.iohk.io (NixOS/templates haskell.nix)
    flake(
      '  nixConfig = {\n    extra-substituters = [ "https://cache.iog.io" ];\n' +
        `    extra-trusted-public-keys = [ "hydra.iohk.io:${KEY}" ];\n  };`,
    ),
  ],
  invalid: [
    {
      code: flake(`  nixConfig.extra-trusted-public-keys = [ "evil.example-1:${KEY}" ];`),
      errors: [{ messageId: 'key', line: 2, data: { name: 'evil.example-1' } }],
    },
    { code: flake('  nixConfig.require-sigs = false;'), errors: [{ messageId: 'requireSigs' }] },
    { code: flake('  nixConfig = { sandbox = false; };'), errors: [{ messageId: 'sandbox' }] },
  ],
});

testRule(language, r('FL102'), {
  valid: [
    flake('  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";'),
    flake('  inputs.x.url = "git+https://example.org/x.git";'),
    flake('  inputs.x.url = "http://localhost:8080/x.tar.gz";'),
  ],
  invalid: [
    {
      code: flake('  inputs.x.url = "http://example.org/x.tar.gz";'),
      errors: [{ messageId: 'http', line: 2, column: 19, data: { name: 'x' } }],
      output: flake('  inputs.x.url = "https://example.org/x.tar.gz";'),
    },
    {
      code: flake('  inputs.x.url = "git+http://example.org/x.git";'),
      errors: [{ messageId: 'http' }],
      output: flake('  inputs.x.url = "git+https://example.org/x.git";'),
    },
    { code: flake('  inputs.x.url = "git://example.org/x.git";'), errors: [{ messageId: 'git' }] },
  ],
});
