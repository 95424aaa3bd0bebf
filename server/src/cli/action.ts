/**
 * `shipshape github-action`: the entry point of action.yml. One check gives the annotations (or the
 * format asked for) in the log, a SARIF file for code scanning, a job summary, and the outputs; the
 * exit status goes to the `exit-code` output, so the SARIF upload can run before the step fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VERSION } from '../version';
import { parseArgs, UsageError } from './args';
import { allRules } from './check';
import { countBySeverity, type RunReport } from './report';
import { runCheck, type Io } from './run';
import { toSarif } from './sarif';

/** Splits the `paths` / `args` inputs on white space (one path per line works too). */
function words(s: string | undefined): string[] {
  return (s ?? '').split(/\s+/).filter(Boolean);
}

/** Appends `name=value` to the GITHUB_OUTPUT file (a heredoc when the value has a line break). */
function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): void {
  if (!env.GITHUB_OUTPUT) return;
  const line = /[\r\n]/.test(value)
    ? `${name}<<SHIPSHAPE_EOF_${process.pid}\n${value}\nSHIPSHAPE_EOF_${process.pid}\n`
    : `${name}=${value}\n`;
  fs.appendFileSync(env.GITHUB_OUTPUT, line);
}

/** Markdown for the job summary, with the text of findings kept from being read as Markdown or HTML. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>&]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

export function jobSummary(run: RunReport, exitCode: number, limit = 50): string {
  const count = countBySeverity(run.files);
  const rows: string[] = [];
  for (const f of run.files)
    for (const d of f.diagnostics) {
      if (rows.length >= limit) break;
      rows.push(`| ${d.severity} | \`${d.code}\` | ${md(f.path)}:${d.range.start.line + 1} | ${md(d.message)} |`);
    }
  const total = count.error + count.warning + count.info + count.hint;
  return [
    `## Shipshape ${exitCode === 0 ? 'passed' : 'failed'}`,
    '',
    `${run.files.length} files checked: ${count.error} errors, ${count.warning} warnings, ` +
      `${count.info} info, ${count.hint} hints` +
      (run.problems.length ? `; ${run.problems.length} not checked` : '') +
      (run.fixed ? `; ${run.fixed.fixes} fixed` : '') +
      '.',
    ...(rows.length
      ? [
          '',
          '| severity | rule | where | message |',
          '|---|---|---|---|',
          ...rows,
          ...(total > rows.length ? ['', `and ${total - rows.length} more.`] : []),
        ]
      : []),
    ...(run.problems.length
      ? ['', '**Not checked:**', '', ...run.problems.map((p) => `- ${md(p.path)}: ${md(p.reason)}`)]
      : []),
    '',
  ].join('\n');
}

export async function runAction(io: Io): Promise<number> {
  const env = io.env;
  const input = (name: string) => env[`INPUT_${name}`]?.trim() ?? '';
  const argv = ['check', ...words(input('PATHS') || '.')];
  argv.push('--format', input('FORMAT') || 'github');
  argv.push('--fail-level', input('FAIL_LEVEL') || 'error');
  if (input('MAX_WARNINGS')) argv.push('--max-warnings', input('MAX_WARNINGS'));
  if (input('CONFIG')) argv.push('--config', input('CONFIG'));
  argv.push(...words(input('ARGS')));
  const cmd = parseArgs(argv);
  if (cmd.name !== 'check') throw new UsageError(`the action runs checks (got "${cmd.name}")`);
  if (cmd.options.paths.includes('-')) throw new UsageError('the action does not read stdin');
  const { code, run } = await runCheck(cmd.options, io);

  const sarifFile = input('SARIF_FILE') || 'shipshape.sarif';
  const wantSarif = /^true$/i.test(input('UPLOAD_SARIF')) || !!input('SARIF_FILE');
  if (wantSarif) {
    const file = path.resolve(sarifFile);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(toSarif(run, allRules(), VERSION), null, 2) + '\n');
    setOutput(env, 'sarif-file', sarifFile);
  }
  const count = countBySeverity(run.files);
  setOutput(env, 'exit-code', String(code));
  setOutput(env, 'errors', String(count.error));
  setOutput(env, 'warnings', String(count.warning));
  setOutput(env, 'files', String(run.files.length));
  if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(run, code));
  // In a workflow the step succeeds (the SARIF upload comes next) and action.yml ends with the
  // exit code; run by hand, the exit code is the status.
  return env.GITHUB_OUTPUT ? 0 : code;
}
