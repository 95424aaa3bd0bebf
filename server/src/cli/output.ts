/** The report formats except SARIF (sarif.ts): text, json, github (workflow commands), checkstyle. */
import type { Severity } from '../engine/types';
import { countBySeverity, type Problem, type RunReport } from './report';

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides from
 * file names and messages, written as `\xNN` / `\u{NNNN}`: a file name cannot move the cursor,
 * recolour the terminal or break the one-line-per-finding format.
 */
export function escapeControls(s: string, keep = ''): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (keep.includes(c)) return c;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function problemSeverity(p: Problem, run: RunReport): 'error' | 'warning' {
  return p.type === 'unreadable' && run.skipUnreadable ? 'warning' : 'error';
}

function problemText(p: Problem): string {
  return p.type === 'unreadable' ? `not checked: ${p.reason}` : `not checked completely: ${p.reason}`;
}

/** One line a finding, `path:line:col: severity message [CODE]`, then a summary line. */
export function formatText(run: RunReport): string {
  const lines: string[] = [];
  let withFindings = 0;
  for (const r of run.files) {
    if (r.diagnostics.length) withFindings++;
    for (const d of r.diagnostics)
      lines.push(
        `${escapeControls(r.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ` +
          `${d.severity} ${escapeControls(d.message)} [${d.code}]`,
      );
  }
  for (const p of run.problems)
    lines.push(`${escapeControls(p.path)}: ${problemSeverity(p, run)} ${escapeControls(problemText(p))}`);
  if (run.fixed?.fixes) lines.push(`fixed ${plural(run.fixed.fixes, 'problem')} in ${plural(run.fixed.files, 'file')}`);
  const count = countBySeverity(run.files);
  const total = count.error + count.warning + count.info + count.hint;
  let summary =
    total === 0
      ? `no problems in ${plural(run.files.length, 'file')}`
      : `${plural(total, 'problem')} (${plural(count.error, 'error')}, ` +
        `${plural(count.warning, 'warning')}, ${count.info} info, ${plural(count.hint, 'hint')}) ` +
        `in ${plural(withFindings, 'file')} of ${run.files.length} checked`;
  if (run.problems.length) summary += `; ${plural(run.problems.length, 'file')} not checked (listed above)`;
  lines.push(summary);
  return lines.join('\n') + '\n';
}

/** The JSON contract: `{"version":1,"files":[...]}`, plus `"notChecked"` when a file was not checked. */
export function formatJson(run: RunReport): string {
  return (
    JSON.stringify(
      {
        version: 1,
        files: run.files.map((r) => ({
          path: r.path,
          kind: r.kind,
          diagnostics: r.diagnostics.map((d) => ({
            code: d.code,
            rule: d.rule,
            severity: d.severity,
            message: d.message,
            range: d.range,
            fixable: d.fixable,
            ...(d.related?.length ? { related: d.related } : {}),
          })),
        })),
        ...(run.problems.length
          ? {
              notChecked: run.problems.map((p) => ({
                path: p.path,
                reason: p.reason,
                type: p.type,
                severity: problemSeverity(p, run),
              })),
            }
          : {}),
        ...(run.fixed ? { fixed: run.fixed } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

// --- GitHub workflow commands --------------------------------------------------------------------

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

/** The message of a workflow command: `%`, CR and LF escaped, as the runner reads them back. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A property of a workflow command: also `:` and `,`, which end a property. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message` per finding: GitHub
 * shows them as annotations on the pull request, no code-scanning permission needed. Paths are
 * made relative to GITHUB_WORKSPACE (the repository root the annotations refer to) when the
 * working directory is inside it.
 */
export function formatGithub(run: RunReport, relativeToWorkspace: (p: string) => string): string {
  const lines: string[] = [];
  const text = (s: string) => escapeControls(s, '\n\r\t');
  for (const r of run.files) {
    const file = relativeToWorkspace(r.path);
    for (const d of r.diagnostics) {
      const s = d.range.start;
      const e = d.range.end;
      const props = [
        `file=${escapeGithubProperty(text(file))}`,
        `line=${s.line + 1}`,
        `col=${s.character + 1}`,
        `endLine=${e.line + 1}`,
        // GitHub reads endColumn only on a one-line annotation
        ...(e.line === s.line ? [`endColumn=${Math.max(e.character, s.character + 1)}`] : []),
        `title=${escapeGithubProperty(`${d.code} ${d.rule}`)}`,
      ];
      lines.push(`::${GITHUB_COMMAND[d.severity]} ${props.join(',')}::${escapeGithubData(text(d.message))}`);
    }
  }
  for (const p of run.problems)
    lines.push(
      `::${problemSeverity(p, run)} file=${escapeGithubProperty(text(relativeToWorkspace(p.path)))},` +
        `title=${escapeGithubProperty('shipshape: not checked')}::${escapeGithubData(text(problemText(p)))}`,
    );
  // the summary, as a plain log line
  const count = countBySeverity(run.files);
  lines.push(
    `shipshape: ${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ${count.info} info, ` +
      `${plural(count.hint, 'hint')} in ${plural(run.files.length, 'file')} checked` +
      (run.problems.length ? `; ${plural(run.problems.length, 'file')} not checked` : ''),
  );
  return lines.join('\n') + '\n';
}

// --- Checkstyle XML ------------------------------------------------------------------------------

function xml(s: string): string {
  // XML 1.0 cannot hold most control characters even as references: they are escaped as text first
  return escapeControls(s, '\t\n\r')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const CHECKSTYLE_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  hint: 'info',
};

/** Checkstyle's XML, which Jenkins, GitLab and reviewdog read. */
export function formatCheckstyle(run: RunReport): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of run.files) {
    const problems = run.problems.filter((p) => p.path === r.path);
    if (!r.diagnostics.length && !problems.length) continue;
    out.push(`  <file name="${xml(r.path)}">`);
    for (const d of r.diagnostics)
      out.push(
        `    <error line="${d.range.start.line + 1}" column="${d.range.start.character + 1}" ` +
          `severity="${CHECKSTYLE_SEVERITY[d.severity]}" message="${xml(d.message)}" ` +
          `source="shipshape.${xml(d.code)}"/>`,
      );
    for (const p of problems)
      out.push(
        `    <error line="1" severity="${problemSeverity(p, run)}" message="${xml(problemText(p))}" ` +
          `source="shipshape.not-checked"/>`,
      );
    out.push('  </file>');
  }
  const reported = new Set(run.files.map((f) => f.path));
  for (const p of run.problems) {
    if (reported.has(p.path)) continue;
    out.push(`  <file name="${xml(p.path)}">`);
    out.push(
      `    <error line="1" severity="${problemSeverity(p, run)}" message="${xml(problemText(p))}" ` +
        `source="shipshape.not-checked"/>`,
    );
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}
