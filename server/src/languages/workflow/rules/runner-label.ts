import { defineRule } from '../../../engine/define';
import type { Str, WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entry, scalarText, deref, nodeRange } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';
import { GITHUB_HOSTED_LABELS, RETIRED_LABELS, SELF_HOSTED_DEFAULT_LABELS } from '../runners';
import { contentRange } from '../edits';
import { isScalar } from 'yaml';

let lastExtra: readonly string[] | undefined | null = null;
let lastKnown = new Set<string>();
/** Every label a runner may carry, lower-cased; rebuilt only when the configured labels change. */
function knownLabels(extra: readonly string[] | undefined): Set<string> {
  if (extra !== lastExtra) {
    lastKnown = new Set(
      [...GITHUB_HOSTED_LABELS, ...SELF_HOSTED_DEFAULT_LABELS, ...(extra ?? [])].map((l) => l.toLowerCase()),
    );
    lastExtra = extra;
  }
  return lastKnown;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF010',
    id: 'runner-label',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: '`runs-on:` labels must be GitHub-hosted runner labels or configured self-hosted labels.',
    messages: {
      unknown:
        'Unknown runner label "{{label}}".{{hint}} Self-hosted labels can be ' +
        'listed in the setting `shipshape.workflow.selfHostedRunnerLabels`.',
      retired: 'Runner "{{label}}" was retired in {{year}}; jobs asking for it never start.{{hint}}',
      conflict: 'Runner labels "{{a}}" and "{{b}}" cannot both be met: a GitHub-hosted label must be the only label.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A job whose labels no runner has waits in the queue until it times ' +
        'out. GitHub retires old images (ubuntu-20.04, windows-2019, macos-13, ...), and a ' +
        'GitHub-hosted label cannot be combined with other labels.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-20.04\n    steps:\n      - run: make\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n',
      peers: ['actionlint runner-label'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const doc = model.doc;
    const known = knownLabels(ctx.settings.workflow?.selfHostedRunnerLabels);
    for (const job of model.jobs) {
      if (job.runsOn === undefined) continue;
      const labels: Str[] = [];
      const collect = (node: unknown) => {
        const seq = asSeq(node, doc);
        if (seq) {
          for (const it of seq.items) collect(it);
          return;
        }
        const n = deref(node, doc);
        if (n && isScalar(n)) {
          const v = scalarText(asScalar(n, doc));
          if (v !== undefined) {
            const [s, e] = nodeRange(n);
            labels.push({ value: v, start: s, end: e, node: n });
          }
        }
      };
      const map = asMap(job.runsOn, doc);
      if (map) {
        const l = entry(map, doc, 'labels', false);
        if (l) collect(l.value);
        if (entry(map, doc, 'group', false)) continue;
      } else collect(job.runsOn);
      const hosted: Str[] = [];
      for (const l of labels) {
        if (l.value.includes('${{')) continue;
        const v = l.value.toLowerCase();
        if (RETIRED_LABELS[v]) {
          const near = v.startsWith('ubuntu') ? 'ubuntu-24.04' : v.startsWith('windows') ? 'windows-2025' : 'macos-15';
          const [s, e] = contentRange(ctx.text, l);
          ctx.report({
            start: l.start,
            end: l.end,
            messageId: 'retired',
            data: { label: l.value, year: RETIRED_LABELS[v], hint: ` Use "${near}" (or the "-latest" label).` },
            suggestions: [{ title: `Use "${near}"`, edits: [{ start: s, end: e, newText: near }], safe: false }],
          });
          hosted.push(l);
          continue;
        }
        if (GITHUB_HOSTED_LABELS.includes(v)) {
          hosted.push(l);
          continue;
        }
        if (known.has(v)) continue;
        // Larger runners carry custom labels; a label that is close to a hosted one is a typo.
        const near = nearest(l.value, GITHUB_HOSTED_LABELS);
        if (labels.length === 1 || near) {
          const [s, e] = contentRange(ctx.text, l);
          ctx.report({
            start: l.start,
            end: l.end,
            messageId: 'unknown',
            data: { label: l.value, hint: near ? ` Did you mean "${near}"?` : '' },
            suggestions: near
              ? [{ title: `Change to "${near}"`, edits: [{ start: s, end: e, newText: near }], safe: false }]
              : undefined,
          });
        }
      }
      if (hosted.length && labels.length > 1) {
        const other = labels.find((l) => l !== hosted[0] && !l.value.includes('${{'));
        if (other)
          ctx.report({
            start: other.start,
            end: other.end,
            messageId: 'conflict',
            data: { a: hosted[0].value, b: other.value },
          });
      }
    }
  },
});
