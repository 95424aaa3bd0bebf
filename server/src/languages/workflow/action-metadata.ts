/**
 * The metadata of a local action (`action.yml` of a `uses: ./path` step), checked against GitHub's action metadata
 * schema (`action-v1.0.json`, generated like the workflow schema) and against the action's folder: the files named in
 * `main`, `pre`, `post` and a local Docker `image` must exist. Problems are reported at the workflow's `uses:`.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { WorkspaceIndex } from '../../engine/types';
import { LineIndex } from '../../text/lines';
import { asMap, asScalar, deref, entries, entry, nodeRange, scalarText, type YMap } from '../../yaml/view';
import { ACTION_SCHEMA, type Def } from './schema';
import { expectedOf, matchScalar, pickForm } from './parse';

export interface ActionProblem {
  /** error: the step fails; warning: the action runs, its metadata is still wrong (branding, unknown keys). */
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

export interface ActionMetadata {
  file: string;
  problems: ActionProblem[];
}

/** Checks a local action's metadata file (found by the caller). */
export function checkActionMetadata(file: string, text: string, ws: WorkspaceIndex): ActionMetadata {
  const problems: ActionProblem[] = [];
  const lines = new LineIndex(text);
  const at = (start: number) => `line ${lines.position(start).line + 1}`;
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false });
  } catch (e) {
    problems.push({ severity: 'error', message: `it is not valid YAML (${(e as Error).message})`, start: 0, end: 1 });
    return { file, problems };
  }
  for (const err of doc.errors) {
    const [s, e] = err.pos ?? [0, 1];
    problems.push({ severity: 'error', message: `it is not valid YAML at ${at(s)}`, start: s, end: e });
  }
  if (doc.errors.length) return { file, problems };
  const add = (severity: ActionProblem['severity'], message: string, node: unknown) => {
    const [s, e] = nodeRange(node);
    problems.push({ severity, message: `${message} (${at(s)})`, start: s, end: e });
  };
  const walk = (node: unknown, d: Def, path: string) => {
    const n = deref(node, doc);
    if (!n) return;
    // Branding only shows in the Marketplace; everything else decides whether the action runs.
    const severity = path.startsWith('branding') ? 'warning' : 'error';
    if (isScalar(n)) {
      if (typeof n.value === 'string' && n.value.includes('${{')) return;
      if (d.scalars.length && matchScalar(n, d.scalars)) return;
      const v = scalarText(n) ?? '';
      const allowed = ACTION_SCHEMA.constants(d.name);
      add(
        severity,
        allowed.length
          ? `${path} is "${v}", not one of ${allowed.slice(0, 8).join(', ')}${allowed.length > 8 ? ', ...' : ''}`
          : `${path} must be ${expectedOf(d)}`,
        n,
      );
      return;
    }
    if (isSeq(n)) {
      if (!d.sequence) return add(severity, `${path} must be ${expectedOf(d)}`, n);
      n.items.forEach((it, i) => walk(it, ACTION_SCHEMA.def(d.sequence!), `${path}[${i}]`));
      return;
    }
    if (!isMap(n)) return;
    if (!d.mappings.length) return add(severity, `${path} must be ${expectedOf(d)}`, n);
    const es = entries(n as YMap, doc, false);
    const form = d.mappings.length === 1 ? d.mappings[0] : pickForm(d.mappings, es);
    for (const e of es) {
      const child = path ? `${path}.${e.key}` : e.key;
      const prop = form?.props.get(e.key);
      if (prop) walk(e.value, ACTION_SCHEMA.def(prop.type), child);
      else if (form?.looseValue) walk(e.value, ACTION_SCHEMA.def(form.looseValue), child);
      else if (form) add(path ? severity : 'warning', `unknown key "${child}"`, e.keyNode ?? e.value);
    }
    if (!form) {
      const using = scalarText(asScalar(entry(n, doc, 'using', false)?.value, doc));
      return add(severity, `${path || 'the action'} has keys of no single kind of action (using: ${using ?? '?'})`, n);
    }
    for (const k of form.required)
      if (!es.some((e) => e.key === k)) add(severity, `"${k}" is required in ${path || 'the action'}`, n);
  };
  walk(doc.contents, ACTION_SCHEMA.def(ACTION_SCHEMA.root), '');
  files(doc, file, ws, add);
  return { file, problems };
}

/** The files a JavaScript or Docker action names must be in its folder. */
function files(
  doc: Document,
  file: string,
  ws: WorkspaceIndex,
  add: (severity: ActionProblem['severity'], message: string, node: unknown) => void,
) {
  const runs = asMap(entry(doc.contents, doc, 'runs', false)?.value, doc);
  if (!runs) return;
  const dir = file.slice(0, file.lastIndexOf('/'));
  const using = scalarText(asScalar(entry(runs, doc, 'using', false)?.value, doc)) ?? '';
  const named = (key: string) => {
    const s = asScalar(entry(runs, doc, key, false)?.value, doc);
    const v = scalarText(s);
    return s && v ? { v, s } : undefined;
  };
  if (/^node\d+$/.test(using))
    for (const key of ['main', 'pre', 'post']) {
      const f = named(key);
      if (f && !f.v.includes('${{') && !ws.exists(`${dir}/${f.v.replace(/^\.\//, '')}`))
        add('error', `runs.${key} names "${f.v}", which is not in the action's folder`, f.s);
    }
  if (using === 'docker') {
    const f = named('image');
    if (f && !/^docker:\/\//.test(f.v) && !f.v.includes('${{') && !ws.exists(`${dir}/${f.v.replace(/^\.\//, '')}`))
      add('error', `runs.image names "${f.v}", which is not in the action's folder`, f.s);
  }
  for (const [cond, key] of [
    ['pre-if', 'pre'],
    ['post-if', 'post'],
  ]) {
    const c = entry(runs, doc, cond, false);
    const other = using === 'docker' ? `${key}-entrypoint` : key;
    if (c && !entry(runs, doc, other, false)) add('warning', `runs.${cond} is given without runs.${other}`, c.keyNode);
  }
}
