/**
 * The Nix parser: hand-written, error tolerant, following the reference grammar (Nix 2.8's
 * parser.y) production for production so we accept exactly what it accepts. Beside syntax errors
 * it raises the errors Nix raises while building its tree: duplicate attributes (with its merge of
 * nested sets), duplicate formals, dynamic attributes in `let` and `inherit`.
 *
 * Chains (operators, prefixes, application, `a: b: ...`, `let`/`with`/`assert` bodies, `else if`)
 * run in loops. Brackets recurse, but never more than a few hundred levels at a time: regions that
 * start past every 200 levels are parsed first (see prepareDeep), so thousands of levels parse whole,
 * as they do in Nix. MAX_DEPTH stays as a last guard with a clean error.
 */
import type { ParseProblem } from '../../engine/types';
import * as A from './ast';
import { lex, T, TOKEN_NAMES, type Token } from './lexer';

/** How deep brackets may nest before we give up with an error (the reference has no limit). */
export const MAX_DEPTH = 600;

interface AttrEntry {
  pos: number;
  sub?: AttrMap;
}
type AttrMap = Map<string, AttrEntry>;

const BINOPS: Partial<Record<T, { prec: number; assoc: 'l' | 'r' | 'n'; op: string }>> = {
  [T.IMPL]: { prec: 1, assoc: 'r', op: '->' },
  [T.OR]: { prec: 2, assoc: 'l', op: '||' },
  [T.AND]: { prec: 3, assoc: 'l', op: '&&' },
  [T.EQ]: { prec: 4, assoc: 'n', op: '==' },
  [T.NEQ]: { prec: 4, assoc: 'n', op: '!=' },
  [T.LT]: { prec: 5, assoc: 'n', op: '<' },
  [T.GT]: { prec: 5, assoc: 'n', op: '>' },
  [T.LEQ]: { prec: 5, assoc: 'n', op: '<=' },
  [T.GEQ]: { prec: 5, assoc: 'n', op: '>=' },
  [T.UPDATE]: { prec: 6, assoc: 'r', op: '//' },
  // 7: unary '!'
  [T.PLUS]: { prec: 8, assoc: 'l', op: '+' },
  [T.MINUS]: { prec: 8, assoc: 'l', op: '-' },
  [T.STAR]: { prec: 9, assoc: 'l', op: '*' },
  [T.SLASH]: { prec: 9, assoc: 'l', op: '/' },
  [T.CONCAT]: { prec: 10, assoc: 'r', op: '++' },
  [T.QUESTION]: { prec: 11, assoc: 'l', op: '?' },
};
const NOT_PREC = 7;

function startsSimple(k: T): boolean {
  switch (k) {
    case T.ID:
    case T.INT:
    case T.FLOAT:
    case T.DQUOTE:
    case T.IND_OPEN:
    case T.PATH:
    case T.HPATH:
    case T.SPATH:
    case T.URI:
    case T.LPAREN:
    case T.LET:
    case T.REC:
    case T.LBRACE:
    case T.LBRACK:
    case T.PARSED:
      return true;
    default:
      return false;
  }
}

