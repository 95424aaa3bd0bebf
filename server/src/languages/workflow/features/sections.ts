/** Which keys a section accepts, by its path of parent keys; shared by completion and hover. */
import {
  EVENT_DOCS,
  EVENTS,
  FILTER_DOCS,
  JOB_PROPS,
  PERMISSION_SCOPES,
  ROOT_PROPS,
  STEP_PROPS,
  type Prop,
  type ValueType,
} from '../schema';

export interface KeyDoc {
  doc: string;
  required?: boolean;
}

function propsOf(t: ValueType | undefined): Record<string, Prop> | undefined {
  if (!t) return undefined;
  if (t.t === 'map') return t.props;
  if (t.t === 'oneOf')
    for (const o of t.of) {
      const p = propsOf(o);
      if (p) return p;
    }
  return undefined;
}

function fromProps(props: Record<string, Prop>): Record<string, KeyDoc> {
  return Object.fromEntries(
    Object.entries(props).map(([k, p]) => [k, { doc: p.doc ?? p.type.doc ?? '', required: p.required }]),
  );
}

/** The keys valid in the mapping at `path`, or undefined when the section is free-form. */
export function keysAt(path: string[]): Record<string, KeyDoc> | undefined {
  const p = path.filter((x) => x !== '-' || true);
  if (p.length === 0) return fromProps(ROOT_PROPS);
  if (p[0] === 'on') {
    if (p.length === 1)
      return Object.fromEntries(
        Object.keys(EVENTS).map((e) => [e, { doc: EVENT_DOCS[e] ?? `Run on the \`${e}\` event.` }]),
      );
    if (p.length === 2) {
      const ev = EVENTS[p[1]];
      if (!ev) return undefined;
      const keys = [...(ev.keys ?? []), ...(ev.types ? ['types'] : [])];
      return Object.fromEntries(keys.map((k) => [k, { doc: FILTER_DOCS[k] ?? '' }]));
    }
    return undefined;
  }
  if (p[0] === 'permissions' || (p[0] === 'jobs' && p[2] === 'permissions' && p.length === 3)) {
    return Object.fromEntries(
      Object.entries(PERMISSION_SCOPES).map(([k, v]) => [k, { doc: `Access to ${k}: ${v.join(', ')}.` }]),
    );
  }
  if (p[0] === 'jobs') {
    if (p.length === 2) return fromProps(JOB_PROPS);
    if (p[2] === 'steps' && p[3] === '-') {
      if (p.length === 4) return fromProps(STEP_PROPS);
      return undefined;
    }
    // Nested job sections: walk the schema.
    let props: Record<string, Prop> | undefined = JOB_PROPS;
    for (const k of p.slice(2)) {
      if (k === '-') continue;
      const prop: Prop | undefined = props?.[k];
      props = propsOf(prop?.type);
      if (!props) return undefined;
    }
    return props ? fromProps(props) : undefined;
  }
  let props: Record<string, Prop> | undefined = ROOT_PROPS;
  for (const k of p) {
    props = propsOf(props?.[k]?.type);
    if (!props) return undefined;
  }
  return props ? fromProps(props) : undefined;
}
