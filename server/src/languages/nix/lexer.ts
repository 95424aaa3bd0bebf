/**
 * The Nix lexer. It follows the reference lexer's token rules (longest match, then rule order) and
 * its start-condition stack (strings, indented strings, paths with interpolation), so a file is cut
 * into the same tokens Nix 2.8 sees. Comments are tokens too; whitespace is what lies between
 * tokens (only whitespace ever does), so the tokens and their gaps give back the text exactly.
 */

export const enum T {
  EOF,
  WS,
  COMMENT,
  ID,
  INT,
  FLOAT,
  IF,
  THEN,
  ELSE,
  ASSERT,
  WITH,
  LET,
  IN,
  REC,
  INHERIT,
  OR_KW,
  ELLIPSIS,
  EQ,
  NEQ,
  LEQ,
  GEQ,
  AND,
  OR,
  IMPL,
  UPDATE,
  CONCAT,
  LBRACE,
  RBRACE,
  LBRACK,
  RBRACK,
  LPAREN,
  RPAREN,
  SEMI,
  COLON,
  COMMA,
  DOT,
  AT,
  QUESTION,
  ASSIGN,
  PLUS,
  MINUS,
  STAR,
  SLASH,
  LT,
  GT,
  NOT,
  DOLLAR_CURLY,
  DQUOTE,
  STR,
  IND_OPEN,
  IND_STR,
  IND_CLOSE,
  PATH,
  HPATH,
  PATH_END,
  SPATH,
  URI,
  /** A character no rule takes (the reference's "invalid token"). */
  INVALID,
  /** A token the reference lexer throws on: `message` says why. */
  ERROR,
  /** Made by the parser, not the lexer: a bracketed region already parsed (see parser.ts, deep nesting). */
  PARSED,
}

export interface Token {
  kind: T;
  start: number;
  end: number;
  message?: string;
  /** For PARSED tokens: the expression, and the index of the token after the region. */
  node?: unknown;
  skipTo?: number;
}

export const TOKEN_NAMES: Record<number, string> = {
  [T.EOF]: 'end of file',
  [T.ID]: 'identifier',
  [T.INT]: 'integer',
  [T.FLOAT]: 'float',
  [T.IF]: "'if'",
  [T.THEN]: "'then'",
  [T.ELSE]: "'else'",
  [T.ASSERT]: "'assert'",
  [T.WITH]: "'with'",
  [T.LET]: "'let'",
  [T.IN]: "'in'",
  [T.REC]: "'rec'",
  [T.INHERIT]: "'inherit'",
  [T.OR_KW]: "'or'",
  [T.ELLIPSIS]: "'...'",
  [T.EQ]: "'=='",
  [T.NEQ]: "'!='",
  [T.LEQ]: "'<='",
  [T.GEQ]: "'>='",
  [T.AND]: "'&&'",
  [T.OR]: "'||'",
  [T.IMPL]: "'->'",
  [T.UPDATE]: "'//'",
  [T.CONCAT]: "'++'",
  [T.LBRACE]: "'{'",
  [T.RBRACE]: "'}'",
  [T.LBRACK]: "'['",
  [T.RBRACK]: "']'",
  [T.LPAREN]: "'('",
  [T.RPAREN]: "')'",
  [T.SEMI]: "';'",
  [T.COLON]: "':'",
  [T.COMMA]: "','",
  [T.DOT]: "'.'",
  [T.AT]: "'@'",
  [T.QUESTION]: "'?'",
  [T.ASSIGN]: "'='",
  [T.PLUS]: "'+'",
  [T.MINUS]: "'-'",
  [T.STAR]: "'*'",
  [T.SLASH]: "'/'",
  [T.LT]: "'<'",
  [T.GT]: "'>'",
  [T.NOT]: "'!'",
  [T.DOLLAR_CURLY]: "'${'",
  [T.DQUOTE]: "'\"'",
  [T.STR]: 'string text',
  [T.IND_OPEN]: '"\'\'"',
  [T.IND_STR]: 'indented string text',
  [T.IND_CLOSE]: '"\'\'"',
  [T.PATH]: 'path',
  [T.HPATH]: 'path',
  [T.PATH_END]: 'end of path',
  [T.SPATH]: '<path>',
  [T.URI]: 'URI',
  [T.INVALID]: 'invalid character',
  [T.ERROR]: 'invalid token',
};

