import { defineRule } from '../../../engine/define';
import type { Fix } from '../../../engine/types';
import type { WorkflowModel } from '../parse';

/**
 * Workflow commands as the runner reads them: `::set-output name=NAME::VALUE` (also `save-state`, `set-env`) and
 * `::add-path::VALUE`; text that merely mentions a command (`::debug::set-output is deprecated`) is not one.
 */
const CMD_RE = /::(set-output|save-state|set-env) name=[A-Za-z_][^:\n]*::\S|::(add-path)::\S/g;
/** The head of `echo "::set-output name=NAME::VALUE"`, quoted or not; the value is read by setOutputLine. */
const SET_OUTPUT_HEAD = /^(\s*)echo\s+(["']?)::(set-output|save-state) name=([A-Za-z0-9_.-]+)::/;

/**
 * What `/^(\s*)echo\s+(["']?)::(set-output|save-state) name=(…)::(.*?)\2\s*$/` matches: the value is
 * the rest of the line less trailing white space and the closing quote. (The lazy `(.*?)` retried
 * `\s*$` at every character: quadratic on a value of many spaces then a word.)
 */
export function setOutputLine(line: string): string[] | null {
  const m = SET_OUTPUT_HEAD.exec(line);
  if (!m) return null;
  let value = line.slice(m[0].length).trimEnd();
  const quote = m[2];
  if (quote) {
    if (!value.endsWith(quote)) return null;
    value = value.slice(0, -1);
  }
  if (/[\n\r\u2028\u2029]/.test(value)) return null; // `.` stops at a line break
  return [line, m[1], quote, m[3], m[4], value];
}
const FILES: Record<string, string> = {
  'set-output': 'GITHUB_OUTPUT',
  'save-state': 'GITHUB_STATE',
  'set-env': 'GITHUB_ENV',
  'add-path': 'GITHUB_PATH',
};

export interface CommandUse {
  command: string;
  file: string;
  start: number;
  end: number;
  suggestions?: Fix[];
}

/** Every workflow command of the `run:` scripts, with a rewrite to the environment file where one line does it. */
export function workflowCommands(ctx: { model: WorkflowModel; text: string }): CommandUse[] {
  const text = ctx.text;
  const out: CommandUse[] = [];
  for (const job of ctx.model.jobs)
    for (const step of job.steps) {
      const run = step.run;
      if (!run?.value.includes('::')) continue;
      const src = text.slice(run.start, run.end);
      CMD_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CMD_RE.exec(src))) {
        const command = m[1] ?? m[2];
        const file = FILES[command];
        const start = run.start + m.index;
        const end = start + 2 + command.length;
        let suggestions: Fix[] | undefined;
        if (command === 'set-output' || command === 'save-state') {
          const ls = Math.max(text.lastIndexOf('\n', start - 1) + 1, run.start);
          let le = text.indexOf('\n', start);
          if (le < 0) le = text.length;
          if (text[le - 1] === '\r') le--;
          const lm = setOutputLine(text.slice(ls, le));
          if (lm && ls >= run.start && le <= run.end && !lm[5].includes('"'))
            suggestions = [
              {
                title: `Write to $${file} instead`,
                edits: [{ start: ls, end: le, newText: `${lm[1]}echo "${lm[4]}=${lm[5]}" >> "$${file}"` }],
                safe: false,
              },
            ];
        }
        out.push({ command, file, start, end, suggestions });
      }
    }
  return out;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF014',
    id: 'deprecated-commands',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'The workflow commands `::set-env` and `::add-path` are disabled: the step fails.',
    messages: { env: '"::{{command}}" is disabled and fails the step; append to the file in ${{file}} instead.' },
    fixable: false,
    docs: {
      rationale:
        '`::set-env` and `::add-path` were disabled for security (CVE-2020-15228): the runner fails the step ' +
        'that prints one. Append `NAME=value` to the file named by `$GITHUB_ENV`, or the folder to `$GITHUB_PATH`. ' +
        'Severity error: the run fails. (`::set-output` and `::save-state` still work, deprecated: WF032.)',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "::add-path::$HOME/bin"\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$HOME/bin" >> "$GITHUB_PATH"\n',
      peers: ['actionlint deprecated-commands'],
    },
  },
  check(ctx) {
    for (const c of ctx.once('workflow:commands', () => workflowCommands(ctx)))
      if (c.command === 'set-env' || c.command === 'add-path')
        ctx.report({ start: c.start, end: c.end, messageId: 'env', data: { command: c.command, file: c.file } });
  },
});
