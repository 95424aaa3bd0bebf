import { defineRule } from '../../../engine/define';
import type { Str, WorkflowModel } from '../parse';
import { GITHUB_HOSTED_LABELS, LARGER_RUNNER, RETIRED_LABELS, osOfLabel } from '../runners';
import { contentRange } from '../edits';
import { runnerLabels } from './runner-label';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF038',
    id: 'runner-unavailable',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'No runner can take the job: a retired GitHub image, or labels no runner has together.',
    messages: {
      retired: 'Runner "{{label}}" was retired in {{year}}; jobs asking for it never start.{{hint}}',
      hosted: 'Runner labels "{{a}}" and "{{b}}" cannot both be met: a GitHub-hosted label must be the only label.',
      os: 'Runner labels "{{a}}" and "{{b}}" name two operating systems; no runner has both (use a matrix to run on each).',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'GitHub retires old images (ubuntu-20.04, windows-2019, macos-13, ...): a job asking for one fails. A ' +
        'GitHub-hosted label cannot be combined with other labels, and a runner has one operating system, so ' +
        '`[macos-latest, ubuntu-latest]` or `[self-hosted, linux, windows]` is never scheduled and the job fails ' +
        'when its queue time runs out. Severity error: the run fails.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-20.04\n    steps:\n      - run: make\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n',
      peers: ['actionlint runner-label'],
    },
  },
  check(ctx) {
    for (const r of ctx.once('workflow:runner-labels', () => runnerLabels(ctx.model))) {
      const plain = r.labels.filter((l) => !l.value.includes('${{'));
      for (const l of plain) {
        const v = l.value.toLowerCase();
        if (!RETIRED_LABELS[v]) continue;
        const near = v.startsWith('ubuntu') ? 'ubuntu-24.04' : v.startsWith('windows') ? 'windows-2025' : 'macos-15';
        const [s, e] = contentRange(ctx.text, l);
        ctx.report({
          start: l.start,
          end: l.end,
          messageId: 'retired',
          data: { label: l.value, year: RETIRED_LABELS[v], hint: ` Use "${near}" (or the "-latest" label).` },
          suggestions: [{ title: `Use "${near}"`, edits: [{ start: s, end: e, newText: near }], safe: false }],
        });
      }
      if (r.alternatives || r.group || plain.length < 2) continue;
      const hosted = (l: Str) => {
        const v = l.value.toLowerCase();
        return GITHUB_HOSTED_LABELS.includes(v) || !!RETIRED_LABELS[v] || LARGER_RUNNER.test(v);
      };
      const first = plain.find(hosted);
      if (first) {
        const other = plain.find((l) => l !== first);
        if (other)
          ctx.report({
            start: other.start,
            end: other.end,
            messageId: 'hosted',
            data: { a: first.value, b: other.value },
          });
        continue;
      }
      let seen: Str | undefined;
      for (const l of plain) {
        const os = osOfLabel(l.value);
        if (!os) continue;
        if (seen && osOfLabel(seen.value) !== os) {
          ctx.report({ start: l.start, end: l.end, messageId: 'os', data: { a: seen.value, b: l.value } });
          break;
        }
        seen ??= l;
      }
    }
  },
});
