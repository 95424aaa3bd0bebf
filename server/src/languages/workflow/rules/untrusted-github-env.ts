import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { envInForce, triggers, untrustedIn } from '../security';

/** A line of a script that appends to one of the files GitHub reads between steps. */
const WRITE = /(>>?|\btee\b(\s+-a)?)\s*["']?\$\{?(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\}?["']?/;

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF110',
    id: 'untrusted-github-env',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 8.1 },
    fixable: false,
    description: 'Untrusted input is written to `$GITHUB_ENV`, `$GITHUB_PATH` or `$GITHUB_OUTPUT`.',
    messages: {
      untrusted:
        '`${{name}}` holds {{source}}, which its author controls, and is written to ${{file}}: a line break in ' +
        'it adds any variable (or PATH entry) the next steps will use.',
      privileged:
        'In a {{trigger}} workflow this writes `${{name}}` to ${{file}}: if anything from the pull request reaches ' +
        'it, the later steps run with the variables (or PATH) its author chose.',
    },
    docs: {
      rationale:
        'Lines appended to `$GITHUB_ENV` become environment variables of every later step, lines in ' +
        '`$GITHUB_PATH` go in front of PATH, and `$GITHUB_OUTPUT` feeds other steps and jobs. Moving an untrusted ' +
        'value (an issue title, a branch name, a commit message) into `env:` is the right fix for script ' +
        'injection, but writing that variable on into these files re-opens it: a value with a line break can set ' +
        '`BASH_ENV`, `LD_PRELOAD` or `NODE_OPTIONS` for the next steps. Validate the value first, or keep it in ' +
        'the step that needs it. In `pull_request_target` and `workflow_run` workflows any variable written there ' +
        'is reported.',
      attack:
        'The author of an issue or pull request puts a newline and `NODE_OPTIONS=--require=/tmp/x.js` (or a PATH ' +
        'entry of their own) in a title or branch name, and the next step of the job runs their code with its ' +
        'secrets.',
      incorrect:
        'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "TITLE=$TITLE" >> "$GITHUB_ENV"\n' +
        '        env:\n          TITLE: ${{ github.event.issue.title }}\n      - run: ./triage.sh\n',
      correct:
        'on: issues\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./triage.sh "$TITLE"\n' +
        '        env:\n          TITLE: ${{ github.event.issue.title }}\n',
      peers: ['zizmor github-env', 'CodeQL actions/envvar-injection'],
    },
  },
  check(ctx) {
    const { model, text } = ctx;
    const on = triggers(model);
    const trigger = ['pull_request_target', 'workflow_run'].find((t) => on.has(t));
    for (const job of model.jobs)
      for (const step of job.steps) {
        if (!step.run || !/GITHUB_(ENV|PATH|OUTPUT)/.test(step.run.value)) continue;
        const env = envInForce(model, job, step);
        const src = text.slice(step.run.start, step.run.end);
        let cursor = 0;
        for (const line of step.run.value.split('\n')) {
          const w = WRITE.exec(line);
          const at = src.indexOf(line.trim(), cursor);
          if (at >= 0) cursor = at + line.trim().length;
          if (!w) continue;
          const file = w[3];
          const vars = [...line.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)]
            .map((m) => m[1])
            .filter((v) => !/^GITHUB_(ENV|PATH|OUTPUT)$/.test(v));
          const span =
            at >= 0 ? { start: step.run.start + at, end: step.run.start + at + line.trim().length } : step.run;
          let reported = false;
          for (const name of vars) {
            const v = env.get(name);
            const source = v?.expressions.flatMap(untrustedIn)[0];
            if (!source) continue;
            ctx.report({ ...span, messageId: 'untrusted', data: { name, source: `\`${source}\``, file } });
            reported = true;
            break;
          }
          if (!reported && trigger && file !== 'GITHUB_OUTPUT') {
            const name = vars.find((n) => !/^(RUNNER_|GITHUB_|HOME$|PATH$|PWD$)/.test(n));
            if (name) ctx.report({ ...span, messageId: 'privileged', data: { name, file, trigger: `\`${trigger}\`` } });
          }
        }
      }
  },
});
