import { defineRule } from '../../../engine/define';
import { spawnSync } from 'node:child_process';
import type { Step, WorkflowModel } from '../parse';
import { asMap, asScalar, entry, scalarText } from '../../../yaml/view';

/** Checks excluded because expressions are replaced before the shell sees the script (as actionlint does). */
const EXCLUDED = 'SC1091,SC2194,SC2050,SC2154,SC2157';
let available: boolean | undefined;
function hasShellcheck(): boolean {
  if (available === undefined) {
    try {
      available = spawnSync('shellcheck', ['--version'], { encoding: 'utf8', timeout: 5000 }).status === 0;
    } catch {
      available = false;
    }
  }
  return available;
}

interface ScFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

/** Maps (line, column) of the script (1-based) to an offset in the workflow text. */
function positionMapper(
  text: string,
  step: Step,
): { script: string; map(line: number, col: number): number } | undefined {
  const run = step.run!;
  const node = run.node;
  if (node.type === 'BLOCK_LITERAL') {
    const nl = text.indexOf('\n', run.start);
    if (nl < 0) return undefined;
    const body = text.slice(nl + 1, run.end);
    const rawLines = body.split('\n');
    const indent = Math.min(...rawLines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
    if (!Number.isFinite(indent)) return undefined;
    const starts: number[] = [];
    let off = nl + 1;
    for (const l of rawLines) {
      starts.push(off + Math.min(indent, l.length));
      off += l.length + 1;
    }
    return { script: run.value, map: (line, col) => (starts[line - 1] ?? run.start) + col - 1 };
  }
  if (node.type === 'PLAIN' && !run.value.includes('\n'))
    return { script: run.value, map: (_l, col) => run.start + col - 1 };
  return undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF028',
    id: 'shellcheck',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: '`run:` scripts are checked with shellcheck (when it is installed and the workspace is trusted).',
    messages: { finding: 'shellcheck SC{{code}} ({{level}}): {{message}}' },
    fixable: false,
    docs: {
      rationale:
        'Unquoted variables, useless `cd` failures and similar shell mistakes ' +
        'break scripts in ways that only show up on some inputs. `${{ }}` expressions are masked ' +
        'before the script is checked.',
      incorrect: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd $DIR && make\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd "$DIR" && make\n',
      peers: ['actionlint shellcheck'],
    },
  },
  check(ctx) {
    if (!ctx.trusted || !hasShellcheck()) return;
    const doc = ctx.model.doc;
    const defShell = (n: unknown) =>
      scalarText(
        asScalar(
          entry(
            asMap(
              entry(asMap(entry(asMap(n, doc), doc, 'defaults', false)?.value, doc), doc, 'run', false)?.value,
              doc,
            ),
            doc,
            'shell',
            false,
          )?.value,
          doc,
        ),
      );
    const rootShell = defShell(ctx.model.root);
    for (const job of ctx.model.jobs) {
      const runsOn = scalarText(asScalar(job.runsOn, doc)) ?? '';
      if (/windows/i.test(runsOn)) continue;
      const jobShell = defShell(job.node) ?? rootShell;
      for (const step of job.steps) {
        if (!step.run) continue;
        const shell = (step.shell?.value ?? jobShell ?? 'bash').trim();
        const dialect = /^bash\b/.test(shell) ? 'bash' : /^sh\b/.test(shell) ? 'sh' : undefined;
        if (!dialect) continue;
        const pm = positionMapper(ctx.text, step);
        if (!pm) continue;
        // Mask expressions with same-length words so columns stay put.
        const script = pm.script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) =>
          m.includes('\n') ? m.replace(/[^\n]/g, 'x') : '_' + 'x'.repeat(m.length - 1),
        );
        const r = spawnSync('shellcheck', ['-s', dialect, '-f', 'json1', '-e', EXCLUDED, '-S', 'info', '-'], {
          input: script,
          encoding: 'utf8',
          timeout: 10000,
        });
        if (!r.stdout) continue;
        let out: { comments?: ScFinding[] };
        try {
          out = JSON.parse(r.stdout);
        } catch {
          continue;
        }
        for (const c of out.comments ?? []) {
          const start = pm.map(c.line, c.column);
          const end = c.endLine === c.line ? pm.map(c.endLine, c.endColumn) : start + 1;
          ctx.report({
            start,
            end: Math.max(end, start + 1),
            messageId: 'finding',
            data: { code: c.code, level: c.level, message: c.message },
          });
        }
      }
    }
  },
});
