/**
 * Trailing runs cut by hand. A regex such as `/\/+$/` or `/\s*$/` is tried from every character of a run that does
 * not reach the end, and scans the rest of the run each time: quadratic in a long run (40,000 `/` then a letter took
 * 0.6 s). These walk back from the end once.
 */

/** `s` without the `ch` characters at its end (`trimEndChar('a//', '/')` is `'a'`). */
export function trimEndChar(s: string, ch: string): string {
  let e = s.length;
  while (e > 0 && s[e - 1] === ch) e--;
  return e === s.length ? s : s.slice(0, e);
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Where the run of spaces and tabs that ends at `end` starts (`end` itself when there is none). */
export function blankRunStart(s: string, end: number): number {
  let k = end;
  while (k > 0 && isBlank(s[k - 1])) k--;
  return k;
}

/** Where the whitespace (`\s`) at the end of `s` starts: `s.length` when there is none. */
export function trailingSpaceStart(s: string): number {
  let k = s.length;
  while (k > 0 && /\s/.test(s[k - 1])) k--;
  return k;
}
