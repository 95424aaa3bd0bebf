/**
 * Globs with .gitignore's meaning (for `.gitignore`, `exclude:` in `.shipshape.yaml` and
 * `--exclude`), matched without backtracking: a pattern compiles to a list of tokens and a path is
 * matched by simulating every position of the pattern at once, so matching costs at most
 * (path length × pattern length) steps whatever the input (`**\/` × 20 then `b` included).
 */
import { blankRunStart, trimEndChar } from '../text/trim';

const enum T {
  /** one given character */
  Char,
  /** `?`: one character other than `/` */
  One,
  /** `[...]`: one character of a set, other than `/` */
  Class,
  /** `*`: any run of characters other than `/` */
  Star,
  /** `**\/`: nothing, or any run of characters that ends with `/` (zero or more folders) */
  Folders,
  /** a final `**`: any run of characters, `/` included */
  Rest,
}

type Token =
  | { t: T.Char; c: string }
  | { t: T.One | T.Star | T.Folders | T.Rest }
  | { t: T.Class; negated: boolean; items: (string | [string, string])[] };

export interface Glob {
  /** The pattern as written. */
  source: string;
  /** `!pattern`: a match re-includes. */
  negated: boolean;
  /** `pattern/`: matches folders only. */
  dirOnly: boolean;
  tokens: Token[];
}

/**
 * Compiles one line of a .gitignore-style file; undefined for a blank line or a comment. A pattern
 * with a `/` before its end is anchored to the base folder; one without matches at any depth.
 */
export function compileGlob(line: string): Glob | undefined {
  let p = line.replace(/\r$/, '');
  // trailing spaces are dropped unless escaped
  {
    let k = blankRunStart(p, p.length);
    if (k < p.length && k > 0 && p[k - 1] === '\\') k++; // `\ ` keeps its space
    p = p.slice(0, k);
  }
  if (!p || p.startsWith('#')) return undefined;
  let negated = false;
  if (p.startsWith('!')) {
    negated = true;
    p = p.slice(1);
  } else if (p.startsWith('\\!') || p.startsWith('\\#')) p = p.slice(1);
  let dirOnly = false;
  while (p.endsWith('/') && !p.endsWith('\\/')) {
    dirOnly = true;
    p = p.slice(0, -1);
  }
  if (!p) return undefined;
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.replace(/^\/+/, '');
  const tokens = tokenize(p);
  if (!anchored && tokens[0]?.t !== T.Folders) tokens.unshift({ t: T.Folders });
  return { source: line, negated, dirOnly, tokens };
}

function tokenize(p: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    const segmentStart = i === 0 || p[i - 1] === '/';
    if (c === '*') {
      let j = i;
      while (p[j] === '*') j++;
      const double = j - i >= 2 && segmentStart;
      if (double && p[j] === '/') {
        if (out.at(-1)?.t !== T.Folders) out.push({ t: T.Folders });
        i = j + 1;
      } else if (double && j === p.length) {
        out.push({ t: T.Rest });
        i = j;
      } else {
        out.push({ t: T.Star });
        i = j;
      }
    } else if (c === '?') {
      out.push({ t: T.One });
      i++;
    } else if (c === '[') {
      const cls = parseClass(p, i);
      if (cls) {
        out.push(cls.token);
        i = cls.end;
      } else {
        out.push({ t: T.Char, c });
        i++;
      }
    } else if (c === '\\' && i + 1 < p.length) {
      out.push({ t: T.Char, c: p[i + 1] });
      i += 2;
    } else {
      out.push({ t: T.Char, c });
      i++;
    }
  }
  return out;
}

/** `[abc]`, `[!a-z]`, `[^0-9]`, `[]x]`; undefined when the bracket is never closed (then it is literal). */
function parseClass(p: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  let negated = false;
  if (p[i] === '!' || p[i] === '^') {
    negated = true;
    i++;
  }
  const items: (string | [string, string])[] = [];
  let first = true;
  while (i < p.length) {
    let c = p[i];
    if (c === ']' && !first) return { token: { t: T.Class, negated, items }, end: i + 1 };
    first = false;
    if (c === '\\' && i + 1 < p.length) c = p[++i];
    if (p[i + 1] === '-' && i + 2 < p.length && p[i + 2] !== ']') {
      let hi = p[i + 2];
      let next = i + 3;
      if (hi === '\\' && i + 3 < p.length) {
        hi = p[i + 3];
        next = i + 4;
      }
      items.push([c, hi]);
      i = next;
    } else {
      items.push(c);
      i++;
    }
  }
  return undefined;
}

