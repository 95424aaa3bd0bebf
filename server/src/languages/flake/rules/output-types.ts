import { defineRule } from '../../../engine/define';
import * as A from '../../nix/ast';
import type { NixModel } from '../../nix/ast';
import { literalString, unparen, type AttrTree, type AttrTreeEntry } from '../../nix/util';
import { flakeInfoOf } from '../model';

/** What `nix flake check` wants at the leaves of an output. */
type Want = 'derivation' | 'app' | 'bundler' | 'overlay' | 'nixos' | 'template';

/**
 * The outputs whose values `nix flake check` checks (facts from Nix's `flake check`): per system or not, and whether a
 * name level (`packages.<system>.<name>`, `overlays.<name>`) sits above the value. `legacyPackages` (only its system
 * names are checked), `nixosModules` (only evaluated), `hydraJobs` and `lib` are not here.
 */
const SHAPES: Record<string, { perSystem: boolean; named: boolean; want: Want }> = {
  packages: { perSystem: true, named: true, want: 'derivation' },
  devShells: { perSystem: true, named: true, want: 'derivation' },
  checks: { perSystem: true, named: true, want: 'derivation' },
  formatter: { perSystem: true, named: false, want: 'derivation' },
  defaultPackage: { perSystem: true, named: false, want: 'derivation' },
  devShell: { perSystem: true, named: false, want: 'derivation' },
  apps: { perSystem: true, named: true, want: 'app' },
  defaultApp: { perSystem: true, named: false, want: 'app' },
  bundlers: { perSystem: true, named: true, want: 'bundler' },
  defaultBundler: { perSystem: true, named: false, want: 'bundler' },
  overlays: { perSystem: false, named: true, want: 'overlay' },
  overlay: { perSystem: false, named: false, want: 'overlay' },
  nixosConfigurations: { perSystem: false, named: true, want: 'nixos' },
  templates: { perSystem: false, named: true, want: 'template' },
  defaultTemplate: { perSystem: false, named: false, want: 'template' },
};

const WANTED: Record<Want, string> = {
  derivation: 'a derivation',
  app: 'an app `{ type = "app"; program = "..."; }`',
  bundler: 'a function',
  overlay: 'an overlay function `final: prev: { ... }`',
  nixos: 'a NixOS system (`nixpkgs.lib.nixosSystem { ... }`)',
  template: 'a template `{ path = ./dir; description = "..."; }`',
};

/** What a literal is, in words; undefined for anything computed (a call, a variable, a selection, `//`, ...). */
function literalType(e: A.Expr): string | undefined {
  switch (e.type) {
    case 'Str':
    case 'Uri':
      return 'a string';
    case 'Int':
    case 'Float':
      return 'a number';
    case 'List':
      return 'a list';
    case 'Path':
    case 'SearchPath':
      return 'a path';
    case 'Lambda':
      return 'a function';
    case 'AttrSet':
      return 'an attribute set';
    case 'Var':
      return e.name === 'true' || e.name === 'false' ? 'a boolean' : e.name === 'null' ? 'null' : undefined;
    default:
      return undefined;
  }
}

/** The value of an output entry as far as its literal shows: a set (with its names when all are static), another
 * literal, or undefined when it is computed. */
type Shape =
  | { kind: 'set'; names?: Set<string>; node: A.Node }
  | { kind: 'other'; what: string; node: A.Expr; value: A.Expr };

/** The names a literal set binds, or undefined when one is computed (`${...}`, `inherit` of a name we cannot see). */
function boundNames(set: A.AttrSet): Set<string> | undefined {
  const names = new Set<string>();
  for (const b of set.bindings) {
    if (b.type === 'Inherit') {
      for (const n of b.names) {
        const s = A.staticName(n);
        if (s === undefined) return undefined;
        names.add(s);
      }
      continue;
    }
    const first = A.staticName(b.path[0]);
    if (first === undefined) return undefined;
    names.add(first);
  }
  return names;
}

function shapeOf(entry: AttrTreeEntry): Shape | undefined {
  const names = new Set<string>();
  let complete = true;
  for (let j = 0; j < entry.bindings.length; j++) {
    const b = entry.bindings[j];
    if (b.type !== 'Attribute') return undefined; // inherited: its value is elsewhere
    const at = b.path.indexOf(entry.keys[j]);
    if (at < 0) return undefined;
    if (at === b.path.length - 1) {
      const v = unparen(b.value);
      const what = literalType(v);
      if (!what) return undefined;
      if (v.type !== 'AttrSet')
        return entry.bindings.length === 1 ? { kind: 'other', what, node: v, value: v } : undefined;
      const own = boundNames(v);
      if (!own) complete = false;
      else for (const n of own) names.add(n);
    } else {
      // `packages.x86_64-linux.hello = ...`: this level is a set that has (at least) the next name
      const next = A.staticName(b.path[at + 1]);
      if (next === undefined) complete = false;
      else names.add(next);
    }
  }
  return { kind: 'set', names: complete ? names : undefined, node: entry.keys[0] };
}

