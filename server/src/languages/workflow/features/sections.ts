/** Which keys a section accepts, by its path of parent keys, from the generated schema; shared by completion and hover. */
import { EVENT_DOCS, FILTER_DOCS, KEY_DOCS } from '../schema-docs';
import { def, EVENTS, PERMISSION_SCOPES, ROOT_DEFINITION, type MappingForm } from '../schema';

export interface KeyDoc {
  doc: string;
  required?: boolean;
}

/** The mapping forms at a path (`-` stands for a sequence item). */
function formsAt(path: string[]): readonly MappingForm[] | undefined {
  let forms: readonly MappingForm[] = def(ROOT_DEFINITION).mappings;
  for (const k of path) {
    if (k === '-') return undefined;
    let next: string | undefined;
    for (const f of forms) next ??= f.props.get(k)?.type ?? f.looseValue;
    if (!next) return undefined;
    let d = def(next);
    // A sequence item: `steps` then `-`.
    if (!d.mappings.length && d.sequence) d = def(d.sequence);
    forms = d.mappings;
    if (!forms.length) return undefined;
  }
  return forms;
}

/** The keys valid in the mapping at `path`, or undefined when the section is free-form. */
export function keysAt(path: string[]): Record<string, KeyDoc> | undefined {
  if (path[0] === 'on') {
    if (path.length === 1)
      return Object.fromEntries(
        Object.keys(EVENTS).map((e) => [e, { doc: EVENT_DOCS[e] ?? `Run on the \`${e}\` event.` }]),
      );
    if (path.length === 2) {
      const ev = EVENTS[path[1]];
      if (!ev) return undefined;
      const keys = [...(ev.keys ?? []), ...(ev.types ? ['types'] : [])];
      return Object.fromEntries(keys.map((k) => [k, { doc: FILTER_DOCS[k] ?? '' }]));
    }
  }
  if (path[path.length - 1] === 'permissions')
    return Object.fromEntries(
      Object.entries(PERMISSION_SCOPES).map(([k, v]) => [k, { doc: `Access to ${k}: ${v.join(', ')}.` }]),
    );
  // `steps` items are written `- key:`; drop the dash, the forms of a sequence's item are what counts.
  const forms = formsAt(path.filter((k) => k !== '-'));
  if (!forms) return undefined;
  const out: Record<string, KeyDoc> = {};
  for (const f of forms)
    for (const [k, p] of f.props) {
      if (out[k]) continue;
      // A key required in one form of several (a step's `run` or `uses`) is not required as such.
      const required = p.required && forms.length === 1;
      out[k] = { doc: KEY_DOCS[f.name]?.[k] ?? '', ...(required ? { required } : {}) };
    }
  return Object.keys(out).length ? out : undefined;
}