const enum S {
  INITIAL,
  DEFAULT,
  STRING,
  IND_STRING,
  INPATH,
  INPATH_SLASH,
}

// Character classes as a bit table.
const ID_START = 1,
  ID_CHAR = 2,
  PATH_CHAR = 4,
  URI_CHAR = 8,
  URI_SCHEME = 16,
  DIGIT = 32;
const CLASS = new Uint8Array(128);
(() => {
  const set = (chars: string, bit: number) => {
    for (const ch of chars) CLASS[ch.charCodeAt(0)] |= bit;
  };
  const range = (a: string, b: string, bit: number) => {
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) CLASS[c] |= bit;
  };
  for (const bit of [ID_START, ID_CHAR, PATH_CHAR, URI_CHAR, URI_SCHEME]) {
    range('a', 'z', bit);
    range('A', 'Z', bit);
  }
  for (const bit of [ID_CHAR, PATH_CHAR, URI_CHAR, URI_SCHEME, DIGIT]) range('0', '9', bit);
  set('_', ID_START | ID_CHAR | PATH_CHAR | URI_CHAR);
  set("'-", ID_CHAR);
  set('.-+', PATH_CHAR);
  set('+-.', URI_SCHEME);
  set("%/?:@&=+$,-_.!~*'", URI_CHAR);
})();
const is = (c: number, bit: number) => c < 128 && (CLASS[c] & bit) !== 0;

/** Whether text at i continues as the word w does after its first letter. */
function rest(text: string, i: number, w: string): boolean {
  for (let m = 1; m < w.length; m++) if (text.charCodeAt(i + m) !== w.charCodeAt(m)) return false;
  return true;
}

/**
 * The keyword text[i, j) is, or T.ID: compared by char codes, by length and first letter (a slice and a
 * Map lookup for every identifier was the lexer's hottest line).
 */
function keyword(text: string, i: number, j: number): T {
  switch (j - i) {
    case 2: {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      if (a === 105) return b === 102 ? T.IF : b === 110 ? T.IN : T.ID; // if, in
      return a === 111 && b === 114 ? T.OR_KW : T.ID; // or
    }
    case 3: {
      const a = text.charCodeAt(i);
      if (a === 108) return rest(text, i, 'let') ? T.LET : T.ID;
      return a === 114 && rest(text, i, 'rec') ? T.REC : T.ID;
    }
    case 4: {
      const a = text.charCodeAt(i);
      if (a === 116) return rest(text, i, 'then') ? T.THEN : T.ID;
      if (a === 101) return rest(text, i, 'else') ? T.ELSE : T.ID;
      return a === 119 && rest(text, i, 'with') ? T.WITH : T.ID;
    }
    case 6:
      return text.charCodeAt(i) === 97 && rest(text, i, 'assert') ? T.ASSERT : T.ID;
    case 7:
      return text.charCodeAt(i) === 105 && rest(text, i, 'inherit') ? T.INHERIT : T.ID;
    default:
      return T.ID;
  }
}

const MAX_INT = 9223372036854775807n;

