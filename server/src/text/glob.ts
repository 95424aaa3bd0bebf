/**
 * Glob patterns matched without backtracking: the pattern becomes a short list of steps and a path
 * is matched by walking all live positions in the pattern at once (a Thompson NFA), so a match
 * costs O(path length × pattern length) whatever the pattern. A backtracking regular expression
 * built from `**∕**∕**∕…` takes exponential time on a path that almost matches.
 *
 * The dialect is Go's `filepath.Match` as moby/patternmatcher extends it (the .dockerignore rules):
 * `*` any run of characters but `/`, `?` one character but `/`, `[...]` a class (`^` or `!`
 * negates; `/` is dropped from it), `\x` the character x, `**∕` any number of folders (none
 * included) and any other `**` any run of characters, `/` included. Like the regular expressions it
 * replaces, `**` does not cross a line break.
 */

export interface Glob {
  /** Whether the whole path matches (or, with `descendants`, one of the folders that hold it). */
  test(path: string): boolean;
}

export interface GlobOptions {
  /** Also match every path under a matching folder (`a` matches `a/b/c`), as .dockerignore does. */
  descendants?: boolean;
}

const enum K {
  /** One given character. */
  Char,
  /** `?`: one character other than `/`. */
  One,
  /** `[...]`: one character of the class. */
  Class,
  /** `*`: characters other than `/`, as many as there are. */
  Star,
  /** `**` (not before `/`): any characters but line breaks. */
  Any,
  /** `**∕`: nothing, or any characters (no line break) ending with `/`. */
  Dirs,
}

interface Step {
  kind: K;
  code?: number;
  cls?: RegExp;
}

const SLASH = 47;
const isBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** Compiles a glob, or returns why it is malformed. */
export function compileGlob(pattern: string, options: GlobOptions = {}): Glob | string {
  const steps: Step[] = [];
  const n = pattern.length;
  for (let i = 0; i < n; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          steps.push({ kind: K.Dirs });
        } else steps.push({ kind: K.Any });
      } else steps.push({ kind: K.Star });
    } else if (c === '?') steps.push({ kind: K.One });
    else if (c === '[') {
      const close = classEnd(pattern, i);
      if (close < 0) return 'unclosed character class `[`';
      let body = pattern.slice(i + 1, close);
      if (body === '' || body === '^' || body === '!') return 'empty character class `[]`';
      if (body.startsWith('^') || body.startsWith('!')) body = '^' + body.slice(1);
      if (/(^|[^\\])-$/.test(body) && !body.endsWith('\\-')) return 'bad range in character class';
      for (const m of body.matchAll(/(\\?.)-(\\?.)/g)) {
        const a = m[1].slice(-1),
          b = m[2].slice(-1);
        if (a > b) return `bad range \`${a}-${b}\` in character class`;
      }
      // One character against one class: no repetition, so this regular expression cannot backtrack.
      try {
        steps.push({ kind: K.Class, cls: new RegExp('^[' + body.replace(/\//g, '') + ']$') });
      } catch (e) {
        return (e as Error).message;
      }
      i = close;
    } else if (c === '\\') {
      if (i + 1 >= n) return 'trailing `\\` escapes nothing';
      i++;
      steps.push({ kind: K.Char, code: pattern.charCodeAt(i) });
    } else steps.push({ kind: K.Char, code: pattern.charCodeAt(i) });
  }
  return new Matcher(steps, options.descendants === true);
}

/** The offset of the `]` closing the class opened at `open`, or -1. */
function classEnd(p: string, open: number): number {
  for (let i = open + 1; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] === ']' && i > open + 1) return i;
  }
  return -1;
}

class Matcher implements Glob {
  private readonly kinds: Uint8Array;
  private readonly codes: Int32Array;
  private readonly classes: (RegExp | undefined)[];
  /** Whether the pattern has no wildcard: then it is compared as a string. */
  private readonly literal: string | undefined;

  constructor(
    steps: Step[],
    private readonly descendants: boolean,
  ) {
    this.kinds = Uint8Array.from(steps, (s) => s.kind);
    this.codes = Int32Array.from(steps, (s) => s.code ?? -1);
    this.classes = steps.map((s) => s.cls);
    this.literal = steps.every((s) => s.kind === K.Char) ? String.fromCharCode(...this.codes) : undefined;
  }

  test(path: string): boolean {
    const lit = this.literal;
    if (lit !== undefined) {
      if (path === lit) return true;
      if (!this.descendants || path.length <= lit.length || path.charCodeAt(lit.length) !== SLASH) return false;
      return path.startsWith(lit);
    }
    const { kinds, codes, classes } = this;
    const m = kinds.length;
    // State k < m: about to match step k; m: the pattern matched; m + 1 + k: inside the folders of
    // the `**∕` at step k, having read a character of them (the `/` that ends them still to come).
    let live = new Uint8Array(2 * m + 1),
      next = new Uint8Array(2 * m + 1);
    let list: number[] = [],
      nextList: number[] = [];
    /** Marks state k and every state reachable from it without a character (past `*`, `**`). */
    const add = (set: Uint8Array, out: number[], k: number) => {
      while (!set[k]) {
        set[k] = 1;
        out.push(k);
        if (k < m && kinds[k] >= K.Star) k++;
        else return;
      }
    };
    add(live, list, 0);
    for (let i = 0; i < path.length && list.length; i++) {
      const c = path.charCodeAt(i);
      for (const k of list) {
        if (k === m) {
          // a folder that matches: everything under it does
          if (c === SLASH && this.descendants) return true;
          continue;
        }
        if (k > m) {
          if (!isBreak(c)) add(next, nextList, k);
          if (c === SLASH) add(next, nextList, k - m);
          continue;
        }
        switch (kinds[k]) {
          case K.Char:
            if (c === codes[k]) add(next, nextList, k + 1);
            break;
          case K.One:
            if (c !== SLASH) add(next, nextList, k + 1);
            break;
          case K.Class:
            if (classes[k]!.test(path[i])) add(next, nextList, k + 1);
            break;
          case K.Star:
            if (c !== SLASH) add(next, nextList, k);
            break;
          case K.Any:
            if (!isBreak(c)) add(next, nextList, k);
            break;
          case K.Dirs:
            if (!isBreak(c)) add(next, nextList, m + 1 + k);
            if (c === SLASH) add(next, nextList, k + 1);
            break;
        }
      }
      for (const k of list) live[k] = 0;
      [live, next] = [next, live];
      [list, nextList] = [nextList, list];
      nextList.length = 0;
    }
    return live[m] === 1;
  }
}
