import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { flakeInfoOf } from '../model';

const node = (owner: string, repo: string) =>
  `{ "locked": { "type": "github", "owner": "${owner}", "repo": "${repo}", "rev": "${'0'.repeat(40)}" } }`;
/** The doc example's lock: both inputs pinned. */
const LOCKED =
  `{ "version": 7, "root": "root", "nodes": { "root": { "inputs": { "nixpkgs": "nixpkgs", "utils": "utils" } },\n` +
  `  "nixpkgs": ${node('NixOS', 'nixpkgs')},\n  "utils": ${node('numtide', 'flake-utils')} } }\n`;

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL010',
    id: 'flake-lock-consistency',
    kinds: ['flake'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'flake.lock records exactly the inputs flake.nix declares.',
    messages: {
      notLocked: "The input '{{name}}' is not in flake.lock; run `nix flake lock` (or it is fetched unpinned).",
      stale: "flake.lock pins an input '{{name}}' that flake.nix no longer declares; run `nix flake lock`.",
    },
    docs: {
      severity:
        'A likely bug: Nix rewrites (or, with a read-only lock, refuses) a lock that does not match the ' + 'inputs.',
      rationale:
        'A flake.lock that lags behind flake.nix means a build on CI or ' +
        'another machine locks afresh (different versions) or fails in pure mode. `nix flake lock` ' +
        'brings them in line. A flake with no flake.lock at all is FL012 (an info: Nix writes the lock ' +
        'on first use); one that is not JSON at all is FL014 (an error: Nix cannot read it).',
      incorrect:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  inputs.utils.url ' +
        '= "github:numtide/flake-utils";\n  inputs.rust-overlay.url = "github:oxalica/rust-overlay";\n' +
        '  outputs = { self, nixpkgs, utils, rust-overlay }: { };\n}\n',
      correct:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  inputs.utils.url ' +
        '= "github:numtide/flake-utils";\n  outputs = { self, nixpkgs, utils }: { };\n}\n',
      files: { 'flake.lock': LOCKED },
      peers: ['nix flake lock --no-update-lock-file'],
    },
  },
  check(ctx) {
    const dir = ctx.path.replace(/\/[^/]*$/, '');
    const lockPath = `${dir}/flake.lock`;
    ctx.workspace.dependOn?.(ctx.path, lockPath);
    const text = ctx.workspace.readText(lockPath);
    const info = flakeInfoOf(ctx);
    if (!info.top || !info.inputsComplete) return;
    if (text === undefined) return; // FL012
    let lock: { root?: string; nodes?: Record<string, { inputs?: Record<string, unknown> }> } | null;
    try {
      lock = JSON.parse(text);
    } catch {
      return; // FL014
    }
    if (typeof lock !== 'object' || lock === null || Array.isArray(lock)) return; // FL014
    const rootInputs = lock.nodes?.[lock.root ?? 'root']?.inputs ?? {};
    const declared = new Set(info.inputs.keys());
    for (const f of info.outputsLambda?.formals?.formals ?? [])
      if (f.name.name !== 'self' && !f.def) declared.add(f.name.name);
    for (const inp of info.inputs.values()) {
      if (!(inp.name in rootInputs)) {
        const k = inp.entry.keys[0];
        ctx.report({ start: k.start, end: k.end, messageId: 'notLocked', data: { name: inp.name } });
      }
    }
    const at = info.tree?.entries.get('inputs')?.keys[0] ?? info.top;
    for (const name of Object.keys(rootInputs)) {
      if (!declared.has(name))
        ctx.report({
          start: at.start,
          end: at.start === info.top.start ? at.start + 1 : at.end,
          messageId: 'stale',
          data: { name },
        });
    }
  },
});
