/**
 * Static scopes of a Nix tree: which binding each variable refers to. Lexical bindings (lambda
 * arguments, `let`, `rec`) win over `with`, like in Nix; a name found nowhere is a global builtin,
 * or unknown when some `with` encloses it, or else undefined. Walks with an explicit stack.
 */
import * as A from './ast';
import data from './data/globals.json';

export const GLOBALS: ReadonlySet<string> = new Set([...data.globals, '__curPos']);
export const BUILTINS: readonly string[] = data.builtins;

export type DefKind = 'param' | 'formal' | 'let' | 'rec' | 'inherit';
export interface Def {
  name: string;
  kind: DefKind;
  /** The node that names it (an Ident or attribute name). */
  node: A.Ident | A.AttrName;
  /** The binding, formal or lambda that introduces it. */
  owner: A.Binding | A.Formal | A.Lambda;
  /** The scope-creating node. */
  scopeNode: A.Node;
  uses: number;
}
export interface Ref {
  name: string;
  start: number;
  end: number;
  /** What it resolves to: a binding, a global builtin, a name some `with` may provide, or nothing. */
  target: Def | 'global' | 'with' | 'undefined';
  /** A name of a plain `inherit x;`: it names an attribute too, so renaming it changes that. */
  fromInherit?: boolean;
}
export interface ScopeInfo {
  defs: Def[];
  refs: Ref[];
  /** The lexical names visible at a node (innermost first), for completion. */
  scopeAt(offset: number): { defs: Def[]; inWith: boolean };
}

interface Scope {
  parent?: Scope;
  names?: Map<string, Def>;
  with?: boolean;
  node?: A.Node;
}

const cache = new WeakMap<A.NixModel, ScopeInfo>();

export function scopes(model: A.NixModel): ScopeInfo {
  let info = cache.get(model);
  if (!info) {
    info = analyse(model.root);
    cache.set(model, info);
  }
  return info;
}

