import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';

const CMD_RE = /::(set-output|save-state|set-env|add-path)\b/g;
/** `echo "::set-output name=NAME::VALUE"` on one line, quoted or not. */
const SET_OUTPUT_LINE = /^(\s*)echo\s+(["']?)::(set-output|save-state) name=([A-Za-z0-9_.-]+)::(.*?)\2\s*$/;

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF014',
    id: 'deprecated-commands',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'The workflow commands `::set-output`, `::save-state`, `::set-env` and `::add-path` are disabled.',
    messages: {
      output: '"::{{command}}" is deprecated; append "name=value" to the file in ${{file}} instead.',
      env: '"::{{command}}" is disabled; append to the file in ${{file}} instead.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        '`::set-env` and `::add-path` were disabled for security ' +
        '(CVE-2020-15228); `::set-output` and `::save-state` are deprecated and stop working. ' +
        'Write to the files named by `$GITHUB_OUTPUT`, `$GITHUB_STATE`, `$GITHUB_ENV` and ' +
        '`$GITHUB_PATH`.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - id: out\n        run: echo "::set-output name=dir::out"\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - id: out\n        run: echo "dir=out" >> "$GITHUB_OUTPUT"\n',
      peers: ['actionlint deprecated-commands'],
    },
  },
  check(ctx) {
    const text = ctx.text;
    for (const job of ctx.model.jobs)
      for (const step of job.steps) {
        const run = step.run;
        if (!run) continue;
        const src = text.slice(run.start, run.end);
        CMD_RE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = CMD_RE.exec(src))) {
          const command = m[1];
          const file = {
            'set-output': 'GITHUB_OUTPUT',
            'save-state': 'GITHUB_STATE',
            'set-env': 'GITHUB_ENV',
            'add-path': 'GITHUB_PATH',
          }[command]!;
          const start = run.start + m.index;
          const end = start + m[0].length;
          let suggestions;
          if (command === 'set-output' || command === 'save-state') {
            const ls = Math.max(text.lastIndexOf('\n', start - 1) + 1, run.start);
            let le = text.indexOf('\n', start);
            if (le < 0) le = text.length;
            if (text[le - 1] === '\r') le--;
            const line = text.slice(ls, le);
            const lm = SET_OUTPUT_LINE.exec(line);
            if (lm && ls >= run.start && le <= run.end && !lm[5].includes('"')) {
              suggestions = [
                {
                  title: `Write to $${file} instead`,
                  edits: [{ start: ls, end: le, newText: `${lm[1]}echo "${lm[4]}=${lm[5]}" >> "$${file}"` }],
                  safe: false,
                },
              ];
            }
          }
          ctx.report({
            start,
            end,
            messageId: command === 'set-output' || command === 'save-state' ? 'output' : 'env',
            data: { command, file },
            suggestions,
          });
        }
      }
  },
});
