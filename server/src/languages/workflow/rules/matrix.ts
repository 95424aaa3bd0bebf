import { defineRule } from '../../../engine/define';
import type { Document } from 'yaml';
import type { Job, WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, deref, entries, type Entry } from '../../../yaml/view';

/** A matrix written out: its rows (key → values) and its include / exclude combinations. */
export interface MatrixShape {
  job: Job;
  rows: Entry[];
  include?: Entry;
  exclude?: Entry;
}

export function matrices(model: WorkflowModel): MatrixShape[] {
  const out: MatrixShape[] = [];
  for (const job of model.jobs) {
    if (!job.matrix) continue;
    const shape: MatrixShape = { job, rows: [] };
    for (const e of entries(job.matrix, model.doc, false)) {
      if (e.key === 'include') shape.include = e;
      else if (e.key === 'exclude') shape.exclude = e;
      else shape.rows.push(e);
    }
    out.push(shape);
  }
  return out;
}

/** A YAML value as comparable JSON: mapping keys sorted, so `{a: 1, b: 2}` equals `{b: 2, a: 1}`. */
export function canonical(node: unknown, doc: Document | undefined, depth = 0): string {
  const n = deref(node, doc);
  if (!n || depth > 16) return 'null';
  const seq = asSeq(n, doc);
  if (seq) return `[${seq.items.map((i) => canonical(i, doc, depth + 1)).join(',')}]`;
  const map = asMap(n, doc);
  if (map)
    return `{${entries(map, doc, false)
      .map((e) => [e.key, canonical(e.value, doc, depth + 1)])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
      .join(',')}}`;
  return JSON.stringify(asScalar(n, doc)?.value ?? null);
}

/** Whether a value is (or holds) an expression: what it stands for is known at run time only. */
export function dynamic(node: unknown, doc: Document | undefined): boolean {
  const s = asScalar(node, doc);
  return typeof s?.value === 'string' && s.value.includes('${{');
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF020',
    id: 'matrix',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Matrix rows must not be empty, and `exclude` may only name keys of the matrix or its `include`.',
    messages: {
      empty: 'Matrix row "{{key}}" is empty, so the matrix cannot be built.',
      excludeKey: '"{{key}}" in exclude is not a key of the matrix ({{keys}}).',
    },
    fixable: false,
    docs: {
      rationale:
        'GitHub cannot build a matrix with an empty row, nor one whose `exclude` names a key that no row and no ' +
        '`include` has: the job fails before it starts. Severity error: the run fails. (Duplicate values and ' +
        'exclusions that match nothing are WF037.)',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        node: [18, 20]\n' +
        '        exclude:\n          - nod: 18\n    steps:\n      - run: make\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        node: [18, 20]\n' +
        '        exclude:\n          - node: 18\n    steps:\n      - run: make\n',
      peers: ['actionlint matrix'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const m of ctx.once('workflow:matrices', () => matrices(ctx.model))) {
      const keys = new Set(m.rows.map((r) => r.key.toLowerCase()));
      for (const r of m.rows) {
        const seq = asSeq(r.value, doc);
        if (seq && !seq.items.length)
          ctx.report({ start: r.keyStart, end: r.keyEnd, messageId: 'empty', data: { key: r.key } });
      }
      const include = asSeq(m.include?.value, doc);
      if (m.include && !include) continue;
      for (const it of include?.items ?? []) {
        const im = asMap(it, doc);
        if (!im) {
          if (dynamic(it, doc)) keys.add('*');
          continue;
        }
        for (const e of entries(im, doc, false)) keys.add(e.key.toLowerCase());
      }
      if (!keys.size || keys.has('*')) continue;
      for (const it of asSeq(m.exclude?.value, doc)?.items ?? [])
        for (const e of entries(asMap(it, doc), doc, false))
          if (!keys.has(e.key.toLowerCase()))
            ctx.report({
              start: e.keyStart,
              end: e.keyEnd,
              messageId: 'excludeKey',
              data: { key: e.key, keys: [...keys].map((k) => `"${k}"`).join(', ') },
            });
    }
  },
});
