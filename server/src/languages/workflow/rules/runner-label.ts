import { defineRule } from '../../../engine/define';
import type { Job, Str, WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, deref, entries, entry, nodeRange, scalarText } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';
import { GITHUB_HOSTED_LABELS, LARGER_RUNNER, RETIRED_LABELS, SELF_HOSTED_DEFAULT_LABELS } from '../runners';
import { contentRange } from '../edits';
import { isScalar } from 'yaml';

/** The labels of one job's runner: written in `runs-on` (string, list, `labels:`), or a matrix row it reads. */
export interface RunnerLabels {
  job: Job;
  labels: Str[];
  /** The labels are alternatives (matrix values), not a set every runner must have. */
  alternatives: boolean;
  /** `runs-on` names a runner group: its labels need not be GitHub's. */
  group: boolean;
}

function scalars(node: unknown, doc: WorkflowModel['doc'], out: Str[]) {
  const seq = asSeq(node, doc);
  if (seq) {
    for (const it of seq.items) scalars(it, doc, out);
    return;
  }
  const n = deref(node, doc);
  if (!n || !isScalar(n)) return;
  const v = scalarText(asScalar(n, doc));
  if (v === undefined) return;
  const [s, e] = nodeRange(n);
  out.push({ value: v, start: s, end: e, node: n });
}

/** Every job's runner labels (computed once per check). */
export function runnerLabels(model: WorkflowModel): RunnerLabels[] {
  const doc = model.doc;
  const out: RunnerLabels[] = [];
  for (const job of model.jobs) {
    if (job.runsOn === undefined) continue;
    const labels: Str[] = [];
    const map = asMap(job.runsOn, doc);
    if (map) {
      scalars(entry(map, doc, 'labels', false)?.value, doc, labels);
      out.push({ job, labels, alternatives: false, group: !!entry(map, doc, 'group', false) });
      continue;
    }
    scalars(job.runsOn, doc, labels);
    // `runs-on: ${{ matrix.os }}`: the values of that matrix row and of include.
    const m = labels.length === 1 ? /^\s*\$\{\{\s*matrix\.([\w-]+)\s*\}\}\s*$/.exec(labels[0].value) : null;
    if (m && job.matrix) {
      const values: Str[] = [];
      for (const e of entries(job.matrix, doc, false)) {
        if (e.key === m[1]) scalars(e.value, doc, values);
        if (e.key === 'include')
          for (const it of asSeq(e.value, doc)?.items ?? [])
            for (const ie of entries(asMap(it, doc), doc, false)) if (ie.key === m[1]) scalars(ie.value, doc, values);
      }
      out.push({ job, labels: values, alternatives: true, group: false });
      continue;
    }
    out.push({ job, labels, alternatives: false, group: false });
  }
  return out;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF010',
    id: 'runner-label',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: '`runs-on:` labels must be GitHub-hosted runner labels or labels of your self-hosted runners.',
    messages: {
      unknown:
        'Unknown runner label "{{label}}".{{hint}} Self-hosted labels can be ' +
        'listed in the setting `shipshape.workflow.selfHostedRunnerLabels`.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A job whose labels no runner has waits in the queue until it times out. Labels are checked in the ' +
        '`runs-on` string or list, in `labels:` of a runner group, and in the matrix row (and `include`) a ' +
        '`runs-on: ${{ matrix.os }}` reads; case does not matter. A single label that is not GitHub-hosted, and ' +
        'a label of a list that is close to a hosted one (a typo), are reported unless configured in ' +
        '`shipshape.workflow.selfHostedRunnerLabels` (or `workflow.self-hosted-runner-labels` in ' +
        '`.shipshape.yaml`); other custom labels next to `self-hosted` are accepted. Severity warning: it may be ' +
        'a self-hosted label we do not know.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-lastest\n    steps:\n      - run: make\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      peers: ['actionlint runner-label'],
    },
  },
  check(ctx) {
    const extra = ctx.settings.workflow?.selfHostedRunnerLabels;
    const known = ctx.once('workflow:known-labels', () => {
      const all = [...GITHUB_HOSTED_LABELS, ...SELF_HOSTED_DEFAULT_LABELS, ...(extra ?? [])];
      return new Set(all.map((l) => l.toLowerCase()));
    });
    for (const r of ctx.once('workflow:runner-labels', () => runnerLabels(ctx.model))) {
      for (const l of r.labels) {
        // An expression is known at run time; an empty label is the schema's (WF007).
        if (l.value.includes('${{') || l.value.trim() === '') continue;
        const v = l.value.toLowerCase();
        if (known.has(v) || RETIRED_LABELS[v] || LARGER_RUNNER.test(v)) continue;
        // Larger runners and self-hosted runners carry custom labels; a label close to a hosted one is a typo.
        const near = nearest(l.value, GITHUB_HOSTED_LABELS);
        if (!near && !r.alternatives && (r.labels.length > 1 || r.group)) continue;
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
  },
});
