/** Nearest-name suggestions for misspelt keys, services and resources. */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array(b.length + 1).fill(0).map((_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) prev[j] = Math.min(prev[j], diag); // adjacent swap counts once
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate within a distance that grows with the name's length, or undefined. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const cl = c.toLowerCase();
    const d = cl === lower ? 0.5 : editDistance(lower, cl.replace(/-/g, '_') === lower.replace(/-/g, '_') ? lower : cl);
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(name.length, c.length) / 3)));
    if (d <= limit && d < bestScore) { best = c; bestScore = d; }
  }
  return best;
}
