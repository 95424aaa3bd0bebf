/**
 * Edit distance for "did you mean": insertions, deletions, substitutions and swaps of two
 * adjacent characters each count one (optimal string alignment), since a swap is the commonest
 * typo. The one implementation every language's suggestions use.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

export interface NearestOptions {
  /**
   * `typo` (the default): a mistyped name, at most a third of the longer name's length in edits (at least 1, at most
   * 3). `rename`: a name a person renamed rather than mistyped, at most a third of the longer name (at least 2), and
   * failing that the one candidate that contains the word ("vpc" → "awsvpc").
   */
  mode?: 'typo' | 'rename';
  /** For `rename`: also the one candidate the word contains ("web-app" → "web"). */
  containment?: 'candidate' | 'either';
}

/** Case and `-`/`_` differences are not typos a suggestion needs to explain: they cost nothing. */
const fold = (s: string) => s.toLowerCase().replace(/-/g, '_');

/**
 * The one "did you mean" of every language: the candidate nearest to `word` when it is close enough to be what the
 * user meant (see `NearestOptions`), never the word itself. Ties go to the first candidate.
 */
export function nearest(word: string, candidates: Iterable<string>, options: NearestOptions = {}): string | undefined {
  const rename = options.mode === 'rename';
  const w = fold(word);
  let best: string | undefined;
  let bestD = Infinity;
  const list: string[] = [];
  for (const c of candidates) {
    if (c === word) continue;
    list.push(c);
    const longer = Math.max(word.length, c.length);
    const limit = rename ? Math.max(2, Math.floor(longer / 3)) : Math.max(1, Math.min(3, Math.floor(longer / 3)));
    const d = editDistance(w, fold(c), limit);
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best !== undefined || !rename || word.length < 3) return best;
  const lw = word.toLowerCase();
  const containing = list.filter(
    (c) =>
      c.toLowerCase().includes(lw) ||
      (options.containment === 'either' && c.length >= 3 && lw.includes(c.toLowerCase())),
  );
  return containing.length === 1 ? containing[0] : undefined;
}
