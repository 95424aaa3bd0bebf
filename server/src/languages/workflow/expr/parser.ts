/**
 * The `${{ }}` expression language: lexer and precedence-climbing parser. Offsets are relative to
 * the expression's source text; callers add the base offset.
 * Precedence (low → high): `||`, `&&`, `==` `!=`, `<` `<=` `>` `>=`, `!`, property/index/call.
 */
export type Expr =
  | { kind: 'null'; start: number; end: number }
  | { kind: 'bool'; value: boolean; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'var'; name: string; start: number; end: number }
  | { kind: 'prop'; object: Expr; name: string; nameStart: number; start: number; end: number }
  | { kind: 'index'; object: Expr; index: Expr; start: number; end: number }
  | { kind: 'filter'; object: Expr; start: number; end: number }
  | { kind: 'call'; name: string; args: Expr[]; start: number; end: number }
  | { kind: 'not'; operand: Expr; start: number; end: number }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; start: number; end: number };

export type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'eof';
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  value?: string | number;
}
export interface ExprError {
  start: number;
  end: number;
  message: string;
}

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '(', ')', '[', ']', '.', ',', '!', '<', '>', '*'];

/** [A-Za-z_] */
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
/** [\w-]: letters, digits, "_" and "-". */
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function lex(src: string): { tokens: Token[]; error?: ExprError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length)
          return { tokens, error: { start, end: src.length, message: 'unterminated string literal' } };
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i++];
      }
      tokens.push({ kind: 'string', text: src.slice(start, i), start, end: i, value });
      continue;
    }
    if (c === '"')
      return {
        tokens,
        error: { start, end: start + 1, message: "string literals must use single quotes ('...'), not double quotes" },
      };
    const cc = src.charCodeAt(i);
    const next = src.charCodeAt(i + 1); // NaN past the end
    if (
      isDigit(cc) ||
      (c === '-' && (isDigit(next) || next === 46)) ||
      (c === '.' && isDigit(next) && !isPropContext(tokens))
    ) {
      const m = /^-?(0x[0-9a-fA-F]+|0o[0-7]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(src.slice(i));
      if (m) {
        i += m[0].length;
        if (isIdentStart(src.charCodeAt(i))) {
          while (i < src.length && isIdentChar(src.charCodeAt(i))) i++;
          return { tokens, error: { start, end: i, message: `invalid number "${src.slice(start, i)}"` } };
        }
        tokens.push({ kind: 'number', text: m[0], start, end: i, value: Number(m[0]) });
        continue;
      }
    }
    if (isIdentStart(cc)) {
      while (i < src.length && isIdentChar(src.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', text: src.slice(start, i), start, end: i });
      continue;
    }
    const p = PUNCT.find((q) => src.startsWith(q, i));
    if (p) {
      i += p.length;
      tokens.push({ kind: 'punct', text: p, start, end: i });
      continue;
    }
    const hint = c === '=' ? ' (use == to compare)' : c === '&' ? ' (use &&)' : c === '|' ? ' (use ||)' : '';
    return { tokens, error: { start, end: start + 1, message: `unexpected character "${c}"${hint}` } };
  }
  tokens.push({ kind: 'eof', text: '', start: src.length, end: src.length });
  return { tokens };
}

function isPropContext(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return !!last && (last.kind === 'ident' || (last.kind === 'punct' && (last.text === ')' || last.text === ']')));
}

export interface ParseResult {
  expr?: Expr;
  error?: ExprError;
}

/**
 * How deep an expression may nest, in its tree or in the parser's recursion (parentheses, `!`,
 * `[...]`, call arguments). GitHub's own limit is 50; past ours every reader of the tree (the
 * type checker, the rules) would overflow the stack (`((…))` ×10,000, `1 && 1 …` ×100,000).
 */
export const MAX_EXPRESSION_DEPTH = 500;

export function parseExpression(src: string): ParseResult {
  const { tokens, error } = lex(src);
  if (error) return { error };
  let pos = 0;
  /** Tree depth of the composite nodes built (a leaf is 1). */
  const depthOf = new WeakMap<Expr, number>();
  let nesting = 0;
  const tooDeep = (start: number, end: number): never => {
    throw {
      start,
      end: Math.max(end, start + 1),
      message: `the expression nests more than ${MAX_EXPRESSION_DEPTH} levels deep (GitHub allows 50)`,
    } as ExprError;
  };
  /** A composite node, refused when it makes the tree too deep. */
  const node = <E extends Expr>(e: E, children: Expr[]): E => {
    let d = 0;
    for (const c of children) d = Math.max(d, depthOf.get(c) ?? 1);
    if (d + 1 > MAX_EXPRESSION_DEPTH) tooDeep(e.start, e.end);
    depthOf.set(e, d + 1);
    return e;
  };
  /** Runs a nested parse, refused past the limit (the parser recurses once per level). */
  const nested = <T>(at: Token, f: () => T): T => {
    if (++nesting > MAX_EXPRESSION_DEPTH) tooDeep(at.start, at.end);
    try {
      return f();
    } finally {
      nesting--;
    }
  };
  const peek = () => tokens[pos];
  const fail = (t: Token, message: string): never => {
    throw { start: t.start, end: Math.max(t.end, t.start + 1), message } as ExprError;
  };
  const expectPunct = (p: string): Token => {
    const t = peek();
    if (t.kind !== 'punct' || t.text !== p)
      fail(t, t.kind === 'eof' ? `expected "${p}" but the expression ended` : `expected "${p}" but found "${t.text}"`);
    pos++;
    return t;
  };
  const LEVELS = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];
  function binary(level: number): Expr {
    if (level >= LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.kind === 'punct' && LEVELS[level].includes(t.text)) {
        pos++;
        const right = binary(level + 1);
        left = node({ kind: 'binary', op: t.text, left, right, start: left.start, end: right.end }, [left, right]);
      } else return left;
    }
  }
  function unary(): Expr {
    const t = peek();
    if (t.kind === 'punct' && t.text === '!') {
      pos++;
      const operand = nested(t, unary);
      return node({ kind: 'not', operand, start: t.start, end: operand.end }, [operand]);
    }
    return postfix(primary());
  }
  function primary(): Expr {
    const t = peek();
    if (t.kind === 'number') {
      pos++;
      return { kind: 'number', value: t.value as number, start: t.start, end: t.end };
    }
    if (t.kind === 'string') {
      pos++;
      return { kind: 'string', value: t.value as string, start: t.start, end: t.end };
    }
    if (t.kind === 'ident') {
      pos++;
      if (t.text === 'true' || t.text === 'false')
        return { kind: 'bool', value: t.text === 'true', start: t.start, end: t.end };
      if (t.text === 'null') return { kind: 'null', start: t.start, end: t.end };
      if (t.text === 'NaN' || t.text === 'Infinity')
        return { kind: 'number', value: t.text === 'NaN' ? NaN : Infinity, start: t.start, end: t.end };
      const n = peek();
      if (n.kind === 'punct' && n.text === '(') {
        pos++;
        const args: Expr[] = [];
        if (!(peek().kind === 'punct' && peek().text === ')')) {
          for (;;) {
            args.push(nested(n, () => binary(0)));
            const s = peek();
            if (s.kind === 'punct' && s.text === ',') {
              pos++;
              continue;
            }
            break;
          }
        }
        const close = expectPunct(')');
        return node({ kind: 'call', name: t.text, args, start: t.start, end: close.end }, args);
      }
      return { kind: 'var', name: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'punct' && t.text === '(') {
      pos++;
      const inner = nested(t, () => binary(0));
      expectPunct(')');
      return inner;
    }
    if (t.kind === 'eof') return fail(t, 'the expression ended where a value was expected');
    return fail(t, `unexpected "${t.text}" where a value was expected`);
  }
  function postfix(e: Expr): Expr {
    for (;;) {
      const t = peek();
      if (t.kind !== 'punct') return e;
      if (t.text === '.') {
        pos++;
        const n = peek();
        if (n.kind === 'punct' && n.text === '*') {
          pos++;
          e = node({ kind: 'filter', object: e, start: e.start, end: n.end }, [e]);
          continue;
        }
        if (n.kind !== 'ident')
          fail(
            n,
            n.kind === 'eof'
              ? 'a property name is missing after "."'
              : `expected a property name after "." but found "${n.text}"`,
          );
        pos++;
        e = node({ kind: 'prop', object: e, name: n.text, nameStart: n.start, start: e.start, end: n.end }, [e]);
        continue;
      }
      if (t.text === '[') {
        pos++;
        const n = peek();
        if (n.kind === 'punct' && n.text === '*') {
          pos++;
          const close = expectPunct(']');
          e = node({ kind: 'filter', object: e, start: e.start, end: close.end }, [e]);
          continue;
        }
        const index = nested(t, () => binary(0));
        const close = expectPunct(']');
        e = node({ kind: 'index', object: e, index, start: e.start, end: close.end }, [e, index]);
        continue;
      }
      return e;
    }
  }
  try {
    if (peek().kind === 'eof') return { error: { start: 0, end: src.length, message: 'the expression is empty' } };
    const expr = binary(0);
    const t = peek();
    if (t.kind !== 'eof') fail(t, `unexpected "${t.text}" after the end of the expression`);
    return { expr };
  } catch (e) {
    if (e && typeof e === 'object' && 'message' in e && 'start' in e) return { error: e as ExprError };
    throw e;
  }
}
