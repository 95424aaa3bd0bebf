import { editDistance } from '../../text/nearest';

/** Nearest-name suggestions for misspelt keys, services and resources. */
export { editDistance };

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
    if (d <= limit && d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}
