/** Small helpers over the Nix tree shared by rules and editor features. */
import * as A from './ast';

/** Every node of the tree, parents before children (explicit stack, no recursion). */
export function* walk(root: A.Node): Generator<A.Node> {
  const stack: A.Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    const ch = A.children(n);
    for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]);
  }
}

/** Strips parentheses. */
export function unparen(e: A.Expr): A.Expr {
  while (e.type === 'Paren') e = e.expr;
  return e;
}

/** The static attributes of a set, with nested paths (`a.b.c = x`) and nested sets merged. */
export interface AttrTree {
  entries: Map<string, AttrTreeEntry>;
}
export interface AttrTreeEntry {
  name: string;
  /** Every attribute name node that spells this key. */
  keys: A.AttrName[];
  /** The bindings that define it (or define something below it). */
  bindings: A.Binding[];
  /** Its value when given as one expression (the last one). */
  value?: A.Expr;
  /** Its attributes when it is (or is built as) a literal set. */
  tree?: AttrTree;
  /** Whether some part of it is computed (dynamic names, inherit from, non-literal values). */
  opaque: boolean;
}

export function attrTree(bindings: A.Binding[], depth = 0): AttrTree {
  const tree: AttrTree = { entries: new Map() };
  // Checks look a few levels down; stopping deep keeps pathological files cheap and shallow.
  if (depth > 64) return tree;
  for (const b of bindings) addBinding(tree, b, depth);
  return tree;
}

function entryOf(tree: AttrTree, name: string, key: A.AttrName, b: A.Binding): AttrTreeEntry {
  let e = tree.entries.get(name);
  if (!e) {
    e = { name, keys: [], bindings: [], opaque: false };
    tree.entries.set(name, e);
  }
  e.keys.push(key);
  e.bindings.push(b);
  return e;
}

function addBinding(tree: AttrTree, b: A.Binding, depth: number): void {
  if (b.type === 'Inherit') {
    for (const a of b.names) {
      const n = A.staticName(a);
      if (n !== undefined) {
        const e = entryOf(tree, n, a, b);
        e.opaque = true;
      }
    }
    return;
  }
  let cur = tree;
  for (let i = 0; i < b.path.length; i++) {
    const n = A.staticName(b.path[i]);
    if (n === undefined) return;
    const e = entryOf(cur, n, b.path[i], b);
    if (i === b.path.length - 1) {
      e.value = b.value;
      const v = unparen(b.value);
      if (v.type === 'AttrSet' && !v.rec) {
        const sub = attrTree(v.bindings, depth + 1);
        if (!e.tree) e.tree = sub;
        else for (const [k, se] of sub.entries) e.tree.entries.set(k, se);
      } else if (v.type === 'AttrSet') {
        e.tree = attrTree(v.bindings, depth + 1);
      } else e.opaque = true;
    } else {
      if (!e.tree) e.tree = { entries: new Map() };
      cur = e.tree;
    }
  }
}

/** The text of a string literal without interpolation, else undefined. */
export function literalString(e: A.Expr | undefined): string | undefined {
  if (!e) return undefined;
  e = unparen(e);
  if (e.type !== 'Str' || e.indented) return undefined;
  if (e.parts.length === 0) return '';
  if (e.parts.length === 1 && e.parts[0].type === 'StrText') return A.unescapeString(e.parts[0].raw);
  return undefined;
}

/** Edits removing a node together with the whitespace before it on its line (or after it). */
export function removalRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start,
    e = end;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  const lineStart = s === 0 || text[s - 1] === '\n';
  if (lineStart) {
    // Take the whole line when the node is alone on it.
    let e2 = e;
    while (e2 < text.length && (text[e2] === ' ' || text[e2] === '\t')) e2++;
    if (e2 >= text.length || text[e2] === '\n' || text[e2] === '\r') {
      if (text[e2] === '\r') e2++;
      if (text[e2] === '\n') e2++;
      return { start: s, end: e2 };
    }
    return { start, end: e2 };
  }
  return { start: s, end: e };
}
