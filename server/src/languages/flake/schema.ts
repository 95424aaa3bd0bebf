/** What a flake.nix may contain (facts from the Nix manual's flake reference, in our words). */

export const TOP_KEYS: Record<string, string> = {
  description: 'A one-line description of the flake (a string), shown by `nix flake metadata` and `nix search`.',
  inputs:
    'The flakes and sources this flake depends on, by name. Each is a ' +
    'flake reference (`url`) plus options (`flake`, `follows`, nested `inputs`).',
  outputs: "A function from `self` and the inputs to the flake's outputs (packages, devShells, apps, ...).",
  nixConfig: 'Nix settings (like substituters) the flake asks for; users are asked before they apply.',
};

export const INPUT_KEYS: Record<string, string> = {
  url: 'The flake reference, e.g. `github:NixOS/nixpkgs/nixos-unstable`.',
  flake: 'Whether the input is a flake (default true); `false` for plain sources.',
  follows: 'Use another input instead of fetching this one, e.g. `"nixpkgs"` or `"other/nixpkgs"`.',
  inputs: 'Overrides for the inputs of this input, typically `inputs.nixpkgs.follows = "nixpkgs"`.',
  type: 'The fetcher type (github, gitlab, sourcehut, git, mercurial, path, tarball, file, indirect).',
  owner: 'Owner (github/gitlab/sourcehut).',
  repo: 'Repository (github/gitlab/sourcehut).',
  ref: 'Branch or tag.',
  rev: 'Commit hash.',
  dir: 'Subdirectory holding flake.nix.',
  narHash: 'Expected NAR hash.',
  host: 'Host for github/gitlab/sourcehut.',
  path: 'Path (path type).',
  submodules: 'Fetch git submodules.',
  shallow: 'Shallow git clone.',
  lastModified: 'Lock attribute.',
  revCount: 'Lock attribute.',
  allRefs: 'Fetch all git refs.',
  id: 'Indirect flake id.',
};

export const SYSTEMS = [
  'x86_64-linux',
  'aarch64-linux',
  'x86_64-darwin',
  'aarch64-darwin',
  'i686-linux',
  'armv6l-linux',
  'armv7l-linux',
  'riscv64-linux',
  'powerpc64le-linux',
  'x86_64-freebsd',
  'aarch64-freebsd',
  'i686-freebsd',
  'x86_64-netbsd',
  'x86_64-openbsd',
  'mipsel-linux',
  'mips64el-linux',
  'loongarch64-linux',
  's390x-linux',
  'armv5tel-linux',
  'm68k-linux',
  'microblaze-linux',
  'wasm32-wasi',
  'wasm64-wasi',
  'x86_64-cygwin',
  'x86_64-windows',
  'i686-windows',
];

export interface OutputKind {
  perSystem: boolean;
  doc: string;
  depth: 0 | 1 | 2;
}
/** depth: 2 = `<name>.<system>.<attr>`, 1 = `<name>.<system>` or `<name>.<attr>`, 0 = a value. */
export const OUTPUTS: Record<string, OutputKind> = {
  packages: {
    perSystem: true,
    depth: 2,
    doc:
      'Derivations by system and name: `packages.<system>.<name>`; `nix ' +
      'build .#name` builds one, `default` is built by `nix build`.',
  },
  devShells: {
    perSystem: true,
    depth: 2,
    doc:
      'Development environments: `devShells.<system>.<name>` for `nix ' +
      'develop .#name` (`default` for `nix develop`).',
  },
  apps: {
    perSystem: true,
    depth: 2,
    doc: 'Programs for `nix run .#name`: `apps.<system>.<name> = { type = "app"; program = "${pkg}/bin/x"; }`.',
  },
  checks: { perSystem: true, depth: 2, doc: 'Derivations `nix flake check` builds: `checks.<system>.<name>`.' },
  formatter: { perSystem: true, depth: 1, doc: 'The formatter `nix fmt` runs: `formatter.<system> = pkg`.' },
  legacyPackages: {
    perSystem: true,
    depth: 1,
    doc:
      'A nested package set by system (like nixpkgs): ' +
      '`legacyPackages.<system>`; not evaluated by `nix flake check`.',
  },
  hydraJobs: { perSystem: false, depth: 0, doc: 'Jobs for Hydra: `hydraJobs.<job>.<system>`.' },
  bundlers: { perSystem: true, depth: 2, doc: 'Functions for `nix bundle`: `bundlers.<system>.<name>`.' },
  overlays: { perSystem: false, depth: 1, doc: 'Nixpkgs overlays by name: `overlays.<name> = final: prev: { ... }`.' },
  nixosModules: { perSystem: false, depth: 1, doc: 'NixOS modules by name: `nixosModules.<name>`.' },
  nixosConfigurations: { perSystem: false, depth: 1, doc: 'Whole NixOS systems for `nixos-rebuild --flake .#name`.' },
  darwinModules: { perSystem: false, depth: 1, doc: 'nix-darwin modules by name.' },
  darwinConfigurations: { perSystem: false, depth: 1, doc: 'nix-darwin systems for `darwin-rebuild --flake .#name`.' },
  homeManagerModules: { perSystem: false, depth: 1, doc: 'Home Manager modules by name.' },
  homeModules: { perSystem: false, depth: 1, doc: 'Home Manager modules by name.' },
  homeConfigurations: {
    perSystem: false,
    depth: 1,
    doc: 'Home Manager configurations for `home-manager --flake .#name`.',
  },
  flakeModules: { perSystem: false, depth: 1, doc: 'flake-parts modules by name.' },
  templates: {
    perSystem: false,
    depth: 1,
    doc: 'Templates for `nix flake init -t .#name`: `{ path = ./dir; description = "..."; }`.',
  },
  lib: { perSystem: false, depth: 0, doc: 'A library of Nix functions for other flakes.' },
  herculesCI: { perSystem: false, depth: 0, doc: 'Hercules CI configuration.' },
  defaultPackage: { perSystem: true, depth: 1, doc: 'Deprecated: use `packages.<system>.default`.' },
  devShell: { perSystem: true, depth: 1, doc: 'Deprecated: use `devShells.<system>.default`.' },
  defaultApp: { perSystem: true, depth: 1, doc: 'Deprecated: use `apps.<system>.default`.' },
  defaultBundler: { perSystem: true, depth: 1, doc: 'Deprecated: use `bundlers.<system>.default`.' },
  overlay: { perSystem: false, depth: 0, doc: 'Deprecated: use `overlays.default`.' },
  nixosModule: { perSystem: false, depth: 0, doc: 'Deprecated: use `nixosModules.default`.' },
  defaultTemplate: { perSystem: false, depth: 0, doc: 'Deprecated: use `templates.default`.' },
};

