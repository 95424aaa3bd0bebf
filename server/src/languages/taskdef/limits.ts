/**
 * The limits ECS enforces beyond its API model (data/limits.json: each fact in our words, with the documentation page
 * it comes from and when ECS enforces it). The rules read their numbers and lists here, so a fact changes in one place.
 */
import limitsData from './data/limits.json';

/** When ECS enforces a fact: at registration (our error), at start, or not at all (our warning). */
export type Enforced = 'register' | 'start' | 'unsupported' | 'silent';

export interface Fact {
  what: string;
  ecs: Enforced;
  source: string;
  min?: number;
  max?: number;
  default?: number;
  unit?: string;
  values?: (string | number)[];
  required?: string[];
  task?: string[];
  container?: string[];
  linuxParameters?: string[];
  modes?: string[];
  sizes?: { cpu: number; memory?: number[]; from?: number; to?: number; step?: number }[];
}

export const LIMITS = limitsData as unknown as {
  about: string;
  source: string;
  date: string;
  facts: Record<string, Fact>;
};

/** One fact by id; a missing id is a programming error, caught by every test that loads the rule. */
export function fact(id: string): Fact {
  const f = LIMITS.facts[id];
  if (!f) throw new Error(`no ECS limit "${id}" in taskdef/data/limits.json`);
  return f;
}

/** The severity our policy gives a fact: error only where ECS refuses the registration. */
export function severityOf(f: Fact): 'error' | 'warning' {
  return f.ecs === 'register' ? 'error' : 'warning';
}

/** A fact's list of strings. */
export function strings(id: string): string[] {
  return (fact(id).values ?? []).map(String);
}

/** A fact's bounds, for messages: "between 21 and 200 GiB". */
export function bounds(f: Fact): string {
  const unit = f.unit ? ` ${f.unit}` : '';
  if (f.min !== undefined && f.max !== undefined) return `between ${f.min} and ${f.max}${unit}`;
  if (f.max !== undefined) return `at most ${f.max}${unit}`;
  return `at least ${f.min}${unit}`;
}

/** The doc page sentence that says where a fact comes from. */
export function cite(...ids: string[]): string {
  const sources = [...new Set(ids.map((id) => fact(id).source))];
  return `Sources: ${sources.map((s) => `<${s}>`).join(', ')}.`;
}
