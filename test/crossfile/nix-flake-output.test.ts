import { language as workflow } from '../../server/src/languages/workflow';
import { rule } from '../../server/src/links/rules/nix-flake-output';
import { testRule } from '../helpers/rule-tester';

const WF = '/repo/.github/workflows/ci.yml';
const flake = (outputs: string) =>
  `{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";\n  outputs = { self, nixpkgs }: ${outputs};\n}\n`;
const LITERAL = flake(`{
    packages.x86_64-linux.api = nixpkgs.legacyPackages.x86_64-linux.hello;
    packages.aarch64-linux.worker = nixpkgs.legacyPackages.aarch64-linux.hello;
    devShells.x86_64-linux.ci = nixpkgs.legacyPackages.x86_64-linux.mkShell { };
    apps.x86_64-linux.migrate = { type = "app"; program = "x"; };
  }`);
const files = { '/repo/flake.nix': LITERAL };
const job = (run: string, extra = '') =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${extra}    ` +
  `steps:\n      - uses: cachix/install-nix-action@v31\n      - run: ${run}\n`;

testRule(workflow, rule, {
  valid: [
    { name: 'packages of any system', code: job('nix build .#api && nix build .#worker'), path: WF, files },
    {
      name: 'develop finds dev shells and packages',
      code: job('nix develop .#ci --command make && nix develop .#api'),
      path: WF,
      files,
    },
    { name: 'run finds apps and packages', code: job('nix run .#migrate; nix run .#api'), path: WF, files },
    { name: 'no name: the default is not checked', code: job('nix build'), path: WF, files },
    { name: 'a variable in the name', code: job('nix build .#${{ matrix.pkg }}'), path: WF, files },
    { name: 'no flake.nix at the root', code: job('nix build .#nothing'), path: WF },
    {
      name: 'computed outputs (flake-utils) are unknown',
      code: job('nix build .#nothing'),
      path: WF,
      files: { '/repo/flake.nix': flake('flake-utils.lib.eachDefaultSystem (system: { packages.default = null; })') },
    },
    {
      name: 'a job that changes its working directory',
      code: job('nix build .#nothing', '    defaults: { run: { working-directory: sub } }\n'),
      path: WF,
      files,
    },
    { name: 'another flake by path', code: job('nix build ./sub#nothing'), path: WF, files },
  ],
  invalid: [
    {
      name: 'a typo in a package name',
      code: job('nix build .#apii'),
      path: WF,
      files,
      errors: [{ messageId: 'unknown', line: 7, column: 26, endColumn: 30, data: { name: 'apii' } }],
      output: job('nix build .#api'),
    },
    {
      name: 'a dev shell that is not there',
      code: job('nix develop .#lint --command make'),
      path: WF,
      files,
      errors: [{ messageId: 'unknown', line: 7, data: { name: 'lint', where: 'devShells or packages' } }],
    },
    {
      name: 'build does not look in devShells',
      code: job('nix flake check && nix build .#ci'),
      path: WF,
      files,
      errors: [{ messageId: 'unknown', line: 7, data: { name: 'ci', where: 'packages' } }],
      output: job('nix flake check && nix build .#api'),
    },
  ],
});
