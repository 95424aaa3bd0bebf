import { editDistance } from '../../text/nearest';
/** Case-insensitive edit distance (the shared one). */
export function distance(a: string, b: string): number {
  return editDistance(a.toLowerCase(), b.toLowerCase());
}

export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined, bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) { best = c; bestD = d; }
  }
  if (best === undefined) return undefined;
  if (bestD <= Math.max(2, Math.floor(Math.max(word.length, best.length) / 3))) return best;
  // A renamed name that keeps the old one inside it ("web" → "web-app").
  const w = word.toLowerCase();
  const containing = word.length >= 3 ? candidates.filter((c) => c.toLowerCase().includes(w) || w.includes(c.toLowerCase()) && c.length >= 3) : [];
  return containing.length === 1 ? containing[0] : undefined;
}