/** Deprecated output → the current output it becomes, and whether it is per system. */
export const DEPRECATED_OUTPUTS: Record<string, { to: string; perSystem: boolean }> = {
  defaultPackage: { to: 'packages', perSystem: true },
  devShell: { to: 'devShells', perSystem: true },
  defaultApp: { to: 'apps', perSystem: true },
  defaultBundler: { to: 'bundlers', perSystem: true },
  overlay: { to: 'overlays', perSystem: false },
  nixosModule: { to: 'nixosModules', perSystem: false },
  defaultTemplate: { to: 'templates', perSystem: false },
};

/** Well-known inputs (shared with NX001's fix, which lives with the Nix language). */
export { COMMON_INPUT_URLS } from '../nix/flake-inputs';

/** Why a flake reference is malformed, or undefined when it looks right. */
export function flakeRefProblem(ref: string): string | undefined {
  if (ref === '') return 'is empty';
  if (/\s/.test(ref)) return 'contains whitespace';
  const m = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(ref);
  if (!m) {
    if (ref.startsWith('/') || ref.startsWith('./') || ref.startsWith('../') || ref === '.') return undefined; // a path
    // Indirect: an id with an optional ref/rev.
    if (/^[a-zA-Z][a-zA-Z0-9_-]*(\/[^/]+){0,2}$/.test(ref)) return undefined;
    return 'is neither a URL (`scheme:...`) nor a flake id like `nixpkgs`';
  }
  const scheme = m[1].toLowerCase();
  const rest = cutAt(m[2], '?#');
  switch (scheme) {
    case 'github':
    case 'gitlab':
    case 'sourcehut': {
      const parts = rest.split('/');
      if (parts.length < 2 || !parts[0] || !parts[1])
        return `needs an owner and a repository (\`${scheme}:owner/repo[/ref]\`)`;
      if (parts.length > 3 && scheme !== 'gitlab') return `has too many path segments (\`${scheme}:owner/repo[/ref]\`)`;
      return undefined;
    }
    case 'flake':
      return rest ? undefined : 'names no flake id';
    case 'path':
      return rest ? undefined : 'names no path';
    case 'git+https':
    case 'git+http':
    case 'git+ssh':
    case 'git+file':
    case 'git':
    case 'hg+https':
    case 'hg+http':
    case 'hg+ssh':
    case 'hg+file':
    case 'tarball+https':
    case 'tarball+http':
    case 'tarball+file':
    case 'file+https':
    case 'file+http':
    case 'file+file':
    case 'https':
    case 'http':
    case 'file':
      if (scheme.endsWith('file') || scheme === 'file') return rest ? undefined : 'names no file';
      if (!rest.startsWith('//')) return `needs \`${scheme}://host/...\``;
      if (rest.length <= 2) return 'names no host';
      if (
        (scheme === 'https' || scheme === 'http') &&
        !/\.(zip|tar|tgz|tar\.gz|tar\.xz|tar\.bz2|tar\.zst)(\?|$)/.test(rest) &&
        !/[?&]/.test(m[2])
      )
        return undefined;
      return undefined;
    default:
      return (
        `uses an unknown scheme '${scheme}:' (github:, gitlab:, sourcehut:, ` +
        `git+https:, git+ssh:, path:, tarball+https:, https:, flake:)`
      );
  }
}

/**
 * What `s.replace(/[chars].*$/, '')` gives: the text before the first of `chars` after the last line
 * break, found without the regular expression's rescan from every one of them.
 */
function cutAt(s: string, chars: string): string {
  let from = 0;
  for (let k = s.length - 1; k >= 0; k--) {
    const c = s.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      from = k + 1;
      break;
    }
  }
  for (let k = from; k < s.length; k++) if (chars.includes(s[k])) return s.slice(0, k);
  return s;
}
