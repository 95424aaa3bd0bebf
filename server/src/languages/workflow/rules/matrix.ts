import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entries, entry, nodeRange } from '../../../yaml/view';
import { isScalar, type Document } from 'yaml';

function valueKey(doc: Document | undefined, node: unknown): string {
  const s = asScalar(node, doc);
  if (s && isScalar(s)) return JSON.stringify(s.value);
  try {
    return JSON.stringify((node as { toJSON(): unknown }).toJSON());
  } catch {
    return String(Math.random());
  }
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF020',
    id: 'matrix',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      'Matrix rows must be non-empty without duplicate values; `exclude` may ' +
      'only name matrix keys; `include`/`exclude` are lists of mappings.',
    messages: {
      duplicate: 'Value {{value}} appears twice in matrix row "{{key}}".',
      empty: 'Matrix row "{{key}}" is empty, so the job never runs.',
      excludeKey: '"{{key}}" in exclude is not a key of the matrix; this exclusion never matches.',
      shape: '"{{key}}" must be a list of mappings.',
    },
    fixable: false,
    docs: {
      rationale:
        'Duplicate values run the same job twice; an empty row gives zero ' +
        'combinations; an exclude naming a key the matrix lacks never removes anything.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    ' +
        'strategy:\n      matrix:\n        node: [18, 20, 20]\n        exclude:\n          - nod: ' +
        '18\n    steps:\n      - run: make\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    ' +
        'strategy:\n      matrix:\n        node: [18, 20, 22]\n        exclude:\n          - node: ' +
        '18\n    steps:\n      - run: make\n',
      peers: ['actionlint matrix'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const job of ctx.model.jobs) {
      const strat = asMap(entry(job.node, doc, 'strategy', false)?.value, doc);
      const mm = asMap(entry(strat, doc, 'matrix', false)?.value, doc);
      if (!mm) continue;
      const rowKeys = new Set<string>();
      let includeKeys = new Set<string>();
      for (const e of entries(mm, doc, false)) {
        if (e.key === 'include' || e.key === 'exclude') {
          const seq = asSeq(e.value, doc);
          if (!seq) {
            if (!asScalar(e.value, doc)?.source?.includes('${{'))
              ctx.report({ start: e.keyStart, end: e.keyEnd, messageId: 'shape', data: { key: e.key } });
            continue;
          }
          if (e.key === 'include')
            for (const it of seq.items) for (const k of entries(asMap(it, doc), doc, false)) includeKeys.add(k.key);
          continue;
        }
        rowKeys.add(e.key);
        const seq = asSeq(e.value, doc);
        if (!seq) continue;
        if (!seq.items.length) {
          ctx.report({ start: e.keyStart, end: e.keyEnd, messageId: 'empty', data: { key: e.key } });
          continue;
        }
        const seen = new Set<string>();
        for (const it of seq.items) {
          const k = valueKey(doc, it);
          if (seen.has(k)) {
            const [s, en] = nodeRange(it);
            ctx.report({ start: s, end: en, messageId: 'duplicate', data: { value: k, key: e.key } });
          }
          seen.add(k);
        }
      }
      void includeKeys;
      const ex = asSeq(entry(mm, doc, 'exclude', false)?.value, doc);
      for (const it of ex?.items ?? []) {
        const m = asMap(it, doc);
        if (!m) {
          const [s, en] = nodeRange(it);
          if (!asScalar(it, doc)?.source?.includes('${{'))
            ctx.report({ start: s, end: en, messageId: 'shape', data: { key: 'exclude' } });
          continue;
        }
        for (const k of entries(m, doc, false))
          if (!rowKeys.has(k.key) && !includeKeys.has(k.key))
            ctx.report({ start: k.keyStart, end: k.keyEnd, messageId: 'excludeKey', data: { key: k.key } });
      }
      includeKeys = new Set();
    }
  },
});