/** Overlay arguments Nix's flake check accepts: the name itself, `_`, or the name after `_`. */
const argNamed = (name: string, expected: string) => name === expected || name === '_' || name === `_${expected}`;

interface Problem {
  node: A.Node;
  messageId: string;
  data: Record<string, string>;
}

/** The literal string value of a key of a set entry, and its node. */
function stringAt(entry: AttrTreeEntry, key: string): { value?: string; node?: A.Expr } {
  const node = entry.tree?.entries.get(key)?.value;
  return { value: literalString(node), node };
}

/** Why a leaf value is not what `want` needs, when its literal shows it. */
function leafProblem(path: string, entry: AttrTreeEntry, want: Want): Problem | undefined {
  const s = shapeOf(entry);
  if (!s) return undefined;
  const wrong = (what: string, node: A.Node): Problem => ({
    node,
    messageId: 'wrongType',
    data: { path, expected: WANTED[want], what },
  });
  if (s.kind === 'other') {
    if (want === 'overlay' && s.value.type === 'Lambda') {
      const fn = s.value;
      const arg = fn.formals ? '{ ... }' : (fn.param?.name ?? '');
      if (fn.formals || !argNamed(arg, 'final'))
        return { node: fn.formals ?? fn.param ?? fn, messageId: 'overlayArg', data: { path, arg } };
      return undefined;
    }
    if (want === 'bundler' && s.value.type === 'Lambda') return undefined;
    return wrong(s.what, s.node);
  }
  // A literal attribute set.
  switch (want) {
    case 'bundler':
    case 'overlay':
      return wrong('an attribute set', s.node);
    case 'derivation': {
      // A derivation is a set whose `type` is "derivation"; a literal set without one is not.
      const type = stringAt(entry, 'type');
      if (s.names && !s.names.has('type')) return wrong('an attribute set without `type = "derivation"`', s.node);
      if (type.value !== undefined && type.value !== 'derivation' && type.node)
        return wrong(`an attribute set of type "${type.value}"`, type.node);
      return undefined;
    }
    case 'app': {
      if (!s.names) return undefined;
      for (const key of ['type', 'program'])
        if (!s.names.has(key)) return { node: s.node, messageId: 'appMissing', data: { path, key } };
      const type = stringAt(entry, 'type');
      if (type.value !== undefined && type.value !== 'app' && type.node)
        return { node: type.node, messageId: 'appType', data: { path, type: type.value } };
      // Other attributes (`description`): current Nix's flake check refuses them, Lix and `nix run` do not.
      return undefined;
    }
    case 'nixos':
      return s.names && !s.names.has('config') ? { node: s.node, messageId: 'noConfig', data: { path } } : undefined;
    case 'template': {
      if (!s.names) return undefined;
      for (const key of ['path', 'description'])
        if (!s.names.has(key)) return { node: s.node, messageId: 'templateMissing', data: { path, key } };
      const extra = [...s.names].find((n) => n !== 'path' && n !== 'description' && n !== 'welcomeText');
      if (extra) return { node: s.node, messageId: 'templateExtra', data: { path, key: extra } };
      const d = entry.tree?.entries.get('description')?.value;
      const dv = d && unparen(d);
      const what = dv && literalType(dv);
      if (dv && what && what !== 'a string')
        return { node: dv, messageId: 'wrongType', data: { path: `${path}.description`, expected: 'a string', what } };
      return undefined;
    }
  }
}

/** A level above the leaves (`packages`, `packages.<system>`) whose literal is not a set. */
function levelProblem(path: string, entry: AttrTreeEntry, shape: string): Problem | undefined {
  const s = shapeOf(entry);
  if (s?.kind !== 'other') return undefined;
  return { node: s.node, messageId: 'notSet', data: { path, shape, what: s.what } };
}

/**
 * Checks the outputs of a tree: the flake's own (`perSystem` false), or the set one system's function returns to
 * flake-utils's `eachDefaultSystem`, which becomes `<output>.<system>` of the flake.
 */
