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

/**
 * The candidate nearest to `word` (case-insensitive), if it is close enough to be a typo:
 * at most a third of the word's length in edits (at least 1, at most `maxDistance`).
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance = 3): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/**
 * A more generous "did you mean" for names a person renamed rather than mistyped: the nearest
 * candidate within a third of the longer name (at least 2 edits); failing that, the one candidate
 * that contains the word ("vpc" → "awsvpc"), or with `either`, that the word contains too
 * ("web-app" → "web").
 */
export function nearestName(
  word: string,
  candidates: readonly string[],
  containment: 'candidate' | 'either' = 'candidate',
): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined,
    bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined) return undefined;
  if (bestD <= Math.max(2, Math.floor(Math.max(word.length, best.length) / 3))) return best;
  if (word.length < 3) return undefined;
  const containing = candidates.filter(
    (c) => c.toLowerCase().includes(w) || (containment === 'either' && c.length >= 3 && w.includes(c.toLowerCase())),
  );
  return containing.length === 1 ? containing[0] : undefined;
}
