import type { Rule } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { flakeInfo } from '../../flake/model';
import type { NixModel } from '../../nix/ast';
import type { AttrTree } from '../../nix/util';
import { repoRootOf } from '../../crossfile/paths';
import { nearest } from '../../crossfile/similar';

/** Where each nix command looks for `.#name`, in order (as `nix` itself resolves an installable). */
const LOOKS_IN: Record<string, string[]> = {
  build: ['packages', 'legacyPackages'],
  run: ['apps', 'packages', 'legacyPackages'],
  develop: ['devShells', 'packages', 'legacyPackages'],
  shell: ['packages', 'legacyPackages'],
};

/**
 * The names the flake defines under the given per-system outputs, over every system; undefined
 * when any part is computed (flake-utils, `let` functions, dynamic names): then nothing is known.
 */
function definedNames(tree: AttrTree, kinds: string[]): Set<string> | undefined {
  const names = new Set<string>();
  for (const kind of kinds) {
    const entry = tree.entries.get(kind);
    if (!entry) continue;
    if (entry.opaque || !entry.tree) return undefined;
    for (const sys of entry.tree.entries.values()) {
      if (sys.opaque || !sys.tree) return undefined;
      for (const name of sys.tree.entries.keys()) names.add(name);
    }
  }
  return names;
}

const HAS_DEFAULTS = (node: { items: { key: unknown }[] } | undefined) => !!node?.items.some((p) => (p.key as { value?: unknown })?.value === 'defaults' || (p.key as { value?: unknown })?.value === 'working-directory');

export const rule: Rule<WorkflowModel> = {
  meta: {
    code: 'XF032', id: 'nix-unknown-flake-output', kinds: ['workflow'], defaultSeverity: 'error', fixable: 'suggestion',
    description: 'A `nix build|run|develop|shell .#name` step names an output the repository\'s flake.nix does not define.',
    messages: { unknown: '`.#{{name}}`: the flake.nix at the repository root defines no {{where}} named "{{name}}"{{hint}}.' },
    docs: {
      rationale: 'A renamed package or dev shell breaks every CI step that still names the old one, and only at run time ("flake does not provide attribute"). The check reads the flake.nix at the repository root (the folder that holds `.github/`) and looks where `nix` looks: `packages` (and `legacyPackages`) for build and shell, `apps` then packages for run, `devShells` then packages for develop. It stays silent when the outputs are computed (flake-utils, functions over systems), when the step or job changes its working directory, or when the name holds a variable. The fix, a suggestion, takes the nearest defined name.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: cachix/install-nix-action@v31\n      - run: nix build .#hello-wrld\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: cachix/install-nix-action@v31\n      - run: nix build .#hello-world\n',
      files: { '../../flake.nix': '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";\n  outputs = { self, nixpkgs }: {\n    packages.x86_64-linux.hello-world = nixpkgs.legacyPackages.x86_64-linux.hello;\n  };\n}\n' },
      peers: [],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root || /^defaults:/m.test(ctx.text)) return;
    const flake = ctx.workspace.get(`${root === '/' ? '' : root}/flake.nix`);
    if (!flake || flake.kind !== 'flake') return;
    const tree = flakeInfo(flake.model as NixModel).outputsTree;
    if (!tree) return;
    for (const job of ctx.model.jobs) {
      if (HAS_DEFAULTS(job.node)) continue;
      for (const step of job.steps) {
        if (!step.run || HAS_DEFAULTS(step.node)) continue;
        const script = ctx.text.slice(step.run.start, step.run.end);
        const re = /(?:^|[\n;&|(]\s*)nix\s+(build|run|develop|shell)\b([^\n;&|]*)/g;
        for (let m; (m = re.exec(script));) {
          const args = m[2];
          const ref = /(?:^|\s)\.#([A-Za-z0-9_'-]+)(?=\s|$)/.exec(args);
          if (!ref) continue;
          const name = ref[1];
          const where = LOOKS_IN[m[1]];
          const names = definedNames(tree, where);
          if (!names || names.has(name)) continue;
          const start = step.run.start + m.index + m[0].length - args.length + ref.index + ref[0].indexOf('.#') + 2;
          const guess = nearest(name, [...names]);
          ctx.report({
            start, end: start + name.length, messageId: 'unknown',
            data: { name, where: where.filter((w) => w !== 'legacyPackages').join(' or '), hint: guess ? ` (did you mean "${guess}"?)` : '' },
            suggestions: guess ? [{ title: `Change to .#${guess}`, edits: [{ start, end: start + name.length, newText: guess }], safe: false }] : undefined,
          });
        }
      }
    }
  },
};
