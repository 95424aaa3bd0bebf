import { defineRule } from '../../../engine/define';
import type { RuleContext } from '../../../engine/types';
import type { Job, Str, WorkflowModel } from '../parse';
import { asMap, asScalar, asSeq, entry, scalarText, nodeRange } from '../../../yaml/view';

const SHELLS = ['bash', 'pwsh', 'python', 'sh', 'cmd', 'powershell'];
const WINDOWS_ONLY = ['cmd', 'powershell'];

function runnerOs(ctx: RuleContext<WorkflowModel>, job: Job | undefined): 'windows' | 'unix' | undefined {
  if (!job) return undefined;
  const doc = ctx.model.doc;
  const labels = (asSeq(job.runsOn, doc)?.items ?? [job.runsOn]).map(
    (n) => scalarText(asScalar(n, doc))?.toLowerCase() ?? '',
  );
  if (labels.some((l) => l.startsWith('windows'))) return 'windows';
  if (labels.some((l) => l.startsWith('ubuntu') || l.startsWith('macos') || l === 'linux' || l === 'macos'))
    return 'unix';
  return undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF023',
    id: 'shell-name',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: "`shell:` must be a known shell, available on the job's runner, or a command with `{0}`.",
    messages: {
      unknown: 'Unknown shell "{{shell}}"; use bash, pwsh, python, sh, cmd, powershell, or a command containing "{0}".',
      os: 'Shell "{{shell}}" exists only on Windows, but this job runs on {{os}}.',
    },
    fixable: false,
    docs: {
      rationale:
        'A custom shell must contain `{0}` (the script file) or GitHub cannot ' +
        'run the step; `cmd` and `powershell` do not exist on Linux and macOS runners.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dir\n        shell: cmd\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - run: dir\n        shell: cmd\n',
      peers: ['actionlint shell-name'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const check = (s: Str | undefined, job: Job | undefined) => {
      if (!s || s.value.includes('${{')) return;
      const v = s.value.trim();
      if (v.includes('{0}')) return;
      if (!SHELLS.includes(v)) {
        ctx.report({ start: s.start, end: s.end, messageId: 'unknown', data: { shell: v } });
        return;
      }
      if (WINDOWS_ONLY.includes(v) && runnerOs(ctx, job) === 'unix')
        ctx.report({ start: s.start, end: s.end, messageId: 'os', data: { shell: v, os: 'Linux or macOS' } });
    };
    const defShell = (map: unknown, job?: Job) => {
      const run = asMap(
        entry(asMap(entry(asMap(map, doc), doc, 'defaults', false)?.value, doc), doc, 'run', false)?.value,
        doc,
      );
      const sh = asScalar(entry(run, doc, 'shell', false)?.value, doc);
      const v = scalarText(sh);
      if (sh && v !== undefined) {
        const [a, b] = nodeRange(sh);
        check({ value: v, start: a, end: b, node: sh }, job);
      }
    };
    defShell(ctx.model.root);
    for (const job of ctx.model.jobs) {
      defShell(job.node, job);
      for (const step of job.steps) check(step.shell, job);
    }
  },
});
