/**
 * The Nix syntax tree. Every node has `start`/`end` offsets into the text; the tokens (with
 * whitespace and comments) stay in the model, so together they are lossless.
 */
import type { ParseProblem } from '../../engine/types';
import type { Token } from './lexer';

interface Base {
  start: number;
  end: number;
}

export interface Ident extends Base {
  type: 'Ident';
  name: string;
}
export interface Var extends Base {
  type: 'Var';
  name: string;
}
export interface Int extends Base {
  type: 'Int';
  value: string;
}
export interface Float extends Base {
  type: 'Float';
  value: string;
}
/** A literal piece of a string, indented string or path, as written (escapes not decoded). */
export interface StrText extends Base {
  type: 'StrText';
  raw: string;
}
export interface Interp extends Base {
  type: 'Interp';
  expr: Expr;
}
export interface Str extends Base {
  type: 'Str';
  parts: (StrText | Interp)[];
  indented: boolean;
}
export interface Path extends Base {
  type: 'Path';
  parts: (StrText | Interp)[];
  home: boolean;
}
export interface SearchPath extends Base {
  type: 'SearchPath';
  path: string;
}
export interface Uri extends Base {
  type: 'Uri';
  value: string;
}
export interface Paren extends Base {
  type: 'Paren';
  expr: Expr;
}
export interface List extends Base {
  type: 'List';
  items: Expr[];
}
export interface AttrSet extends Base {
  type: 'AttrSet';
  rec: boolean;
  bindings: Binding[];
  open: number;
  close: number;
}
/** `let { ... }` (deprecated): a recursive set whose `body` attribute is the value. */
export interface LegacyLet extends Base {
  type: 'LegacyLet';
  bindings: Binding[];
}
export interface Let extends Base {
  type: 'Let';
  bindings: Binding[];
  body: Expr;
}
export interface With extends Base {
  type: 'With';
  env: Expr;
  body: Expr;
}
export interface Assert extends Base {
  type: 'Assert';
  cond: Expr;
  body: Expr;
}
export interface If extends Base {
  type: 'If';
  cond: Expr;
  then: Expr;
  else: Expr;
}
export interface Formal extends Base {
  type: 'Formal';
  name: Ident;
  def?: Expr;
}
export interface Formals extends Base {
  type: 'Formals';
  formals: Formal[];
  ellipsis?: Base;
  commas: number[];
}
export interface Lambda extends Base {
  type: 'Lambda';
  param?: Ident;
  formals?: Formals;
  body: Expr;
}
export interface Binary extends Base {
  type: 'Binary';
  op: string;
  left: Expr;
  right: Expr;
}
export interface Unary extends Base {
  type: 'Unary';
  op: '!' | '-';
  expr: Expr;
}
export interface HasAttr extends Base {
  type: 'HasAttr';
  expr: Expr;
  path: AttrName[];
}
export interface Select extends Base {
  type: 'Select';
  expr: Expr;
  path: AttrName[];
  def?: Expr;
}
export interface Apply extends Base {
  type: 'Apply';
  fn: Expr;
  arg: Expr;
}
/** Where an expression should have been (after a syntax error). */
export interface Missing extends Base {
  type: 'Missing';
}

/** An attribute name: a plain name, a string, or `${ expr }`. `name` is set when it is static. */
export type AttrName = Ident | Str | Interp;

export interface Attribute extends Base {
  type: 'Attribute';
  path: AttrName[];
  value: Expr;
}
export interface Inherit extends Base {
  type: 'Inherit';
  from?: Expr;
  names: AttrName[];
}
export type Binding = Attribute | Inherit;

export type Expr =
  | Var
  | Int
  | Float
  | Str
  | Path
  | SearchPath
  | Uri
  | Paren
  | List
  | AttrSet
  | LegacyLet
  | Let
  | With
  | Assert
  | If
  | Lambda
  | Binary
  | Unary
  | HasAttr
  | Select
  | Apply
  | Missing;

export type Node = Expr | Ident | StrText | Interp | Formal | Formals | Attribute | Inherit;

export interface NixModel {
  text: string;
  tokens: Token[];
  root: Expr;
  /** Syntax errors and the errors Nix raises while building its tree (duplicate attributes, ...). */
  problems: ParseProblem[];
  /** Nodes some checks look for, collected while parsing (so they need no walk of the tree). */
  index: { uris: Uri[]; legacyLets: LegacyLet[]; recSets: AttrSet[] };
}

/** The static name of an attribute name, or undefined when it is computed. */
export function staticName(a: AttrName): string | undefined {
  if (a.type === 'Ident') return a.name;
  if (a.type === 'Str') {
    if (a.parts.length === 0) return '';
    if (a.parts.length === 1 && a.parts[0].type === 'StrText') return unescapeString(a.parts[0].raw);
    return undefined;
  }
  // `${ "x" }` with a plain string inside is static too.
  if (a.expr.type === 'Str' && !a.expr.indented) return staticName(a.expr);
  return undefined;
}

export function unescapeString(raw: string): string {
  return raw.replace(/\\([\s\S])/g, (_, ch: string) =>
    ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch === 't' ? '\t' : ch,
  );
}

/** The children of a node, in source order. */
export function children(n: Node): Node[] {
  switch (n.type) {
    case 'Str':
    case 'Path':
      return n.parts;
    case 'Interp':
      return [n.expr];
    case 'Paren':
      return [n.expr];
    case 'List':
      return n.items;
    case 'AttrSet':
    case 'LegacyLet':
      return n.bindings;
    case 'Let':
      return [...n.bindings, n.body];
    case 'With':
      return [n.env, n.body];
    case 'Assert':
      return [n.cond, n.body];
    case 'If':
      return [n.cond, n.then, n.else];
    case 'Lambda': {
      const out: Node[] = [];
      if (n.param && n.formals && n.param.start < n.formals.start) out.push(n.param, n.formals);
      else {
        if (n.formals) out.push(n.formals);
        if (n.param) out.push(n.param);
      }
      out.push(n.body);
      return out;
    }
    case 'Formals':
      return n.formals;
    case 'Formal':
      return n.def ? [n.name, n.def] : [n.name];
    case 'Binary':
      return [n.left, n.right];
    case 'Unary':
      return [n.expr];
    case 'HasAttr':
      return [n.expr, ...n.path];
    case 'Select':
      return n.def ? [n.expr, ...n.path, n.def] : [n.expr, ...n.path];
    case 'Apply':
      return [n.fn, n.arg];
    case 'Attribute':
      return [...n.path, n.value];
    case 'Inherit':
      return n.from ? [n.from, ...n.names] : n.names;
    default:
      return [];
  }
}

/** The chain of nodes from the root down to the innermost one containing `offset`. */
export function nodePath(root: Node, offset: number): Node[] {
  const out: Node[] = [];
  let cur: Node | undefined = root;
  while (cur) {
    out.push(cur);
    let next: Node | undefined;
    for (const ch of children(cur))
      if (ch.start <= offset && offset <= ch.end && ch.end > ch.start) {
        next = ch;
        if (offset < ch.end) break;
      }
    cur = next;
  }
  return out;
}
