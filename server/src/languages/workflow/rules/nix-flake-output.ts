import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { flakeInfo } from '../../flake/model';
import { LOOKS_IN, definedNames, installables } from '../../crossfile/nix';
import type { NixModel } from '../../nix/ast';
import { repoRootOf } from '../../crossfile/paths';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF032',
    id: 'nix-unknown-flake-output',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description:
      "A `nix build|run|develop|shell .#name` step names an output the repository's flake.nix does not define.",
    messages: {
      unknown: '`.#{{name}}`: the flake.nix at the repository root defines no {{where}} named "{{name}}"{{hint}}.',
    },
    docs: {
      rationale:
        'A renamed package or dev shell breaks every CI step that still names ' +
        'the old one, and only at run time ("flake does not provide attribute"). The check reads ' +
        'the flake.nix at the repository root (the folder that holds `.github/`) and looks where ' +
        '`nix` looks: `packages` (and `legacyPackages`) for build and shell, `apps` then packages ' +
        'for run, `devShells` then packages for develop. It stays silent when the outputs are ' +
        'computed (flake-utils, functions over systems), when the step or job changes its working ' +
        'directory, or when the name holds a variable. The fix, a suggestion, takes the nearest ' +
        'defined name.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - uses: cachix/install-nix-action@v31\n      - run: ' +
        'nix build .#hello-wrld\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: actions/checkout@v4\n      - uses: cachix/install-nix-action@v31\n      - run: ' +
        'nix build .#hello-world\n',
      files: {
        '../../flake.nix':
          '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";\n  ' +
          'outputs = { self, nixpkgs }: {\n    packages.x86_64-linux.hello-world = ' +
          'nixpkgs.legacyPackages.x86_64-linux.hello;\n  };\n}\n',
      },
      peers: [],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root) return;
    const flake = ctx.workspace.get(`${root === '/' ? '' : root}/flake.nix`);
    if (flake?.kind !== 'flake') return;
    const tree = flakeInfo(flake.model as NixModel).outputsTree;
    if (!tree) return;
    for (const ref of installables(ctx.model)) {
      const where = LOOKS_IN[ref.command];
      const names = definedNames(tree, where);
      if (!names || names.has(ref.name)) continue;
      const guess = nearest(ref.name, [...names], { mode: 'rename', containment: 'either' });
      ctx.report({
        start: ref.start,
        end: ref.end,
        messageId: 'unknown',
        data: {
          name: ref.name,
          where: where.filter((w) => w !== 'legacyPackages').join(' or '),
          hint: guess ? ` (did you mean "${guess}"?)` : '',
        },
        suggestions: guess
          ? [
              {
                title: `Change to .#${guess}`,
                edits: [{ start: ref.start, end: ref.end, newText: guess }],
                safe: false,
              },
            ]
          : undefined,
      });
    }
  },
});
