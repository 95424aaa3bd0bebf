import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';

/** Where `JSON.parse` stopped, from its message ("... at position 12 ..."), else the file's start. */
function errorOffset(message: string, length: number): number {
  const at = message.lastIndexOf('position ');
  if (at < 0) return 0;
  let n = 0;
  let k = at + 9;
  for (; k < message.length && message[k] >= '0' && message[k] <= '9'; k++) n = n * 10 + Number(message[k]);
  return k === at + 9 ? 0 : Math.min(n, length);
}

const LOCK =
  '{ "version": 7, "root": "root", "nodes": { "root": { "inputs": { "nixpkgs": "nixpkgs" } },\n' +
  '  "nixpkgs": { "locked": { "type": "github", "owner": "NixOS", "repo": "nixpkgs", "rev": "' +
  '0'.repeat(40) +
  '" } } } }\n';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL014',
    id: 'flake-lock-invalid',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The flake.lock next to a flake is not a JSON object.',
    messages: {
      badLock: 'flake.lock next to this flake is not valid JSON ({{error}}); every `nix` command on the flake fails.',
      notObject: 'flake.lock next to this flake is not a JSON object; every `nix` command on the flake fails.',
    },
    docs: {
      severity:
        'Nix reads flake.lock before it evaluates anything, and stops when it cannot parse it: `nix build`, ' +
        '`nix develop` and `nix flake check` all fail (a merge conflict left in the lock is the usual cause).',
      rationale:
        'flake.lock is JSON that Nix writes (`nix flake lock`). A hand edit or a merge conflict (`<<<<<<<` ' +
        'markers) leaves it unreadable. Resolve the conflict, or delete the file and run `nix flake lock` to ' +
        'pin the inputs afresh. A lock that parses but disagrees with flake.nix is FL010.',
      incorrect:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  outputs = { self, nixpkgs }: { };\n}\n',
      correct:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  outputs = { self, nixpkgs }: { };\n}\n',
      files: { 'flake.lock': `<<<<<<< HEAD\n${LOCK}=======\n${LOCK}>>>>>>> main\n` },
      correctFiles: { 'flake.lock': LOCK },
      peers: ['nix flake metadata'],
    },
  },
  check(ctx) {
    const lockPath = `${ctx.path.replace(/\/[^/]*$/, '')}/flake.lock`;
    ctx.workspace.dependOn?.(ctx.path, lockPath);
    const text = ctx.workspace.readText(lockPath);
    const info = flakeInfoOf(ctx);
    if (text === undefined || !info.top) return;
    const k = info.tree?.entries.get('inputs')?.keys[0];
    const at = k ? { start: k.start, end: k.end } : { start: info.top.start, end: info.top.start + 1 };
    let lock: unknown;
    try {
      lock = JSON.parse(text);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const offset = errorOffset(message, text.length);
      ctx.report({
        ...at,
        messageId: 'badLock',
        data: { error: message.split('\n')[0] },
        related: [{ path: lockPath, start: offset, end: Math.min(offset + 1, text.length), message: 'here' }],
      });
      return;
    }
    if (typeof lock !== 'object' || lock === null || Array.isArray(lock)) ctx.report({ ...at, messageId: 'notObject' });
  },
});