function analyse(root: A.Expr): ScopeInfo {
  const defs: Def[] = [];
  const refs: Ref[] = [];
  const scopeRanges: { start: number; end: number; scope: Scope }[] = [];
  const top: Scope = {};

  const resolve = (scope: Scope, name: string): Ref['target'] => {
    let inWith = false;
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const d = s.names?.get(name);
      if (d) return d;
      if (s.with) inWith = true;
    }
    if (GLOBALS.has(name)) return 'global';
    return inWith ? 'with' : 'undefined';
  };
  const ref = (scope: Scope, name: string, start: number, end: number, fromInherit?: boolean) => {
    const target = resolve(scope, name);
    if (typeof target === 'object') target.uses++;
    refs.push(fromInherit ? { name, start, end, target, fromInherit } : { name, start, end, target });
  };
  const bindScope = (parent: Scope, node: A.Node, bindings: A.Binding[], kind: DefKind): Scope => {
    const names = new Map<string, Def>();
    for (const b of bindings) {
      if (b.type === 'Attribute') {
        const n = b.path.length ? A.staticName(b.path[0]) : undefined;
        if (n !== undefined && !names.has(n))
          names.set(n, { name: n, kind, node: b.path[0], owner: b, scopeNode: node, uses: 0 });
      } else {
        for (const a of b.names) {
          const n = A.staticName(a);
          if (n !== undefined && !names.has(n))
            names.set(n, { name: n, kind: 'inherit', node: a, owner: b, scopeNode: node, uses: 0 });
        }
      }
    }
    for (const d of names.values()) defs.push(d);
    return { parent, names, node };
  };

  // The work stack as two parallel arrays (nodes and their scopes): no allocation per push.
  const nodes: A.Node[] = [root];
  const scs: Scope[] = [top];
  const stack = {
    get length() {
      return nodes.length;
    },
    push(...items: { node: A.Node; scope: Scope }[]) {
      for (const it of items) {
        nodes.push(it.node);
        scs.push(it.scope);
      }
    },
  };
  const push1 = (node: A.Node, scope: Scope) => {
    nodes.push(node);
    scs.push(scope);
  };
  const pushAll = (list: (A.Node | undefined)[], scope: Scope) => {
    for (let i = list.length - 1; i >= 0; i--) {
      const n = list[i];
      if (n) {
        nodes.push(n);
        scs.push(scope);
      }
    }
  };
  /** Bindings of a set or let: values in `inner`, plain inherits refer to `outer`. */
  const visitBindings = (bindings: A.Binding[], inner: Scope, outer: Scope) => {
    const work: (A.Node | undefined)[] = [];
    for (const b of bindings) {
      if (b.type === 'Attribute') {
        for (const a of b.path) if (a.type !== 'Ident') stack.push({ node: a, scope: inner });
        work.push(b.value);
      } else if (b.from) {
        work.push(b.from);
      } else {
        for (const a of b.names) {
          const n = A.staticName(a);
          if (n !== undefined) ref(outer, n, a.start, a.end, true);
        }
      }
    }
    pushAll(work, inner);
  };

  while (nodes.length) {
    const node = nodes.pop()!;
    const scope = scs.pop()!;
    switch (node.type) {
      case 'Lambda': {
        const names = new Map<string, Def>();
        if (node.param)
          names.set(node.param.name, {
            name: node.param.name,
            kind: 'param',
            node: node.param,
            owner: node,
            scopeNode: node,
            uses: 0,
          });
        for (const f of node.formals?.formals ?? [])
          if (!names.has(f.name.name))
            names.set(f.name.name, {
              name: f.name.name,
              kind: 'formal',
              node: f.name,
              owner: f,
              scopeNode: node,
              uses: 0,
            });
        for (const d of names.values()) defs.push(d);
        const inner: Scope = { parent: scope, names, node };
        scopeRanges.push({ start: node.start, end: node.end, scope: inner });
        pushAll([...(node.formals?.formals.map((f) => f.def) ?? []), node.body], inner);
        break;
      }
      case 'Let': {
        const inner = bindScope(scope, node, node.bindings, 'let');
        scopeRanges.push({ start: node.start, end: node.end, scope: inner });
        stack.push({ node: node.body, scope: inner });
        visitBindings(node.bindings, inner, scope);
        break;
      }
      case 'LegacyLet': {
        const inner = bindScope(scope, node, node.bindings, 'rec');
        scopeRanges.push({ start: node.start, end: node.end, scope: inner });
        visitBindings(node.bindings, inner, scope);
        break;
      }
      case 'AttrSet': {
        if (node.rec) {
          const inner = bindScope(scope, node, node.bindings, 'rec');
          scopeRanges.push({ start: node.start, end: node.end, scope: inner });
          visitBindings(node.bindings, inner, scope);
        } else visitBindings(node.bindings, scope, scope);
        break;
      }
      case 'With': {
        const inner: Scope = { parent: scope, with: true, node };
        scopeRanges.push({ start: node.body.start, end: node.end, scope: inner });
        push1(node.body, inner);
        push1(node.env, scope);
        break;
      }
      case 'Apply':
        push1(node.arg, scope);
        push1(node.fn, scope);
        break;
      case 'Select':
        if (node.def) push1(node.def, scope);
        for (let i = node.path.length - 1; i >= 0; i--) if (node.path[i].type !== 'Ident') push1(node.path[i], scope);
        push1(node.expr, scope);
        break;
      case 'Binary':
        push1(node.right, scope);
        push1(node.left, scope);
        break;
      case 'Var':
        ref(scope, node.name, node.start, node.end);
        break;
      case 'Interp':
      case 'Paren':
        push1(node.expr, scope);
        break;
      case 'List':
        for (let i = node.items.length - 1; i >= 0; i--) push1(node.items[i], scope);
        break;
      case 'Int':
      case 'Float':
      case 'Uri':
      case 'SearchPath':
      case 'Missing':
      case 'StrText':
      case 'Ident':
        break;
      case 'Str':
      case 'Path':
        for (let i = node.parts.length - 1; i >= 0; i--)
          if (node.parts[i].type === 'Interp') push1(node.parts[i], scope);
        break;
      default:
        pushAll(A.children(node), scope);
    }
  }

  return {
    defs,
    refs,
    scopeAt(offset) {
      let best: Scope = top;
      let bestSize = Infinity;
      for (const r of scopeRanges)
        if (r.start <= offset && offset <= r.end && r.end - r.start <= bestSize) {
          best = r.scope;
          bestSize = r.end - r.start;
        }
      const out: Def[] = [];
      let inWith = false;
      const seen = new Set<string>();
      for (let s: Scope | undefined = best; s; s = s.parent) {
        if (s.with) inWith = true;
        for (const d of s.names?.values() ?? [])
          if (!seen.has(d.name)) {
            seen.add(d.name);
            out.push(d);
          }
      }
      return { defs: out, inWith };
    },
  };
}
