/**
 * What every language's schema check shares: the one way to tell which key an unknown key meant. Each language walks
 * its own tree against its own schema (compose: the Compose Specification; task definitions: the ECS API model;
 * workflows: GitHub's workflow schema) and asks this for the suggestion, so "did you mean" reads the same everywhere.
 */
import { nearest } from '../text/nearest';

/**
 * The allowed key an unknown key most likely meant: a typo of one (case and `-`/`_` differences are free) that the
 * mapping does not hold already. Undefined when none is close.
 */
export function suggestKey(key: string, allowed: Iterable<string>, present?: ReadonlySet<string>): string | undefined {
  const candidates = [...allowed].filter((k) => !present?.has(k));
  return nearest(key, candidates);
}