export function lex(text: string): Token[] {
  const n = text.length;
  const tokens: Token[] = [];
  const stack: S[] = [S.INITIAL];
  // A byte-order mark is not Nix: skipped, and offsets stay the text's.
  let i = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const push = (kind: T, start: number, end: number, message?: string) => {
    tokens.push(message === undefined ? { kind, start, end } : { kind, start, end, message });
  };
  const c = (k: number) => (k < n ? text.charCodeAt(k) : -1);

  // Every token that may start a path or URI looks at the run of path (or scheme) characters
  // ahead; in `1+1+1…` or `a.a.a…` that run is the rest of the file. The end of the last run
  // scanned is kept, so a run is scanned once, not once per token in it (quadratic before).
  let pathFrom = -1,
    pathTo = -1,
    schemeFrom = -1,
    schemeTo = -1;
  /** The end of the run of path characters at k (k itself when there is none). */
  const pathRunEnd = (k: number): number => {
    if (k >= pathFrom && k <= pathTo) return pathTo;
    let j = k;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 128 && (CLASS[d] & PATH_CHAR) !== 0) j++;
      else break;
    }
    pathFrom = k;
    pathTo = j;
    return j;
  };
  /** The end of the run of URI scheme characters at k. */
  const schemeRunEnd = (k: number): number => {
    if (k >= schemeFrom && k <= schemeTo) return schemeTo;
    let j = k;
    while (is(c(j), URI_SCHEME)) j++;
    schemeFrom = k;
    schemeTo = j;
    return j;
  };
  /** No `*∕` at or after this offset (an unclosed `/*` found it out). */
  let noCommentEnd = n + 1;

  /** Length of `PATH_CHAR* (/ PATH_CHAR+)+ /?` at k, or 0. */
  const pathLen = (k: number): number => {
    let j = pathRunEnd(k);
    let segs = 0;
    for (;;) {
      if (c(j) !== 47) break;
      const m = pathRunEnd(j + 1);
      if (m === j + 1) break;
      segs++;
      j = m;
    }
    if (!segs) return 0;
    if (c(j) === 47) j++;
    return j - k;
  };
  /** Length of `PATH_CHAR* /` at k, or 0. */
  const pathSegLen = (k: number): number => {
    const j = pathRunEnd(k);
    return c(j) === 47 ? j + 1 - k : 0;
  };
  const uriLen = (k: number): number => {
    if (!is(c(k), ID_START) || c(k) === 95) return 0;
    const j = schemeRunEnd(k + 1);
    if (c(j) !== 58) return 0;
    let m = j + 1;
    while (is(c(m), URI_CHAR)) m++;
    return m > j + 1 ? m - k : 0;
  };
  const afterPath = (end: number) => {
    stack.push(text.charCodeAt(end - 1) === 47 ? S.INPATH_SLASH : S.INPATH);
  };

  while (i < n) {
    const state = stack[stack.length - 1];
    const ch = text.charCodeAt(i);
    if (state === S.STRING) {
      if (ch === 34) {
        push(T.DQUOTE, i, i + 1);
        i++;
        stack.pop();
        continue;
      }
      if (ch === 36 && c(i + 1) === 123) {
        push(T.DOLLAR_CURLY, i, i + 2);
        i += 2;
        stack.push(S.DEFAULT);
        continue;
      }
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) {
          i = Math.min(n, i + 2);
          continue;
        }
        if (d === 36) {
          const e = c(i + 1);
          if (e === 123) break;
          if (e === 34 || e === -1) {
            i++;
            break;
          }
          if (e === 92) {
            i = Math.min(n, i + 3);
            continue;
          }
          i += 2;
          continue;
        }
        i++;
      }
      push(T.STR, s, i);
      continue;
    }
    if (state === S.IND_STRING) {
      if (ch === 36 && c(i + 1) === 123) {
        push(T.DOLLAR_CURLY, i, i + 2);
        i += 2;
        stack.push(S.DEFAULT);
        continue;
      }
      if (ch === 39 && c(i + 1) === 39) {
        const e = c(i + 2);
        if (!(e === 39 || e === 36 || (e === 92 && i + 3 < n))) {
          push(T.IND_CLOSE, i, i + 2);
          i += 2;
          stack.pop();
          continue;
        }
      }
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 39) {
          if (c(i + 1) === 39) {
            const e = c(i + 2);
            if (e === 39 || e === 36) {
              i += 3;
              continue;
            }
            if (e === 92 && i + 3 < n) {
              i += 4;
              continue;
            }
            break;
          }
          i++;
          continue;
        }
        if (d === 36) {
          const e = c(i + 1);
          if (e === 123) break;
          if (e === 39 || e === -1) {
            i++;
            continue;
          }
          i += 2;
          continue;
        }
        i++;
      }
      push(T.IND_STR, s, i);
      continue;
    }
    if (state === S.INPATH || state === S.INPATH_SLASH) {
      if (ch === 36 && c(i + 1) === 123) {
        stack.pop();
        stack.push(S.INPATH, S.DEFAULT);
        push(T.DOLLAR_CURLY, i, i + 2);
        i += 2;
        continue;
      }
      const len = Math.max(pathLen(i), pathSegLen(i), pathRunEnd(i) - i);
      if (len > 0) {
        stack.pop();
        afterPath(i + len);
        push(T.STR, i, i + len);
        i += len;
        continue;
      }
      stack.pop();
      if (state === S.INPATH_SLASH) {
        push(T.ERROR, i, i, 'path has a trailing slash');
      } else push(T.PATH_END, i, i);
      continue;
    }
    // DEFAULT / INITIAL
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 32 || d === 9 || d === 10 || d === 13) i++;
        else break;
      }
      // Whitespace is the gap between tokens: not stored (it would be half of all tokens).
      void s;
      continue;
    }
    if (ch === 35) {
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) break;
        i++;
      }
      push(T.COMMENT, s, i);
      continue;
    }
    if (ch === 47 && c(i + 1) === 42) {
      const e = i + 2 >= noCommentEnd ? -1 : text.indexOf('*/', i + 2);
      if (e < 0) noCommentEnd = Math.min(noCommentEnd, i + 2);
      if (e >= 0) {
        push(T.COMMENT, i, e + 2);
        i = e + 2;
        continue;
      }
      push(T.SLASH, i, i + 1);
      i++;
      continue; // unterminated: the reference sees a '/'
    }
    if (ch === 34) {
      push(T.DQUOTE, i, i + 1);
      i++;
      stack.push(S.STRING);
      continue;
    }
    if (ch === 39 && c(i + 1) === 39) {
      let j = i + 2;
      while (c(j) === 32) j++;
      const end = c(j) === 10 ? j + 1 : i + 2;
      push(T.IND_OPEN, i, end);
      i = end;
      stack.push(S.IND_STRING);
      continue;
    }
    if (ch === 36 && c(i + 1) === 123) {
      push(T.DOLLAR_CURLY, i, i + 2);
      i += 2;
      stack.push(S.DEFAULT);
      continue;
    }
    if (ch === 123) {
      push(T.LBRACE, i, i + 1);
      i++;
      stack.push(S.DEFAULT);
      continue;
    }
    if (ch === 125) {
      push(T.RBRACE, i, i + 1);
      i++;
      if (stack.length > 1) stack.pop();
      continue;
    }

    // Fast paths. An identifier not followed by a character that could extend it into a path
    // or URI is an identifier (or keyword).
    if (is(ch, ID_START)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128 && (CLASS[d] & ID_CHAR) !== 0) j++;
        else break;
      }
      const d = j < n ? text.charCodeAt(j) : -1;
      let plain = d !== 47 && d !== 58 && d !== 46 && d !== 43;
      if (!plain && d !== 47 && d !== 58) {
        // `pkgs.hello`: only a `/` or `:` after the run of path characters makes a path or URI.
        const m = pathRunEnd(j);
        const e = m < n ? text.charCodeAt(m) : -1;
        plain = e !== 47 && e !== 58;
      }
      if (plain) {
        push(keyword(text, i, j), i, j);
        i = j;
        continue;
      }
    }
    // Punctuation that cannot start a path, URI or number.
    switch (ch) {
      case 59:
        push(T.SEMI, i, i + 1);
        i++;
        continue;
      case 40:
        push(T.LPAREN, i, i + 1);
        i++;
        continue;
      case 41:
        push(T.RPAREN, i, i + 1);
        i++;
        continue;
      case 91:
        push(T.LBRACK, i, i + 1);
        i++;
        continue;
      case 93:
        push(T.RBRACK, i, i + 1);
        i++;
        continue;
      case 44:
        push(T.COMMA, i, i + 1);
        i++;
        continue;
      case 58:
        push(T.COLON, i, i + 1);
        i++;
        continue;
      case 64:
        push(T.AT, i, i + 1);
        i++;
        continue;
      case 63:
        push(T.QUESTION, i, i + 1);
        i++;
        continue;
      case 61:
        if (c(i + 1) === 61) {
          push(T.EQ, i, i + 2);
          i += 2;
        } else {
          push(T.ASSIGN, i, i + 1);
          i++;
        }
        continue;
    }
    // Candidates decided by longest match.
    let best = 0,
      kind = T.INVALID as T;
    const take = (len: number, k: T) => {
      if (len > best) {
        best = len;
        kind = k;
      }
    };
    if (is(ch, ID_START)) {
      let j = i + 1;
      while (is(c(j), ID_CHAR)) j++;
      take(j - i, keyword(text, i, j));
    } else if (is(ch, DIGIT)) {
      let j = i + 1;
      while (is(c(j), DIGIT)) j++;
      take(j - i, T.INT);
    }
    // FLOAT: ([1-9][0-9]*\.[0-9]*|0?\.[0-9]+)([Ee][+-]?[0-9]+)?
    {
      let j = -1;
      if (ch >= 49 && ch <= 57) {
        let m = i + 1;
        while (is(c(m), DIGIT)) m++;
        if (c(m) === 46) {
          m++;
          while (is(c(m), DIGIT)) m++;
          j = m;
        }
      }
      if (j < 0) {
        let m = i;
        if (ch === 48) m++;
        if (c(m) === 46 && is(c(m + 1), DIGIT)) {
          m += 2;
          while (is(c(m), DIGIT)) m++;
          j = m;
        }
      }
      if (j >= 0) {
        if (c(j) === 69 || c(j) === 101) {
          let m = j + 1;
          if (c(m) === 43 || c(m) === 45) m++;
          if (is(c(m), DIGIT)) {
            while (is(c(m), DIGIT)) m++;
            j = m;
          }
        }
        take(j - i, T.FLOAT);
      }
    }
    // Fixed operators.
    const c1 = c(i + 1);
    let op = T.INVALID,
      opLen = 1;
    switch (ch) {
      case 46:
        if (c1 === 46 && c(i + 2) === 46) {
          op = T.ELLIPSIS;
          opLen = 3;
        } else op = T.DOT;
        break;
      case 61:
        if (c1 === 61) {
          op = T.EQ;
          opLen = 2;
        } else op = T.ASSIGN;
        break;
      case 33:
        if (c1 === 61) {
          op = T.NEQ;
          opLen = 2;
        } else op = T.NOT;
        break;
      case 60:
        if (c1 === 61) {
          op = T.LEQ;
          opLen = 2;
        } else op = T.LT;
        break;
      case 62:
        if (c1 === 61) {
          op = T.GEQ;
          opLen = 2;
        } else op = T.GT;
        break;
      case 38:
        if (c1 === 38) {
          op = T.AND;
          opLen = 2;
        }
        break;
      case 124:
        if (c1 === 124) {
          op = T.OR;
          opLen = 2;
        }
        break;
      case 45:
        if (c1 === 62) {
          op = T.IMPL;
          opLen = 2;
        } else op = T.MINUS;
        break;
      case 47:
        if (c1 === 47) {
          op = T.UPDATE;
          opLen = 2;
        } else op = T.SLASH;
        break;
      case 43:
        if (c1 === 43) {
          op = T.CONCAT;
          opLen = 2;
        } else op = T.PLUS;
        break;
      case 91:
        op = T.LBRACK;
        break;
      case 93:
        op = T.RBRACK;
        break;
      case 40:
        op = T.LPAREN;
        break;
      case 41:
        op = T.RPAREN;
        break;
      case 59:
        op = T.SEMI;
        break;
      case 58:
        op = T.COLON;
        break;
      case 44:
        op = T.COMMA;
        break;
      case 64:
        op = T.AT;
        break;
      case 63:
        op = T.QUESTION;
        break;
      case 42:
        op = T.STAR;
        break;
    }
    // Multi-char operators and keywords come first in the reference's rule order; single
    // characters come last (its catch-all rule), so they lose ties.
    if (opLen > 1) {
      if (opLen > best) {
        best = opLen;
        kind = op;
      }
    }
    // Path starts followed by an interpolation: `a/${`, `~/${`.
    let pathStart = 0,
      pathKind = T.PATH;
    if (is(ch, PATH_CHAR) || ch === 47) {
      const seg = pathSegLen(i);
      if (seg && c(i + seg) === 36 && c(i + seg + 1) === 123 && seg + 2 > best) {
        best = seg + 2;
        kind = T.PATH;
        pathStart = seg;
      }
    } else if (ch === 126 && c1 === 47 && c(i + 2) === 36 && c(i + 3) === 123 && 4 > best) {
      best = 4;
      kind = T.HPATH;
      pathStart = 2;
      pathKind = T.HPATH;
    }
    const pl = is(ch, PATH_CHAR) || ch === 47 ? pathLen(i) : 0;
    if (pl > best) {
      best = pl;
      kind = T.PATH;
      pathStart = 0;
    }
    if (ch === 126 && c1 === 47) {
      const hl = pathLen(i + 1);
      if (hl && 1 + hl > best) {
        best = 1 + hl;
        kind = T.HPATH;
        pathStart = 0;
      }
    }
    if (ch === 60) {
      let j = i + 1,
        ok = false;
      for (;;) {
        const s = j;
        j = pathRunEnd(j);
        if (j === s) {
          ok = false;
          break;
        }
        ok = true;
        if (c(j) === 47) {
          j++;
          continue;
        }
        break;
      }
      if (ok && c(j) === 62 && j + 1 - i > best) {
        best = j + 1 - i;
        kind = T.SPATH;
      }
    }
    const ul = uriLen(i);
    if (ul > best) {
      best = ul;
      kind = T.URI;
    }
    if (best === 0) {
      best = opLen;
      kind = op;
    }

    if (kind === T.PATH || kind === T.HPATH) {
      if (pathStart) {
        push(pathKind, i, i + pathStart);
        i += pathStart;
        stack.push(S.INPATH_SLASH);
        continue;
      }
      push(kind, i, i + best);
      i += best;
      afterPath(i);
      continue;
    }
    if (kind === T.INT && best >= 19 && BigInt(text.slice(i, i + best)) > MAX_INT) {
      push(T.ERROR, i, i + best, `invalid integer '${text.slice(i, i + best)}'`);
      i += best;
      continue;
    }
    if (kind === T.INVALID) {
      // One code point.
      const cp = text.codePointAt(i)!;
      best = cp > 0xffff ? 2 : 1;
    }
    push(kind, i, i + best);
    i += best;
  }
  // A path at the very end of the text still ends (or fails on its trailing slash).
  const top = stack[stack.length - 1];
  if (top === S.INPATH) push(T.PATH_END, n, n);
  else if (top === S.INPATH_SLASH) push(T.ERROR, n, n, 'path has a trailing slash');
  push(T.EOF, n, n);
  return tokens;
}