function check(tree: AttrTree, perSystem: boolean, report: (p: Problem) => void): void {
  for (const [name, entry] of tree.entries) {
    const shape = SHAPES[name];
    if (!shape) continue;
    let levels: { path: string; entry: AttrTreeEntry }[];
    const names: string[] = [];
    if (perSystem) {
      // `overlays.default` returned per system is `overlays.<system>.default`: the system takes the name's place.
      if (!shape.perSystem && !shape.named) continue;
      levels = [{ path: `${name}.<system>`, entry }];
      if (shape.perSystem && shape.named) names.push('<name>');
    } else {
      levels = [{ path: name, entry }];
      if (shape.perSystem) names.push('<system>');
      if (shape.named) names.push('<name>');
    }
    for (let d = 0; d < names.length; d++) {
      const next: { path: string; entry: AttrTreeEntry }[] = [];
      for (const l of levels) {
        const p = levelProblem(l.path, l.entry, `${l.path}.${names.slice(d).join('.')}`);
        if (p) report(p);
        for (const [k, sub] of l.entry.tree?.entries ?? []) {
          // A system level's key without a '-' is no system (FL009's); Nix does not look below it.
          if (names[d] === '<system>' && !k.includes('-')) continue;
          next.push({ path: `${l.path}.${k}`, entry: sub });
        }
      }
      levels = next;
    }
    for (const leaf of levels) {
      const p = leafProblem(leaf.path, leaf.entry, shape.want);
      if (p) report(p);
    }
  }
}

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL013',
    id: 'flake-output-type',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A flake output whose literal value is not the kind of value `nix flake check` requires there.',
    messages: {
      wrongType: '{{path}} must be {{expected}}, not {{what}}; `nix flake check` fails.',
      notSet: '{{path}} must be an attribute set ({{shape}}), not {{what}}; `nix flake check` fails.',
      appMissing: 'The app {{path}} has no `{{key}}`; `nix flake check` and `nix run` fail.',
      appType: 'The app {{path}} has type "{{type}}"; `nix run` wants type "app" and fails.',
      overlayArg:
        'The overlay {{path}} takes `{{arg}}` first; `nix flake check` wants `final: prev: ...` (or `_`) and fails.',
      noConfig: '{{path}} has no `config`: a NixOS system comes from `nixpkgs.lib.nixosSystem { ... }`.',
      templateMissing: 'The template {{path}} has no `{{key}}`; `nix flake check` fails.',
      templateExtra:
        'The template {{path}} has `{{key}}`; a template has only path, description and welcomeText, and ' +
        '`nix flake check` fails.',
    },
    docs: {
      severity:
        '`nix flake check` stops with an error on each of these (for the system it runs on, or all with ' +
        '`--all-systems`), and `nix build`, `nix run`, `nix fmt` or `nixos-rebuild` fail on the output itself. Only ' +
        'a literal is judged: a call, a variable or an `import` could be anything and is never reported. Left out on ' +
        'purpose, because some Nix passes them: an app with more than `type`, `program` and `meta` (current Nix ' +
        'refuses it, Lix and `nix run` do not), an overlay of one argument (Lix refuses it, Nix does not), and NixOS ' +
        "modules (`nix flake check` only evaluates them). The overlay argument names are Nix's check: Lix asks " +
        'only for two arguments, so there `self: super:` passes.',
      rationale:
        'Each output has a type `nix flake check` enforces: `packages.<system>.<name>`, `devShells`, ' +
        '`checks` and `formatter.<system>` are derivations; an app is `{ type = "app"; program = "..."; }` ' +
        '(plus `meta`); a bundler is a function; an overlay is a function whose first argument is ' +
        'named `final` (or `_`, `_final`): `self: super:` is refused; a NixOS configuration has `config`; a template ' +
        'has `path` and a string `description` (and `welcomeText`, nothing else). Where the value is a literal (a ' +
        'string, a list, a set without `type`), the mistake is evident as you type; the output path is in the ' +
        "message. The set one system's function returns to flake-utils's `eachDefaultSystem (system: { ... })` is " +
        'checked as `<output>.<system>`. `legacyPackages.<system>` is a nested package set and is not checked.',
      incorrect:
        '{\n  outputs = { self }: {\n    packages.x86_64-linux.default = "hello";\n' +
        '    overlays.default = self: super: { };\n  };\n}\n',
      correct:
        '{\n  outputs = { self }: {\n    packages.x86_64-linux.default = self.packages.x86_64-linux.hello;\n' +
        '    overlays.default = final: prev: { };\n  };\n}\n',
      peers: ['nix flake check'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    const report = (p: Problem) =>
      ctx.report({ start: p.node.start, end: p.node.end, messageId: p.messageId, data: p.data });
    if (info.outputsTree) check(info.outputsTree, false, report);
    for (const t of info.mergedTrees) check(t, false, report);
    for (const t of info.perSystemTrees) check(t, true, report);
  },
});
