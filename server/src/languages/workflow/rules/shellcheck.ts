import { defineRule } from '../../../engine/define';
import type { RuleContext, ShellcheckComment, ShellDialect } from '../../../engine/types';
import type { Job, Step, WorkflowModel } from '../parse';
import { asMap, asScalar, entry, scalarText } from '../../../yaml/view';
import { maskExpressions, ScriptMap, type ScriptLine } from '../../../text/script-map';
import { runnerLabels } from './runner-label';
import { osOfLabel } from '../runners';

/**
 * Codes left out, as actionlint does, because `${{ }}` is replaced before the shell sees the script, and `env:`
 * sets variables the script cannot see declared: SC1091 (sourced file not found), SC2043 (a loop over one
 * `${{ }}`), SC2050 and SC2194 (constant conditions made of `${{ }}`), SC2153 and SC2154 (variables from `env:`),
 * SC2157 (`-z ${{ x }}`).
 */
export const EXCLUDED = ['SC1091', 'SC2043', 'SC2050', 'SC2153', 'SC2154', 'SC2157', 'SC2194'];

export interface ScriptCheck {
  step: Step;
  map: ScriptMap;
  comments: readonly ShellcheckComment[];
}

/** The shell a `run:` step runs with: its `shell:`, else the job's and the workflow's `defaults.run.shell`. */
function shellOf(model: WorkflowModel, job: Job, step: Step): string | undefined {
  if (step.shell) return step.shell.value;
  const doc = model.doc;
  for (const holder of [job.node, model.root]) {
    const run = asMap(entry(asMap(entry(holder, doc, 'defaults', false)?.value, doc), doc, 'run', false)?.value, doc);
    const v = scalarText(asScalar(entry(run, doc, 'shell', false)?.value, doc));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** bash or sh, from a shell name or command (`bash -e {0}`); an expression counts as bash; others are not shells. */
function dialectOf(shell: string | undefined, windows: boolean): ShellDialect | undefined {
  if (shell === undefined) return windows ? undefined : 'bash';
  const s = shell.trim();
  if (s.includes('${{')) return 'bash';
  if (/^bash(\s|$)/i.test(s)) return 'bash';
  if (/^sh(\s|$)/i.test(s)) return 'sh';
  return undefined;
}

/** The lines of a `run:` value with the document offset of each, or one line at the value when it cannot be mapped. */
function scriptOf(text: string, step: Step): ScriptMap {
  const run = step.run!;
  const node = run.node;
  if (node.type === 'BLOCK_LITERAL') {
    const nl = text.indexOf('\n', run.start);
    const body = nl < 0 ? '' : text.slice(nl + 1, run.end);
    const raw = body.split('\n');
    const first = raw.find((l) => l.trim() !== '');
    const indent = first ? first.length - first.trimStart().length : 0;
    const lines: ScriptLine[] = [];
    let off = nl + 1;
    for (const l of raw) {
      const cut = Math.min(indent, l.length - l.trimStart().length, l.length);
      lines.push({ text: maskExpressions(l.slice(cut).replace(/\r$/, '')), start: off + cut });
      off += l.length + 1;
    }
    while (lines.length && lines[lines.length - 1].text === '') lines.pop();
    return ScriptMap.of(lines, run.start);
  }
  const q = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  const single = !run.value.includes('\n') && text.slice(run.start + q, run.end - q) === run.value;
  if (single) return ScriptMap.of([{ text: maskExpressions(run.value), start: run.start + q }], run.start);
  // Folded or escaped text: lines of the value, all reported at the value.
  return ScriptMap.of(
    maskExpressions(run.value)
      .split('\n')
      .map((t) => ({ text: t, start: run.start })),
    run.start,
  );
}

/** ShellCheck's answers for every bash/sh `run:` script of the workflow (pending ones are left out for now). */
export function shellcheckRuns(ctx: RuleContext<WorkflowModel>): ScriptCheck[] {
  return ctx.once('workflow:shellcheck', () => {
    const tools = ctx.tools;
    if (!tools) return [];
    const out: ScriptCheck[] = [];
    const runners = runnerLabels(ctx.model);
    for (const job of ctx.model.jobs) {
      const r = runners.find((x) => x.job === job);
      const windows = !!r && !r.alternatives && r.labels.some((l) => osOfLabel(l.value) === 'windows');
      for (const step of job.steps) {
        if (!step.run) continue;
        const dialect = dialectOf(shellOf(ctx.model, job, step), windows);
        if (!dialect) continue;
        // GitHub runs `bash -e -o pipefail` and `sh -e`: shellcheck sees the same options.
        const map = scriptOf(ctx.text, step).withPrefix(dialect === 'bash' ? 'set -eo pipefail' : 'set -e');
        const answer = tools.shellcheck({ script: map.script, dialect, exclude: EXCLUDED });
        if (answer.state === 'done') out.push({ step, map, comments: answer.comments });
      }
    }
    return out;
  });
}

/** Reports the comments of one level group. */
export function reportShellcheck(ctx: RuleContext<WorkflowModel>, levels: readonly string[]) {
  for (const s of shellcheckRuns(ctx))
    for (const c of s.comments) {
      if (!levels.includes(c.level)) continue;
      const start = s.map.offsetAt(c.line, c.column);
      const end = c.endLine === c.line ? s.map.offsetAt(c.endLine, c.endColumn) : start + 1;
      ctx.report({
        start,
        end: Math.max(end, start + 1),
        messageId: 'finding',
        data: { code: c.code, level: c.level, message: c.message },
      });
    }
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF028',
    id: 'shellcheck',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'ShellCheck errors and warnings in bash and sh `run:` scripts (trusted workspaces, with shellcheck installed).',
    messages: { finding: 'shellcheck SC{{code}} ({{level}}): {{message}}' },
    fixable: false,
    tools: ['shellcheck'],
    docs: {
      rationale:
        "`run:` scripts of bash and sh steps (the step's `shell:`, else `defaults.run.shell`, else bash on Linux " +
        'and macOS runners) go to shellcheck with `${{ }}` masked and the options GitHub runs them with ' +
        '(`set -eo pipefail`), in the background: results come a moment after the other findings. The codes ' +
        'actionlint leaves out (variables from `env:`, constant words made of `${{ }}`) are left out. Only in ' +
        'trusted workspaces, with a shellcheck found on PATH outside the workspace. Severity warning: ' +
        "shellcheck's errors and warnings are likely bugs. (Its info and style notes are WF047.)",
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: for f in $(ls); do echo "$f"; done\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: for f in *; do echo "$f"; done\n',
      peers: ['actionlint shellcheck'],
    },
  },
  check(ctx) {
    reportShellcheck(ctx, ['error', 'warning']);
  },
});
