import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asSeq, entries, nodeRange } from '../../../yaml/view';
import { canonical, dynamic, matrices } from './matrix';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF037',
    id: 'matrix-values',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'Matrix values must not repeat in a row, and each `exclude` must match a combination (and needs rows to exclude).',
    messages: {
      duplicate: 'Value {{value}} appears twice in matrix row "{{key}}" (first at line {{line}}).',
      noMatch:
        'Value {{value}} of "{{key}}" in exclude matches no value of the matrix ({{values}}), so it excludes nothing.',
      noRows: '"exclude" is given but the matrix has no rows to exclude from.',
    },
    fixable: false,
    docs: {
      rationale:
        'A value twice in a row runs the same job twice; an `exclude` whose values are in no row and no `include` ' +
        '(values are compared as YAML values: mappings by content, whatever the key order; a mapping in an ' +
        'exclusion matches a row mapping that contains it) removes nothing, usually a typo. Values that are ' +
        'expressions are known only at run time and are not compared. Severity warning: the workflow runs, with ' +
        'other jobs than meant.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n' +
        '        exclude:\n          - os: macos-latest\n    steps:\n      - run: make\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n' +
        '        exclude:\n          - os: windows-latest\n    steps:\n      - run: make\n',
      peers: ['actionlint matrix'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const m of ctx.once('workflow:matrices', () => matrices(ctx.model))) {
      // Values of each key: the row's and those of include.
      const values = new Map<string, { canon: string; node: unknown }[] | 'dynamic'>();
      for (const r of m.rows) {
        const seq = asSeq(r.value, doc);
        if (!seq) {
          values.set(r.key.toLowerCase(), 'dynamic');
          continue;
        }
        const seen = new Map<string, unknown>();
        const list: { canon: string; node: unknown }[] = [];
        for (const it of seq.items) {
          if (dynamic(it, doc)) continue;
          const c = canonical(it, doc);
          const first = seen.get(c);
          if (first !== undefined) {
            const [s, e] = nodeRange(it);
            ctx.report({
              start: s,
              end: e,
              messageId: 'duplicate',
              data: { value: c, key: r.key, line: ctx.lines.position(nodeRange(first)[0]).line + 1 },
            });
          } else seen.set(c, it);
          list.push({ canon: c, node: it });
        }
        values.set(r.key.toLowerCase(), list);
      }
      const include = asSeq(m.include?.value, doc);
      if (m.include && !include) continue;
      for (const it of include?.items ?? []) {
        const im = asMap(it, doc);
        if (!im) continue;
        for (const e of entries(im, doc, false)) {
          const k = e.key.toLowerCase();
          const have = values.get(k);
          if (have === 'dynamic') continue;
          if (dynamic(e.value, doc)) values.set(k, 'dynamic');
          else values.set(k, [...(have ?? []), { canon: canonical(e.value, doc), node: e.value }]);
        }
      }
      const exclude = asSeq(m.exclude?.value, doc);
      if (!m.exclude || !exclude) continue;
      if (!m.rows.length && !include?.items.length) {
        ctx.report({ start: m.exclude.keyStart, end: m.exclude.keyEnd, messageId: 'noRows' });
        continue;
      }
      for (const it of exclude.items)
        for (const e of entries(asMap(it, doc), doc, false)) {
          const have = values.get(e.key.toLowerCase());
          if (!have || have === 'dynamic' || dynamic(e.value, doc)) continue;
          const c = canonical(e.value, doc);
          const sub = asMap(e.value, doc);
          const matches = have.some((v) => v.canon === c || (sub && contains(v.node, e.value, doc)));
          if (!matches) {
            const [s, end] = nodeRange(e.value);
            ctx.report({
              start: s,
              end,
              messageId: 'noMatch',
              data: { value: c, key: e.key, values: [...new Set(have.map((v) => v.canon))].join(', ') },
            });
          }
        }
    }
  },
});

/** Whether mapping `whole` holds every key of `part` with the same value. */
function contains(whole: unknown, part: unknown, doc: Parameters<typeof canonical>[1]): boolean {
  const w = asMap(whole, doc);
  const p = asMap(part, doc);
  if (!w || !p) return false;
  const we = new Map(entries(w, doc, false).map((e) => [e.key, canonical(e.value, doc)]));
  return entries(p, doc, false).every((e) => we.get(e.key) === canonical(e.value, doc));
}
