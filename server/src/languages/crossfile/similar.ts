/** "Did you mean": the closest name within a small edit distance. */
export function distance(a: string, b: string): number {
  a = a.toLowerCase(); b = b.toLowerCase();
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]; row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
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
