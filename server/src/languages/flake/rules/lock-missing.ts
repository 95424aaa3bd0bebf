import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL012',
    id: 'flake-lock-missing',
    kinds: ['flake'],
    defaultSeverity: 'info',
    fixable: false,
    description: 'A flake with inputs has no flake.lock beside it.',
    messages: {
      noLockOne:
        "There is no flake.lock next to this flake, so its input '{{name}}' is not pinned yet: run " +
        '`nix flake lock` and commit the lock file.',
      noLock:
        'There is no flake.lock next to this flake, so its {{count}} inputs are not pinned yet: run ' +
        '`nix flake lock` and commit the lock file.',
    },
    docs: {
      severity:
        'Practice: a new or template flake has no lock yet, and Nix writes one on first use; what matters is ' +
        'committing it.',
      rationale:
        'Until flake.lock is committed, every machine that first builds the flake locks its inputs afresh, ' +
        'to whatever their branches hold that day. A lock that disagrees with flake.nix is FL010.',
      incorrect:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  outputs = { self, nixpkgs }: { };\n}\n',
      correct: '{\n  description = "no inputs, nothing to lock";\n  outputs = { self }: { };\n}\n',
      peers: ['nix flake lock'],
    },
  },
  check(ctx) {
    const lockPath = `${ctx.path.replace(/\/[^/]*$/, '')}/flake.lock`;
    ctx.workspace.dependOn?.(ctx.path, lockPath);
    if (ctx.workspace.readText(lockPath) !== undefined) return;
    const info = flakeInfoOf(ctx);
    if (!info.top || !info.inputsComplete) return;
    const withUrl = [...info.inputs.values()].filter((i) => i.url);
    const k = info.tree?.entries.get('inputs')?.keys[0];
    if (!withUrl.length || !k) return;
    ctx.report({
      start: k.start,
      end: k.end,
      ...(withUrl.length === 1
        ? { messageId: 'noLockOne', data: { name: withUrl[0].name } }
        : { messageId: 'noLock', data: { count: withUrl.length } }),
    });
  },
});
