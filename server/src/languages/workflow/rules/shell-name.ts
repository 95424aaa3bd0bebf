import { defineRule } from '../../../engine/define';
import type { Job, Str, WorkflowModel } from '../parse';
import { asMap, asScalar, entry, nodeRange, scalarText } from '../../../yaml/view';
import { runnerLabels } from './runner-label';
import { osOfLabel } from '../runners';

const SHELLS = ['bash', 'pwsh', 'python', 'sh', 'cmd', 'powershell'];
const WINDOWS_ONLY = ['cmd', 'powershell'];

export interface ShellUse {
  shell: Str;
  /** The shell name, lower-cased; undefined for a custom command (`{0}`) or an expression. */
  name?: string;
  os?: 'windows' | 'unix';
}

/** The operating system every runner of a job has, when its labels say: windows, or Linux/macOS. */
export function runnerOs(
  runners: ReturnType<typeof runnerLabels>,
  job: Job | undefined,
): 'windows' | 'unix' | undefined {
  if (!job) return undefined;
  const r = runners.find((x) => x.job === job);
  if (!r || r.alternatives || !r.labels.length) return undefined;
  const oses = new Set(r.labels.map((l) => osOfLabel(l.value)).filter((o) => o !== undefined));
  if (oses.size !== 1) return undefined;
  return oses.has('windows') ? 'windows' : 'unix';
}

/** Every `shell:` of the workflow (step, job and workflow `defaults.run`), with the OS of its runner. */
export function shellUses(model: WorkflowModel): ShellUse[] {
  const doc = model.doc;
  const out: ShellUse[] = [];
  const runners = runnerLabels(model);
  const add = (s: Str | undefined, job: Job | undefined) => {
    if (!s || s.value.includes('${{')) return;
    const v = s.value.trim();
    out.push({ shell: s, name: v.includes('{0}') ? undefined : v.toLowerCase(), os: runnerOs(runners, job) });
  };
  const defaultShell = (holder: unknown, job?: Job) => {
    const run = asMap(entry(asMap(entry(holder, doc, 'defaults', false)?.value, doc), doc, 'run', false)?.value, doc);
    const sh = asScalar(entry(run, doc, 'shell', false)?.value, doc);
    const v = scalarText(sh);
    if (!sh || v === undefined) return;
    const [a, b] = nodeRange(sh);
    add({ value: v, start: a, end: b, node: sh }, job);
  };
  defaultShell(model.root);
  for (const job of model.jobs) {
    defaultShell(job.node, job);
    for (const step of job.steps) add(step.shell, job);
  }
  return out;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF023',
    id: 'shell-name',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: "`shell:` must be a known shell available on the job's runner, or a command with `{0}`.",
    messages: {
      unknown: 'Unknown shell "{{shell}}"; use bash, pwsh, python, sh, cmd, powershell, or a command containing "{0}".',
      os: 'Shell "{{shell}}" exists only on Windows, but this job runs on {{os}}.',
    },
    fixable: false,
    docs: {
      rationale:
        'A custom shell must contain `{0}` (the script file) or GitHub cannot run the step; `cmd` and ' +
        '`powershell` do not exist on Linux and macOS runners. Names are compared case-insensitively (`Bash`, ' +
        '`PowerShell`). Checked in steps and in job and workflow `defaults.run`. Severity error: the step fails.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dir\n        shell: cmd\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - run: dir\n        shell: cmd\n',
      peers: ['actionlint shell-name'],
    },
  },
  check(ctx) {
    for (const u of ctx.once('workflow:shells', () => shellUses(ctx.model))) {
      if (!u.name) continue;
      const s = u.shell;
      if (!SHELLS.includes(u.name))
        ctx.report({ start: s.start, end: s.end, messageId: 'unknown', data: { shell: s.value.trim() } });
      else if (WINDOWS_ONLY.includes(u.name) && u.os === 'unix')
        ctx.report({
          start: s.start,
          end: s.end,
          messageId: 'os',
          data: { shell: s.value.trim(), os: 'Linux or macOS' },
        });
    }
  },
});
