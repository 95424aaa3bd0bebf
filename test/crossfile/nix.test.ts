/** Workflows that run Nix (XF031). */
import { testRule } from '../helpers/rule-tester';
import { language as workflow } from '../../server/src/languages/workflow';
import { rule as nixNotInstalled } from '../../server/src/languages/workflow/rules/nix-not-installed';

const job = (runsOn: string, steps: string) =>
  `on: push\njobs:\n  build:\n    runs-on: ${runsOn}\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

testRule(workflow, nixNotInstalled, {
  valid: [
    job('ubuntu-latest', '      - uses: cachix/install-nix-action@v31\n      - run: nix build .#default\n'),
    job(
      'ubuntu-24.04',
      '      - uses: DeterminateSystems/nix-installer-action@main\n      - run: nix develop -c make\n',
    ),
    job('[self-hosted, nix]', '      - run: nix build\n'),
    job('${{ matrix.os }}', '      - run: nix build\n'),
    job(
      'ubuntu-latest',
      '      - run: curl -L https://nixos.org/nix/install | sh -s -- --daemon\n      - run: nix build\n',
    ),
    job('ubuntu-latest', '      - run: echo "nix build is how we build"\n'),
    {
      code:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: ' +
        'nixos/nix\n    steps:\n      - run: nix build\n',
      name: 'in a Nix container',
    },
  ],
  invalid: [
    {
      code: job('ubuntu-latest', '      - run: nix build .#default\n'),
      errors: [{ messageId: 'notInstalled', line: 7, column: 14 }],
    },
    {
      code: job(
        'macos-14',
        '      - run: |\n          set -e\n          nix flake check\n      - uses: cachix/install-nix-action@v31\n',
      ),
      errors: [{ messageId: 'notInstalled', line: 9, column: 11 }],
    },
  ],
});
