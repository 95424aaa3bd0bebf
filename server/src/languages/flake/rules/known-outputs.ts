import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';
import { OUTPUTS } from '../schema';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL007',
    id: 'flake-known-outputs',
    kinds: ['flake'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'Flake outputs use the names Nix knows.',
    messages: {
      unknown:
        "'{{name}}' is not an output Nix knows (packages, devShells, apps, " +
        'checks, formatter, overlays, nixosModules, ...); `nix flake check` warns about it.',
    },
    docs: {
      severity: 'A likely bug: Nix does not use an unknown output, and `nix flake check` warns.',
      rationale:
        'Nix gives meaning to a fixed set of output names ' +
        '(`packages.<system>.<name>`, `devShells`, `apps`, `checks`, `formatter`, ' +
        '`legacyPackages`, `overlays`, `nixosModules`, `nixosConfigurations`, `templates`, `lib`, ' +
        '...). Another name is usually a typo, such as `devShell` for `devShells` or `package` for ' +
        '`packages`.',
      incorrect: '{\n  outputs = { self }: {\n    package.x86_64-linux.default = self;\n  };\n}\n',
      correct: '{\n  outputs = { self }: {\n    packages.x86_64-linux.default = self;\n  };\n}\n',
      peers: ['nix flake check (unknown flake output)'],
    },
  },
  check(ctx) {
    const t = flakeInfoOf(ctx).outputsTree;
    if (!t) return;
    for (const [name, e] of t.entries) {
      if (name in OUTPUTS || name === 'self') continue;
      ctx.report({ start: e.keys[0].start, end: e.keys[0].end, messageId: 'unknown', data: { name } });
    }
    // What each output's value must be (an app's type and program, a derivation, an overlay) is FL013's.
  },
});
