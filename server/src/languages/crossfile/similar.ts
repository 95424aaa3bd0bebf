import { nearestName } from '../../text/nearest';

/** The name another file probably meant: a typo, or a rename that kept the old name inside ("web" ↔ "web-app"). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  return nearestName(word, candidates, 'either');
}
