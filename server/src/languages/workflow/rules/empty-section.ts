import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { asMap, asSeq, deref, entry, nodeRange } from '../../../yaml/view';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF031',
    id: 'empty-section',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: 'Sections written empty (`needs: []`, `matrix: {}`, `services: {}`, `with: {}`) do nothing.',
    messages: { empty: '"{{key}}" is empty: remove it, or fill it in{{hint}}.' },
    fixable: false,
    docs: {
      rationale:
        'An empty `needs`, `matrix`, `services` or `with` is accepted by GitHub and does nothing, which usually ' +
        'means something was left out (a matrix whose rows were moved, inputs never written). Severity warning: ' +
        'the workflow runs, but not as meant. (A bare `with:` or `env:` with no mapping at all is rejected by ' +
        'GitHub: WF007.)',
      incorrect: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: []\n    steps:\n      - run: make\n',
      correct: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      peers: ['actionlint syntax-check'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const check = (holder: unknown, key: string, hint = '') => {
      const e = entry(holder, doc, key, false);
      if (!e) return;
      const v = deref(e.value, doc);
      const seq = asSeq(v, doc);
      const map = asMap(v, doc);
      if ((seq && !seq.items.length) || (map && !map.items.length)) {
        const [s, end] = nodeRange(v);
        ctx.report({ start: s, end, messageId: 'empty', data: { key, hint } });
      }
    };
    for (const job of ctx.model.jobs) {
      check(job.node, 'needs');
      check(job.node, 'services');
      check(job.node, 'with');
      check(asMap(entry(job.node, doc, 'strategy', false)?.value, doc), 'matrix', ' (a matrix needs one row)');
      for (const step of job.steps) check(step.node, 'with');
    }
  },
});