function inClass(token: Extract<Token, { t: T.Class }>, c: string): boolean {
  let hit = false;
  for (const item of token.items) {
    if (typeof item === 'string' ? item === c : item[0] <= c && c <= item[1]) {
      hit = true;
      break;
    }
  }
  return hit !== token.negated;
}

/**
 * Whether `path` (relative to the pattern's base folder, `/`-separated, no leading `/`) matches
 * the glob's pattern. Linear in the path for a given pattern: every pattern position is tracked at
 * once, none is retried.
 */
export function matchGlob(glob: Glob, path: string): boolean {
  const tokens = glob.tokens;
  const n = tokens.length;
  // at[i]: the token i is next to match; inside[i]: within a `**/` (Folders) token i, which may
  // only end right after a `/` (unlike Star and Rest, which may end anywhere)
  let at = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  let inside = new Uint8Array(n);
  let insideNext = new Uint8Array(n);
  const close = (set: Uint8Array) => {
    // a Star, Folders or Rest token may match nothing: the position after it is reached as well
    for (let i = 0; i < n; i++) {
      const t = tokens[i].t;
      if (set[i] && (t === T.Star || t === T.Folders || t === T.Rest)) set[i + 1] = 1;
    }
  };
  at[0] = 1;
  close(at);
  for (let k = 0; k < path.length; k++) {
    const c = path[k];
    next.fill(0);
    insideNext.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      if (!at[i] && !inside[i]) continue;
      const tok = tokens[i];
      switch (tok.t) {
        case T.Char:
          if (tok.c === c) next[i + 1] = 1;
          break;
        case T.One:
          if (c !== '/') next[i + 1] = 1;
          break;
        case T.Class:
          if (c !== '/' && inClass(tok, c)) next[i + 1] = 1;
          break;
        case T.Star:
          if (c !== '/') next[i] = 1;
          break;
        case T.Folders:
          insideNext[i] = 1;
          if (c === '/') next[i + 1] = 1;
          break;
        case T.Rest:
          next[i] = 1;
          break;
      }
    }
    close(next);
    for (let i = 0; i <= n && !alive; i++) if (next[i] || (i < n && insideNext[i])) alive = true;
    if (!alive) return false;
    [at, next] = [next, at];
    [inside, insideNext] = [insideNext, inside];
  }
  return at[n] === 1;
}

/** Patterns read from one place (a .gitignore, a config file, the command line), relative to `base`. */
export interface GlobSet {
  /** Absolute folder the patterns are relative to, `/`-separated, without a trailing `/`. */
  base: string;
  globs: Glob[];
  /** Where they come from, for messages. */
  origin: string;
}

export function globSet(base: string, lines: string[], origin: string): GlobSet {
  const globs: Glob[] = [];
  for (const line of lines) {
    const g = compileGlob(line);
    if (g) globs.push(g);
  }
  return { base: trimEndChar(base, '/'), globs, origin };
}

/**
 * Whether an absolute `/`-separated path is excluded by the sets (outer ones first, inner ones
 * later: the last pattern that matches decides, as in git). Only this path is looked at; callers
 * that did not walk down to it check its folders first (a file inside an excluded folder stays
 * excluded whatever a later `!pattern` says, as in git).
 */
export function excludedBy(sets: GlobSet[], absPath: string, isDir: boolean): boolean {
  let excluded = false;
  for (const set of sets) {
    const rel = relativeTo(set.base, absPath);
    if (rel === undefined || rel === '') continue;
    for (const g of set.globs) {
      if (g.dirOnly && !isDir) continue;
      if (g.negated === !excluded) continue; // cannot change the verdict
      if (matchGlob(g, rel)) excluded = !g.negated;
    }
  }
  return excluded;
}

/** `path` relative to `base` (both absolute, `/`-separated), or undefined when it is not inside. */
function relativeTo(base: string, path: string): string | undefined {
  if (base === '' || base === '/') return path.replace(/^\/+/, '');
  if (path === base) return '';
  if (path.startsWith(base + '/')) return path.slice(base.length + 1);
  return undefined;
}