class Parser {
  readonly sig: Token[];
  p = 0;
  depth = 0;
  tooDeep = false;
  readonly problems: ParseProblem[] = [];
  readonly attrMaps = new WeakMap<A.AttrSet, AttrMap>();
  readonly index: A.NixModel['index'] = { uris: [], legacyLets: [], recSets: [] };
  lastErrorTok = -1;
  /** Set when a pre-parsed deep region had errors: problems are then put in text order. */
  deepErrors = false;
  private readonly eofErrorPos: number;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
  ) {
    this.sig = tokens.filter((t) => t.kind !== T.COMMENT);
    // The reference reports an unexpected end of file where its last token began, whitespace
    // included (a run of whitespace is one token there).
    let e = text.length;
    while (e > 0) {
      const c = text.charCodeAt(e - 1);
      if (c === 32 || c === 9 || c === 10 || c === 13) e--;
      else break;
    }
    const last = tokens.length >= 2 ? tokens[tokens.length - 2] : undefined;
    this.eofErrorPos = e < text.length && (!last || last.end <= e) ? e : last ? last.start : 0;
  }

  peek(): Token {
    return this.sig[this.p];
  }
  kind(off = 0): T {
    let i = this.p;
    while (off-- > 0 && i < this.sig.length - 1) i = this.sig[i].skipTo ?? i + 1;
    return this.sig[Math.min(i, this.sig.length - 1)].kind;
  }
  next(): Token {
    const t = this.sig[this.p];
    if (t.kind !== T.EOF) this.p = t.skipTo ?? this.p + 1;
    return t;
  }

  /**
   * Deep nesting without deep recursion: when brackets nest deeper than CHUNK, the regions that
   * start at depths CHUNK, 2·CHUNK, ... are parsed first, deepest first, each with a fresh (shallow)
   * recursion, and stand in the token list as one PARSED token. The parse that follows sees at most
   * CHUNK levels between two such regions.
   */
  prepareDeep(): void {
    const CHUNK = 200;
    const sig = this.sig;
    const n = sig.length;
    // Cheap first pass: most files never come near the limit.
    let d = 0,
      deepest = 0;
    for (let i = 0; i < n; i++) {
      const k = sig[i].kind;
      if (k === T.LPAREN || k === T.LBRACK || k === T.LBRACE || k === T.DOLLAR_CURLY) {
        if (++d > deepest) deepest = d;
      } else if ((k === T.RPAREN || k === T.RBRACK || k === T.RBRACE) && d > 0) d--;
    }
    if (deepest <= CHUNK) return;
    const match = new Int32Array(n).fill(-1);
    const depthOf = new Int32Array(n);
    const open: number[] = [];
    let max = 0;
    for (let i = 0; i < n; i++) {
      const k = sig[i].kind;
      if (k === T.LPAREN || k === T.LBRACK || k === T.LBRACE || k === T.DOLLAR_CURLY) {
        open.push(i);
        depthOf[i] = open.length;
        if (open.length > max) max = open.length;
      } else if ((k === T.RPAREN || k === T.RBRACK || k === T.RBRACE) && open.length) match[open.pop()!] = i;
    }
    if (max <= CHUNK) return;
    for (let level = Math.floor(max / CHUNK) * CHUNK; level >= CHUNK; level -= CHUNK) {
      for (let i = 0; i < n; i++) {
        if (depthOf[i] !== level || match[i] < 0) continue;
        const k = sig[i].kind;
        // `rec {` and `let {` are parsed from their keyword.
        const from = k === T.LBRACE && i > 0 && (sig[i - 1].kind === T.REC || sig[i - 1].kind === T.LET) ? i - 1 : i;
        const saved = {
          p: this.p,
          depth: this.depth,
          problems: this.problems.length,
          last: this.lastErrorTok,
          uris: this.index.uris.length,
          lets: this.index.legacyLets.length,
          recs: this.index.recSets.length,
        };
        this.p = from;
        this.depth = 0;
        let node: A.Expr | A.Interp | undefined;
        if (k === T.DOLLAR_CURLY) node = this.parseInterp();
        else if (k === T.LBRACE && from === i) {
          if (!this.looksLikeFormals()) node = this.parseAttrSet(false, sig[i].start);
        } else node = this.parseSimple();
        if (node && !this.tooDeep) {
          // A region with a syntax error inside still stands for itself (its errors are kept): the
          // brackets balance, so the rest of the file parses around it.
          if (this.p !== match[i] + 1) this.deepErrors = true;
          sig[from] = { kind: T.PARSED, start: sig[from].start, end: sig[match[i]].end, node, skipTo: match[i] + 1 };
        } else {
          this.problems.length = saved.problems;
          this.index.uris.length = saved.uris;
          this.index.legacyLets.length = saved.lets;
          this.index.recSets.length = saved.recs;
          this.tooDeep = false;
        }
        this.p = saved.p;
        this.depth = saved.depth;
        this.lastErrorTok = saved.last;
      }
    }
  }
  prevEnd(): number {
    return this.p > 0 ? this.sig[this.p - 1].end : 0;
  }

  problem(start: number, end: number, message: string, messageId?: string, data?: Record<string, string>): void {
    const p: ParseProblem = { start, end, message };
    if (messageId) p.messageId = messageId;
    if (data) p.data = data;
    this.problems.push(p);
  }

  /** A syntax error at the current token (once per token). */
  unexpected(expecting?: string): void {
    if (this.lastErrorTok === this.p || this.tooDeep) return;
    this.lastErrorTok = this.p;
    const t = this.peek();
    if (t.kind === T.ERROR) {
      this.problem(t.start, Math.max(t.end, t.start), t.message!);
      return;
    }
    if (t.kind === T.EOF) {
      this.problem(
        this.eofErrorPos,
        this.text.length,
        `unexpected end of file${expecting ? `, expecting ${expecting}` : ''}`,
      );
      return;
    }
    const what =
      t.kind === T.INVALID ? `character '${this.text.slice(t.start, t.end)}'` : (TOKEN_NAMES[t.kind] ?? 'token');
    this.problem(t.start, t.end, `unexpected ${what}${expecting ? `, expecting ${expecting}` : ''}`);
  }

  /** Expects the closer of a bracket opened at `open`; at the end of file says which one is unclosed. */
  expectClose(k: T, open: number): boolean {
    if (this.kind() === k) {
      this.next();
      return true;
    }
    const n = this.problems.length;
    this.unexpected(TOKEN_NAMES[k]);
    if (this.problems.length > n && this.kind() === T.EOF) {
      let line = 1;
      for (let i = 0; i < open; i++) if (this.text.charCodeAt(i) === 10) line++;
      const p = this.problems[this.problems.length - 1];
      p.message +=
        ` (the ` +
        `${this.text.slice(open, open + (this.text.startsWith("''", open) || this.text.startsWith('${', open) ? 2 : 1))} on line ${line} is never closed)`;
    }
    return false;
  }

  expect(k: T): boolean {
    if (this.kind() === k) {
      this.next();
      return true;
    }
    this.unexpected(TOKEN_NAMES[k]);
    return false;
  }

  missing(): A.Missing {
    const at = this.prevEnd();
    return { type: 'Missing', start: at, end: at };
  }

  // expr: expr_function
  /** Enters one nesting level; past the limit, reports once and skips the rest of the file. */
  enter(): boolean {
    if (++this.depth <= MAX_DEPTH) return true;
    this.depth--;
    if (!this.tooDeep) {
      this.tooDeep = true;
      const t = this.peek();
      this.problem(t.start, t.end, `expressions nest more than ${MAX_DEPTH} levels deep`, 'tooDeep');
    }
    while (this.kind() !== T.EOF) this.next();
    return false;
  }

  parseExpr(): A.Expr {
    if (!this.enter()) return this.missing();
    const e = this.parseFunction();
    this.depth--;
    return e;
  }

  /** expr_function, with its right-nested prefixes (lambdas, assert, with, let) collected in a loop. */
  parseFunction(): A.Expr {
    type Pending = { finish: (body: A.Expr) => A.Expr };
    const pending: Pending[] = [];
    let body: A.Expr;
    for (;;) {
      const t = this.peek();
      const k = t.kind;
      if (k === T.ID && this.kind(1) === T.COLON) {
        this.next();
        this.next();
        const param: A.Ident = { type: 'Ident', name: this.text.slice(t.start, t.end), start: t.start, end: t.end };
        pending.push({ finish: (b) => ({ type: 'Lambda', param, body: b, start: t.start, end: b.end }) });
        continue;
      }
      if (k === T.ID && this.kind(1) === T.AT) {
        this.next();
        this.next();
        const param: A.Ident = { type: 'Ident', name: this.text.slice(t.start, t.end), start: t.start, end: t.end };
        if (this.kind() !== T.LBRACE) {
          this.unexpected("'{'");
          body = this.missing();
          break;
        }
        const formals = this.parseFormals();
        if (!formals || !this.expect(T.COLON)) {
          body = this.missing();
          break;
        }
        pending.push({
          finish: (b) => {
            this.checkFormals(t.start, formals, param);
            return { type: 'Lambda', param, formals, body: b, start: t.start, end: b.end };
          },
        });
        continue;
      }
      if (k === T.LBRACE && this.looksLikeFormals()) {
        const formals = this.parseFormals();
        if (!formals) {
          body = this.missing();
          break;
        }
        let param: A.Ident | undefined;
        if (this.kind() === T.AT) {
          this.next();
          const id = this.peek();
          if (id.kind !== T.ID) {
            this.unexpected('identifier');
            body = this.missing();
            break;
          }
          this.next();
          param = { type: 'Ident', name: this.text.slice(id.start, id.end), start: id.start, end: id.end };
        }
        if (!this.expect(T.COLON)) {
          body = this.missing();
          break;
        }
        pending.push({
          finish: (b) => {
            this.checkFormals(t.start, formals, param);
            return { type: 'Lambda', param, formals, body: b, start: t.start, end: b.end };
          },
        });
        continue;
      }
      if (k === T.ASSERT || k === T.WITH) {
        this.next();
        const e = this.parseExpr();
        if (!this.expect(T.SEMI)) {
          // Recover: the rest is still the body.
          if (this.kind() === T.EOF) {
            body = this.missing();
            pending.push({
              finish: (b) =>
                k === T.ASSERT
                  ? { type: 'Assert', cond: e, body: b, start: t.start, end: b.end }
                  : { type: 'With', env: e, body: b, start: t.start, end: b.end },
            });
            break;
          }
        }
        pending.push({
          finish: (b) =>
            k === T.ASSERT
              ? { type: 'Assert', cond: e, body: b, start: t.start, end: b.end }
              : { type: 'With', env: e, body: b, start: t.start, end: b.end },
        });
        continue;
      }
      if (k === T.LET && this.kind(1) !== T.LBRACE) {
        this.next();
        const map: AttrMap = new Map();
        const bindings = this.parseBinds(map, true);
        const dynamic = bindings.find((b) => b.type === 'Attribute' && A.staticName(b.path[0]) === undefined);
        if (this.kind() === T.IN) this.next();
        else this.unexpected("'in'");
        pending.push({
          finish: (b) => {
            if (dynamic) this.problem(t.start, t.start + 3, 'dynamic attributes not allowed in let', 'dynamicLet');
            return { type: 'Let', bindings, body: b, start: t.start, end: b.end };
          },
        });
        continue;
      }
      body = this.parseIf();
      break;
    }
    for (let i = pending.length - 1; i >= 0; i--) body = pending[i].finish(body);
    return body;
  }

  /** After `{`: is this a formals list rather than an attribute set? */
  looksLikeFormals(): boolean {
    const k1 = this.kind(1);
    if (k1 === T.ELLIPSIS) return true;
    if (k1 === T.RBRACE) {
      const k2 = this.kind(2);
      return k2 === T.COLON || k2 === T.AT;
    }
    if (k1 === T.ID) {
      const k2 = this.kind(2);
      return k2 === T.COMMA || k2 === T.QUESTION || k2 === T.RBRACE;
    }
    return false;
  }

  /** `{ a, b ? e, ... }`; the current token is `{`. Undefined after a syntax error. */
  parseFormals(): A.Formals | undefined {
    const open = this.next();
    const formals: A.Formal[] = [];
    const commas: number[] = [];
    let ellipsis: { start: number; end: number } | undefined;
    for (;;) {
      const t = this.peek();
      if (t.kind === T.RBRACE) break;
      if (t.kind === T.ELLIPSIS) {
        this.next();
        ellipsis = { start: t.start, end: t.end };
        break;
      }
      if (t.kind !== T.ID) {
        this.unexpected();
        return undefined;
      }
      this.next();
      const name: A.Ident = { type: 'Ident', name: this.text.slice(t.start, t.end), start: t.start, end: t.end };
      let def: A.Expr | undefined;
      if (this.kind() === T.QUESTION) {
        this.next();
        def = this.parseExpr();
      }
      formals.push({ type: 'Formal', name, def, start: t.start, end: def ? def.end : t.end });
      if (this.kind() === T.COMMA) {
        commas.push(this.next().start);
        continue;
      }
      break;
    }
    if (!this.expect(T.RBRACE)) return undefined;
    return { type: 'Formals', formals, ellipsis, commas, start: open.start, end: this.prevEnd() };
  }

  checkFormals(lambdaStart: number, formals: A.Formals, param?: A.Ident): void {
    const seen = new Set<string>();
    for (const f of formals.formals) {
      if (seen.has(f.name.name))
        this.problem(
          f.name.start,
          f.name.end,
          `duplicate formal function argument '${f.name.name}'`,
          'duplicateFormal',
          { name: f.name.name },
        );
      seen.add(f.name.name);
    }
    if (param && seen.has(param.name))
      this.problem(
        lambdaStart,
        param.end > lambdaStart ? lambdaStart + 1 : lambdaStart,
        `duplicate formal function argument '${param.name}'`,
        'duplicateFormal',
        { name: param.name },
      );
  }

  /** expr_if, with `else if` chains in a loop. */
  parseIf(): A.Expr {
    const pending: { start: number; cond: A.Expr; then: A.Expr }[] = [];
    let tail: A.Expr;
    for (;;) {
      if (this.kind() !== T.IF) {
        tail = this.parseOp(0);
        break;
      }
      const start = this.next().start;
      const cond = this.parseExpr();
      this.expect(T.THEN);
      const then = this.parseExpr();
      if (!this.expect(T.ELSE)) {
        pending.push({ start, cond, then });
        tail = this.missing();
        break;
      }
      pending.push({ start, cond, then });
      if (this.kind() === T.IF) continue;
      tail = this.parseExpr();
      break;
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const q = pending[i];
      tail = {
        type: 'If',
        cond: q.cond,
        then: q.then,
        else: tail,
        start: q.start,
        end: Math.max(tail.end, q.then.end),
      };
    }
    return tail;
  }

  /** expr_op by precedence climbing (Bison's %left/%right/%nonassoc and %prec rules). */
  /**
   * expr_op by operator precedence with explicit stacks (Bison's %left/%right/%nonassoc), so long
   * chains like `a ++ b ++ ...` or `a // b // ...` need no recursion.
   */
  parseOp(minPrec: number): A.Expr {
    return this.parseOpFrom(this.parsePrefix(), minPrec);
  }

  parseOpFrom(first: A.Expr, minPrec: number): A.Expr {
    const operands: A.Expr[] = [first];
    const ops: { prec: number; op: string }[] = [];
    const reduce = () => {
      const o = ops.pop()!;
      const right = operands.pop()!;
      const left = operands.pop()!;
      operands.push({ type: 'Binary', op: o.op, left, right, start: left.start, end: right.end });
    };
    for (;;) {
      const k = this.kind();
      const info = BINOPS[k];
      if (!info || info.prec < minPrec) break;
      if (k === T.QUESTION) {
        // The tightest binary operator: it applies to the operand just read.
        const opTok = this.next();
        const path = this.parseAttrPath();
        const left = operands.pop()!;
        operands.push({
          type: 'HasAttr',
          expr: left,
          path,
          start: left.start,
          end: path.length ? path[path.length - 1].end : opTok.end,
        });
        continue;
      }
      while (ops.length) {
        const top = ops[ops.length - 1];
        if (top.prec > info.prec) {
          reduce();
          continue;
        }
        if (top.prec === info.prec) {
          if (info.assoc === 'n') this.unexpected();
          if (info.assoc !== 'r') {
            reduce();
            continue;
          }
        }
        break;
      }
      this.next();
      ops.push(info);
      operands.push(this.parsePrefix());
    }
    while (ops.length) reduce();
    return operands[0];
  }

  /**
   * Prefix `!` and `-`, in a loop: `-` takes the next operand only; `!` (Bison's NOT) also takes the
   * operators that bind tighter than it (`!a + b` is `!(a + b)`).
   */
  parsePrefix(): A.Expr {
    const pre: Token[] = [];
    for (let k = this.kind(); k === T.NOT || k === T.MINUS; k = this.kind()) pre.push(this.next());
    let e = this.parseApp();
    for (let i = pre.length - 1; i >= 0; i--) {
      const t = pre[i];
      if (t.kind === T.NOT) {
        e = this.parseOpFrom(e, NOT_PREC + 1);
        e = { type: 'Unary', op: '!', expr: e, start: t.start, end: e.end };
      } else e = { type: 'Unary', op: '-', expr: e, start: t.start, end: e.end };
    }
    return e;
  }

  parseApp(): A.Expr {
    let fn = this.parseSelect();
    while (startsSimple(this.kind())) {
      const arg = this.parseSelect();
      fn = { type: 'Apply', fn, arg, start: fn.start, end: arg.end };
    }
    return fn;
  }

  parseSelect(): A.Expr {
    const e = this.parseSimple();
    const k = this.kind();
    if (k === T.DOT) {
      this.next();
      const path = this.parseAttrPath();
      let def: A.Expr | undefined;
      if (this.kind() === T.OR_KW) {
        this.next();
        def = this.parseSelect();
      }
      const end = def ? def.end : path.length ? path[path.length - 1].end : this.prevEnd();
      return { type: 'Select', expr: e, path, def, start: e.start, end };
    }
    if (k === T.OR_KW) {
      const t = this.next();
      // `f or`: the reference applies f to a variable named `or`.
      return {
        type: 'Apply',
        fn: e,
        arg: { type: 'Var', name: 'or', start: t.start, end: t.end },
        start: e.start,
        end: t.end,
      };
    }
    return e;
  }

  /** attrpath: (attr | string_attr) ('.' (attr | string_attr))* */
  parseAttrPath(): A.AttrName[] {
    const path: A.AttrName[] = [];
    for (;;) {
      const a = this.parseAttrName();
      if (!a) break;
      path.push(a);
      if (this.kind() !== T.DOT) break;
      this.next();
    }
    return path;
  }

  parseAttrName(): A.AttrName | undefined {
    const t = this.peek();
    if (t.kind === T.ID || t.kind === T.OR_KW) {
      this.next();
      return { type: 'Ident', name: this.text.slice(t.start, t.end), start: t.start, end: t.end };
    }
    if (t.kind === T.DQUOTE) return this.parseString();
    if (t.kind === T.DOLLAR_CURLY) return this.parseInterp();
    if (t.kind === T.PARSED && (t.node as A.Node).type === 'Interp') {
      this.next();
      return t.node as A.Interp;
    }
    this.unexpected();
    return undefined;
  }

  parseInterp(): A.Interp {
    const open = this.next();
    const expr = this.parseExpr();
    this.expectClose(T.RBRACE, open.start);
    return { type: 'Interp', expr, start: open.start, end: Math.max(this.prevEnd(), expr.end) };
  }

  parseString(): A.Str {
    const open = this.next();
    const parts: (A.StrText | A.Interp)[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === T.STR) {
        this.next();
        parts.push({ type: 'StrText', raw: this.text.slice(t.start, t.end), start: t.start, end: t.end });
        continue;
      }
      if (t.kind === T.DOLLAR_CURLY) {
        parts.push(this.parseInterp());
        continue;
      }
      if (t.kind === T.PARSED && (t.node as A.Node).type === 'Interp') {
        this.next();
        parts.push(t.node as A.Interp);
        continue;
      }
      if (t.kind === T.DQUOTE) {
        this.next();
        break;
      }
      this.expectClose(T.DQUOTE, open.start);
      break;
    }
    return { type: 'Str', parts, indented: false, start: open.start, end: this.prevEnd() };
  }

  parseIndString(): A.Str {
    const open = this.next();
    const parts: (A.StrText | A.Interp)[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === T.IND_STR) {
        this.next();
        parts.push({ type: 'StrText', raw: this.text.slice(t.start, t.end), start: t.start, end: t.end });
        continue;
      }
      if (t.kind === T.DOLLAR_CURLY) {
        parts.push(this.parseInterp());
        continue;
      }
      if (t.kind === T.PARSED && (t.node as A.Node).type === 'Interp') {
        this.next();
        parts.push(t.node as A.Interp);
        continue;
      }
      if (t.kind === T.IND_CLOSE) {
        this.next();
        break;
      }
      this.expectClose(T.IND_CLOSE, open.start);
      break;
    }
    return { type: 'Str', parts, indented: true, start: open.start, end: this.prevEnd() };
  }

  parsePath(): A.Path {
    const first = this.next();
    const parts: (A.StrText | A.Interp)[] = [
      { type: 'StrText', raw: this.text.slice(first.start, first.end), start: first.start, end: first.end },
    ];
    for (;;) {
      const t = this.peek();
      if (t.kind === T.STR) {
        this.next();
        parts.push({ type: 'StrText', raw: this.text.slice(t.start, t.end), start: t.start, end: t.end });
        continue;
      }
      if (t.kind === T.DOLLAR_CURLY) {
        parts.push(this.parseInterp());
        continue;
      }
      if (t.kind === T.PARSED && (t.node as A.Node).type === 'Interp') {
        this.next();
        parts.push(t.node as A.Interp);
        continue;
      }
      if (t.kind === T.PATH_END) {
        this.next();
        break;
      }
      this.unexpected();
      if (t.kind === T.ERROR) this.next();
      break;
    }
    const end = parts[parts.length - 1].end;
    return { type: 'Path', parts, home: first.kind === T.HPATH, start: first.start, end };
  }

  parseSimple(): A.Expr {
    const t = this.peek();
    switch (t.kind) {
      case T.ID:
        this.next();
        return { type: 'Var', name: this.text.slice(t.start, t.end), start: t.start, end: t.end };
      case T.INT:
        this.next();
        return { type: 'Int', value: this.text.slice(t.start, t.end), start: t.start, end: t.end };
      case T.FLOAT:
        this.next();
        return { type: 'Float', value: this.text.slice(t.start, t.end), start: t.start, end: t.end };
      case T.DQUOTE:
        return this.parseString();
      case T.IND_OPEN:
        return this.parseIndString();
      case T.PATH:
      case T.HPATH:
        return this.parsePath();
      case T.SPATH:
        this.next();
        return { type: 'SearchPath', path: this.text.slice(t.start + 1, t.end - 1), start: t.start, end: t.end };
      case T.PARSED:
        if ((t.node as A.Node).type === 'Interp') {
          this.unexpected();
          return this.missing();
        }
        this.next();
        return t.node as A.Expr;
      case T.URI: {
        this.next();
        const u: A.Uri = { type: 'Uri', value: this.text.slice(t.start, t.end), start: t.start, end: t.end };
        this.index.uris.push(u);
        return u;
      }
      case T.LPAREN: {
        this.next();
        const expr = this.parseExpr();
        this.expectClose(T.RPAREN, t.start);
        return { type: 'Paren', expr, start: t.start, end: Math.max(this.prevEnd(), expr.end) };
      }
      case T.LBRACK: {
        this.next();
        const items: A.Expr[] = [];
        if (!this.enter()) return this.missing();
        for (;;) {
          const k = this.kind();
          if (startsSimple(k)) {
            items.push(this.parseSelect());
            continue;
          }
          if (
            k === T.RBRACK ||
            k === T.EOF ||
            k === T.RPAREN ||
            k === T.RBRACE ||
            k === T.SEMI ||
            k === T.IN ||
            k === T.THEN ||
            k === T.ELSE
          )
            break;
          // Something that may not stand in a list unparenthesised (`-1`, `if`, a lambda, a comma):
          // report it once and keep going.
          this.unexpected("']'");
          const before = this.p;
          const e = this.parseExpr();
          if (this.p === before) this.next();
          else items.push(e);
        }
        this.depth--;
        this.expectClose(T.RBRACK, t.start);
        return { type: 'List', items, start: t.start, end: this.prevEnd() };
      }
      case T.LET: {
        this.next();
        if (this.kind() !== T.LBRACE) {
          this.unexpected("'{'");
          return this.missing();
        }
        const set = this.parseAttrSet(false, t.start);
        const ll: A.LegacyLet = { type: 'LegacyLet', bindings: set.bindings, start: t.start, end: set.end };
        this.index.legacyLets.push(ll);
        return ll;
      }
      case T.REC: {
        this.next();
        if (this.kind() !== T.LBRACE) {
          this.unexpected("'{'");
          return this.missing();
        }
        const set = this.parseAttrSet(true, t.start);
        this.index.recSets.push(set);
        return set;
      }
      case T.LBRACE:
        return this.parseAttrSet(false, t.start);
      default:
        this.unexpected();
        return this.missing();
    }
  }

  parseAttrSet(rec: boolean, start: number): A.AttrSet {
    const open = this.next();
    const map: AttrMap = new Map();
    const bindings = this.parseBinds(map, false);
    let close = -1;
    if (this.kind() === T.RBRACE) close = this.next().start;
    else this.expectClose(T.RBRACE, open.start);
    const set: A.AttrSet = { type: 'AttrSet', rec, bindings, open: open.start, close, start, end: this.prevEnd() };
    this.attrMaps.set(set, map);
    return set;
  }

  /** binds, until `}` (or `in` for let). */
  parseBinds(map: AttrMap, isLet: boolean): A.Binding[] {
    const out: A.Binding[] = [];
    for (;;) {
      const t = this.peek();
      const k = t.kind;
      if (k === T.RBRACE || k === T.EOF || (isLet && k === T.IN)) break;
      if (k === T.INHERIT) {
        const b = this.parseInherit(map);
        if (b) out.push(b);
        continue;
      }
      if (
        k === T.ID ||
        k === T.OR_KW ||
        k === T.DQUOTE ||
        k === T.DOLLAR_CURLY ||
        (k === T.PARSED && (t.node as A.Node).type === 'Interp')
      ) {
        const b = this.parseAttribute(map);
        if (b) out.push(b);
        continue;
      }
      this.unexpected();
      this.skipToSync(isLet);
    }
    return out;
  }

  /** Skips past the next `;` at this level, or to a `}`/`in`/end of file. */
  skipToSync(isLet: boolean): void {
    let depth = 0;
    for (;;) {
      const k = this.kind();
      if (k === T.EOF) return;
      if (depth === 0 && (k === T.RBRACE || (isLet && k === T.IN))) return;
      this.next();
      if (k === T.LBRACE || k === T.DOLLAR_CURLY || k === T.LPAREN || k === T.LBRACK) depth++;
      else if ((k === T.RBRACE || k === T.RPAREN || k === T.RBRACK) && depth > 0) depth--;
      else if (k === T.SEMI && depth === 0) return;
    }
  }

  parseInherit(map: AttrMap): A.Inherit | undefined {
    const kw = this.next();
    let from: A.Expr | undefined;
    if (this.kind() === T.LPAREN) {
      this.next();
      from = this.parseExpr();
      if (!this.expect(T.RPAREN)) {
        this.skipToSync(false);
        return undefined;
      }
    }
    const names: A.AttrName[] = [];
    for (;;) {
      const k = this.kind();
      if (k === T.ID || k === T.OR_KW || k === T.DQUOTE || k === T.DOLLAR_CURLY) {
        const a = this.parseAttrName()!;
        const name = A.staticName(a);
        if (name === undefined)
          this.problem(a.start, a.end, 'dynamic attributes not allowed in inherit', 'dynamicInherit');
        names.push(a);
        continue;
      }
      break;
    }
    if (!this.expect(T.SEMI)) {
      // `inherit a b⏎ c = 1;`: the forgotten `;` made the next binding's name part of the inherit.
      const k = this.kind();
      const lastName = names[names.length - 1];
      if ((k === T.ASSIGN || k === T.DOT) && names.length > 1 && lastName.type === 'Ident') {
        let idx = this.p;
        while (idx > 0 && this.sig[idx].start > lastName.start) idx--;
        if (
          this.sig[idx].start === lastName.start &&
          this.text.slice(names[names.length - 2].end, lastName.start).includes('\n')
        ) {
          names.pop();
          this.p = idx;
          return { type: 'Inherit', from, names, start: kw.start, end: names[names.length - 1].end };
        }
      }
      const node: A.Inherit = { type: 'Inherit', from, names, start: kw.start, end: this.prevEnd() };
      if (!this.atBindingStartOnNewLine()) this.skipToSync(false);
      return node;
    }
    for (const a of names) {
      const name = A.staticName(a);
      if (name === undefined) continue;
      if (map.has(name)) this.dupAttr(name, a.start, a.end);
      else map.set(name, { pos: a.start });
    }
    return { type: 'Inherit', from, names, start: kw.start, end: this.prevEnd() };
  }

  atBindingStartOnNewLine(): boolean {
    const k = this.kind();
    if (!(k === T.ID || k === T.OR_KW || k === T.DQUOTE || k === T.DOLLAR_CURLY || k === T.INHERIT)) return false;
    return this.text.slice(this.prevEnd(), this.peek().start).includes('\n');
  }

  parseAttribute(map: AttrMap): A.Attribute | undefined {
    const start = this.peek().start;
    const path = this.parseAttrPath();
    if (!this.expect(T.ASSIGN)) {
      this.skipToSync(false);
      return undefined;
    }
    let value = this.parseExpr();
    if (this.kind() !== T.SEMI) {
      this.unexpected("';'");
      // A forgotten `;` before `name = ...` on the next line made the next name an argument:
      // give it back.
      const k = this.kind();
      const peeled = k === T.ASSIGN ? this.peelLastArgument(value) : undefined;
      if (peeled) {
        value = peeled.value;
        this.p = peeled.tokenIndex;
      } else if (!this.atBindingStartOnNewLine()) {
        this.skipToSync(false);
      }
      return { type: 'Attribute', path, value, start, end: value.end };
    }
    this.next();
    this.addAttr(map, path, value);
    return { type: 'Attribute', path, value, start, end: this.prevEnd() };
  }

  /** If the expression ends in an application whose last argument looks like an attribute path, splits it off. */
  peelLastArgument(value: A.Expr): { value: A.Expr; tokenIndex: number } | undefined {
    // Walk the right spine to the innermost application.
    const spine: A.Expr[] = [];
    let cur: A.Expr = value;
    for (;;) {
      spine.push(cur);
      if (cur.type === 'Binary') cur = cur.right;
      else if (cur.type === 'Unary') cur = cur.expr;
      else if (cur.type === 'Lambda' || cur.type === 'With' || cur.type === 'Assert' || cur.type === 'Let')
        cur = cur.body;
      else if (cur.type === 'If') cur = cur.else;
      else break;
    }
    if (cur.type !== 'Apply') return undefined;
    const arg = cur.arg;
    const argOk =
      arg.type === 'Var' || arg.type === 'Str' || (arg.type === 'Select' && arg.expr.type === 'Var' && !arg.def);
    if (!argOk) return undefined;
    let idx = this.p;
    while (idx > 0 && this.sig[idx].start > arg.start) idx--;
    if (this.sig[idx].start !== arg.start) return undefined;
    // Rebuild the spine with the application replaced by its function.
    let replacement: A.Expr = cur.fn;
    for (let i = spine.length - 2; i >= 0; i--) {
      const s = spine[i];
      const end = replacement.end;
      if (s.type === 'Binary') replacement = { ...s, right: replacement, end };
      else if (s.type === 'Unary') replacement = { ...s, expr: replacement, end };
      else if (s.type === 'If') replacement = { ...s, else: replacement, end };
      else if (s.type === 'Lambda' || s.type === 'With' || s.type === 'Assert' || s.type === 'Let')
        replacement = { ...s, body: replacement, end } as A.Expr;
    }
    return { value: replacement, tokenIndex: idx };
  }

  dupAttr(name: string, start: number, end: number): void {
    this.problem(start, end, `attribute '${name}' already defined`, 'duplicateAttr', { name });
  }

  /** Nix's addAttr: nested paths descend into sets defined earlier; two plain sets merge. */
  addAttr(map: AttrMap, path: A.AttrName[], value: A.Expr): void {
    if (path.length === 0) return;
    let cur = map;
    for (let i = 0; i < path.length - 1; i++) {
      const name = A.staticName(path[i]);
      if (name === undefined) {
        cur = new Map();
        continue;
      }
      const e = cur.get(name);
      if (e) {
        if (e.sub) {
          cur = e.sub;
          continue;
        }
        this.dupAttr(
          path
            .slice(0, i + 1)
            .map((a) => A.staticName(a) ?? '"${...}"')
            .join('.'),
          path[0].start,
          path[i].end,
        );
        return;
      }
      const sub: AttrMap = new Map();
      cur.set(name, { pos: path[i].start, sub });
      cur = sub;
    }
    const last = path[path.length - 1];
    const name = A.staticName(last);
    if (name === undefined) return;
    let v = value;
    while (v.type === 'Paren') v = v.expr;
    const vMap = v.type === 'AttrSet' ? this.attrMaps.get(v) : undefined;
    const e = cur.get(name);
    if (e) {
      if (e.sub && vMap) {
        for (const [k, entry] of vMap) {
          if (e.sub.has(k)) {
            const at = entry.pos;
            this.dupAttr(k, at, at + k.length);
          } else e.sub.set(k, entry);
        }
        return;
      }
      this.dupAttr(path.map((a) => A.staticName(a) ?? '"${...}"').join('.'), path[0].start, last.end);
      return;
    }
    cur.set(name, { pos: last.start, sub: vMap });
  }
}

export function parse(text: string): A.NixModel {
  const tokens = lex(text);
  const p = new Parser(text, tokens);
  let root: A.Expr;
  try {
    p.prepareDeep();
    root = p.parseExpr();
    if (p.kind() !== T.EOF) {
      p.unexpected('end of file');
      // Keep going: parse what follows so later code still gets checks, but keep only the first tree.
      while (p.kind() !== T.EOF) {
        const before = p.p;
        p.parseExpr();
        if (p.p === before) p.next();
      }
    }
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    p.problems.push({ start: 0, end: 0, message: 'the file nests too deeply to be analysed', messageId: 'tooDeep' });
    root = { type: 'Missing', start: 0, end: text.length };
  }
  if (p.deepErrors) p.problems.sort((a, b) => a.start - b.start);
  return { text, tokens, root, problems: p.problems, index: p.index };
}
