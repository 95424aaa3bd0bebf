import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';
import { flakeRefProblem } from '../schema';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL004',
    id: 'flake-ref',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'An input URL is a well-formed flake reference.',
    messages: { bad: "The flake reference '{{url}}' {{reason}}." },
    docs: {
      severity: 'Nix cannot fetch an input whose reference it cannot parse.',
      rationale:
        'Input URLs are flake references: `github:owner/repo[/ref]`, ' +
        '`gitlab:`, `sourcehut:`, `git+https://`, `git+ssh://`, `path:`, `tarball+https://`, ' +
        '`https://...`, or an indirect id like `nixpkgs`. A malformed one fails only when the ' +
        "flake is locked, often on someone else's machine.",
      incorrect: '{\n  inputs.nixpkgs.url = "github:nixpkgs";\n  outputs = { self, nixpkgs }: { };\n}\n',
      correct:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  outputs = { self, nixpkgs }: { };\n}\n',
      peers: ['nix flake lock', 'nix flake metadata'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    for (const inp of info.inputs.values()) {
      if (!inp.url) continue;
      const reason = flakeRefProblem(inp.url.value);
      if (reason)
        ctx.report({
          start: inp.url.node.start,
          end: inp.url.node.end,
          messageId: 'bad',
          data: { url: inp.url.value, reason },
        });
    }
  },
});
