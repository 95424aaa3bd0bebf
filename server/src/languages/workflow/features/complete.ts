import { posix } from 'node:path';
import type { Completion, FeatureContext, Span } from '../../../engine/types';
import type { Job, Step, WorkflowModel } from '../parse';
import { catalogNames, lookupAction, usesRef, type CatalogAction } from '../actions';
import { readLocalAction } from '../local-actions';
import { EVENTS, PERMISSION_SCOPES } from '../schema';
import { GITHUB_HOSTED_LABELS } from '../runners';
import { CONTEXT_DOCS, CONTEXT_NAMES, contextType, envNames, type Ty } from '../expr/types';
import { FUNCTIONS, FUNCTION_NAMES } from '../expr/check';
import { keysAt } from './sections';
import { repoRootOf } from '../local-actions';
import { parseWorkflow } from '../parse';
import { entries } from '../../../yaml/view';
import { yamlPositionAt } from './yaml-path';

export function complete(ctx: FeatureContext<WorkflowModel>, offset: number): Completion[] {
  const expr = expressionAt(ctx, offset);
  if (expr) return completeExpression(ctx, offset, expr);
  const pos = yamlPositionAt(ctx.text, offset);
  const span = { start: pos.prefixStart, end: offset };
  const job = pos.path[0] === 'jobs' && pos.path[1] ? ctx.model.jobsById.get(pos.path[1]) : undefined;
  if (pos.key === undefined) {
    // On a key.
    const inWith =
      pos.path[0] === 'jobs' &&
      pos.path[2] === 'steps' &&
      pos.path[3] === '-' &&
      pos.path[4] === 'with' &&
      pos.path.length === 5;
    if (inWith) return withInputs(ctx, job, offset, span);
    if (pos.path[0] === 'jobs' && pos.path[2] === 'with' && pos.path.length === 3 && job?.uses)
      return calledInputs(ctx, job, span);
    const keys = keysAt(pos.path);
    if (!keys) return [];
    const present = presentKeys(ctx, offset, pos.indent);
    return Object.entries(keys)
      .filter(([k]) => !present.has(k))
      .map(([k, d], i) => ({
        label: k,
        kind: 'property',
        documentation: d.doc,
        sortText: `${d.required ? 0 : 1}${String(i).padStart(3, '0')}`,
        replace: span,
        insertText: `${k}: `,
        detail: d.required ? 'required' : undefined,
      }));
  }
  // On a value.
  const key = pos.key;
  const last = pos.path[pos.path.length - 1];
  if (key === 'runs-on' || (key === 'labels' && last === 'runs-on')) {
    const extra = ctx.settings.workflow?.selfHostedRunnerLabels ?? [];
    return [
      ...GITHUB_HOSTED_LABELS.map((l) => ({ label: l, detail: 'GitHub-hosted runner' })),
      { label: 'self-hosted', detail: 'any self-hosted runner' },
      ...extra.map((l) => ({ label: l, detail: 'self-hosted runner label' })),
    ].map((x, i) => ({
      ...x,
      kind: 'value',
      sortText: String(i).padStart(3, '0'),
      replace: span,
      insertText: x.label,
    }));
  }
  if (key === 'needs' && pos.path[0] === 'jobs') {
    return ctx.model.jobs
      .filter((j) => j.id !== pos.path[1])
      .map((j) => ({ label: j.id, kind: 'reference', replace: span, insertText: j.id }));
  }
  if (key === 'uses' && pos.path[0] === 'jobs') {
    return catalogNames().map((name) => {
      const a = lookupAction(name)!.action;
      const ref = a.recommended && /^v\d+$/.test(a.recommended) ? a.recommended : (a.recommended ?? 'main');
      return {
        label: `${name}@${ref}`,
        kind: 'module',
        detail: `${a.runtime}${a.recommended ? `, recommended ${a.recommended}` : ''}`,
        filterText: `${name}@${ref}`,
        replace: span,
        insertText: `${name}@${ref}`,
      };
    });
  }
  if (key === 'shell')
    return ['bash', 'sh', 'pwsh', 'python', 'cmd', 'powershell'].map((s) => ({
      label: s,
      kind: 'value',
      replace: span,
      insertText: s,
    }));
  if (key === 'on' && pos.path.length === 0)
    return Object.keys(EVENTS).map((e) => ({
      label: e,
      kind: 'event',
      replace: span,
      insertText: e,
    }));
  if (key === 'types' && pos.path[0] === 'on' && pos.path.length === 2) {
    return (EVENTS[pos.path[1]]?.types ?? []).map((t) => ({
      label: t,
      kind: 'enumMember',
      replace: span,
      insertText: t,
    }));
  }
  if (last === 'permissions' && PERMISSION_SCOPES[key])
    return PERMISSION_SCOPES[key].map((l) => ({
      label: l,
      kind: 'enumMember',
      replace: span,
      insertText: l,
    }));
  if (key === 'permissions')
    return ['read-all', 'write-all', '{}'].map((l) => ({
      label: l,
      kind: 'enumMember',
      replace: span,
      insertText: l,
    }));
  if (key === 'if') return completeExpression(ctx, offset, { start: ctx.text.lastIndexOf(':', offset) + 1 });
  return [];
}

function presentKeys(ctx: FeatureContext<WorkflowModel>, offset: number, indent: number): Set<string> {
  // Sibling keys at the same indentation, above and below, until a shallower line.
  const out = new Set<string>();
  const lines = ctx.text.split('\n');
  const here = ctx.lines.position(offset).line;
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const l = lines[i];
      if (!l.trim() || l.trim().startsWith('#')) continue;
      const m = /^(\s*)(-\s+)?([\w-]+)\s*:/.exec(l);
      const lead = l.length - l.trimStart().length;
      const col = m ? m[1].length + (m[2]?.length ?? 0) : lead;
      if (col < indent || (m?.[2] && step > 0 && m[1].length < indent)) break;
      if (m && col === indent) out.add(m[3]);
      if (m?.[2] && step < 0 && col === indent) break;
    }
  };
  scan(here - 1, -1);
  scan(here + 1, 1);
  return out;
}

function stepAt(job: Job | undefined, offset: number): Step | undefined {
  let best: Step | undefined;
  for (const s of job?.steps ?? []) if (s.start <= offset) best = s;
  return best;
}

function withInputs(
  ctx: FeatureContext<WorkflowModel>,
  job: Job | undefined,
  offset: number,
  span: Span,
): Completion[] {
  const step = stepAt(job, offset);
  if (!step?.uses) return [];
  const r = usesRef(step.uses);
  let action: CatalogAction | undefined;
  if (r.kind === 'repo') action = lookupAction(r.name)?.action;
  else if (r.kind === 'local') action = readLocalAction(ctx.path, r.path, ctx.workspace)?.action;
  if (!action) return [];
  const given = new Set(step.withEntries.map((w) => w.key));
  return Object.entries(action.inputs)
    .filter(([k]) => !given.has(k))
    .map(([k, d]) => {
      const facts = [
        d.required && d.default === undefined ? 'required' : 'optional',
        d.default !== undefined ? `default: \`${d.default}\`` : undefined,
        d.deprecated ? 'deprecated' : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      return {
        label: k,
        kind: 'field',
        detail: facts.replace(/`/g, ''),
        documentation: `Input of \`${step.uses!.value}\`: ${facts}.`,
        sortText: `${d.required && d.default === undefined ? 0 : d.deprecated ? 2 : 1}${k}`,
        tags: d.deprecated ? [1] : undefined,
        replace: span,
        insertText: `${k}: `,
      };
    });
}

/** Inputs of the local reusable workflow a job calls (`jobs.<id>.with`), required first. */
function calledInputs(ctx: FeatureContext<WorkflowModel>, job: Job, span: Span): Completion[] {
  const root = repoRootOf(ctx.path);
  if (!root || !job.uses?.value.startsWith('./')) return [];
  const file = posix.join(root, job.uses.value.slice(2));
  const parsed = ctx.workspace.get(file);
  const text = parsed ? undefined : ctx.workspace.readText(file);
  const called =
    parsed?.kind === 'workflow'
      ? (parsed.model as WorkflowModel)
      : text !== undefined
        ? parseWorkflow(text)
        : undefined;
  if (!called) return [];
  const given = new Set(entries(job.with, ctx.model.doc, false).map((e) => e.key));
  return [...called.inputs.values()]
    .filter((i) => i.event === 'workflow_call' && !given.has(i.name))
    .map((i) => ({
      label: i.name,
      kind: 'field',
      detail: `${i.type}${i.required ? ', required' : ''}`,
      sortText: `${i.required ? 0 : 1}${i.name}`,
      replace: span,
      insertText: `${i.name}: `,
    }));
}

/** The `${{` expression the cursor is in (possibly not yet closed). */
function expressionAt(ctx: FeatureContext<WorkflowModel>, offset: number): { start: number } | undefined {
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  const before = ctx.text.slice(lineStart, offset);
  const open = before.lastIndexOf('${{');
  if (open < 0) return undefined;
  if (before.indexOf('}}', open) >= 0) return undefined;
  return { start: lineStart + open + 3 };
}

function completeExpression(ctx: FeatureContext<WorkflowModel>, offset: number, e: { start: number }): Completion[] {
  const src = ctx.text.slice(e.start, offset);
  const m = propertyChainAtEnd(src);
  const site = ctx.model.expressions.find((s) => s.outerStart <= offset && offset <= s.outerEnd + 2);
  const job = site?.job ?? jobAt(ctx, offset);
  const step = site?.step ?? stepAt(job, offset);
  const av = site?.av;
  if (m) {
    const chain = m[1].split('.');
    const word = m[2];
    const span = { start: offset - word.length, end: offset };
    let t: Ty = contextType(chain[0].toLowerCase(), {
      model: ctx.model,
      job,
      step: step && site?.step ? step : step ? ({ ...step, index: step.index + 1 } as Step) : undefined,
    });
    for (const part of chain.slice(1)) {
      if (t.k !== 'object') return [];
      t = t.props.get(part.toLowerCase()) ?? t.values ?? { k: 'any' };
    }
    if (t.k !== 'object') return [];
    const items: Completion[] = [...t.props.keys()].map((k) => ({
      label: k,
      kind: 'field',
      documentation: t.k === 'object' && t.docs?.get(k) ? t.docs.get(k) : undefined,
      replace: span,
      insertText: k,
    }));
    if (chain[0].toLowerCase() === 'env' && chain.length === 1) {
      for (const n of envNames(ctx.model, job, step))
        items.push({
          label: n,
          kind: 'variable',
          documentation: undefined,
          replace: span,
          insertText: n,
        });
    }
    return items;
  }
  const word = identifierAtEnd(src);
  const span = { start: offset - word.length, end: offset };
  const contexts = av ? av.contexts : CONTEXT_NAMES;
  const items: Completion[] = contexts.map((c) => ({
    label: c,
    kind: 'module',
    documentation: CONTEXT_DOCS[c],
    replace: span,
    insertText: c,
  }));
  for (const [k, f] of Object.entries(FUNCTIONS)) {
    if (['success', 'always', 'cancelled', 'failure', 'hashfiles'].includes(k) && av && !av.functions.has(k)) continue;
    const name = FUNCTION_NAMES[k];
    items.push({
      label: name,
      kind: 'function',
      detail: f.signature,
      documentation: f.doc,
      snippet: true,
      replace: span,
      insertText: f.max === 0 ? `${name}()` : `${name}($1)`,
    });
  }
  return items;
}

const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;

/** The start of the run of `[\w-]` characters that ends at `end`. */
function wordStart(src: string, end: number): number {
  let k = end;
  while (k > 0 && isWordChar(src.charCodeAt(k - 1))) k--;
  return k;
}

/**
 * What `/((?:[A-Za-z_][\w-]*)(?:\.(?:[A-Za-z_][\w-]*|\*))*)\.([\w-]*)$/` matches at the end of the
 * text: [the property chain, the word being typed], read backwards once. The regular expression
 * tried every start and was quadratic on a long line (`${{ a.a.a…`, 7.8 s on 80 KB).
 */
export function propertyChainAtEnd(src: string): [string, string, string] | undefined {
  const wordAt = wordStart(src, src.length);
  const dot = wordAt - 1;
  if (dot < 0 || src.charCodeAt(dot) !== 46) return undefined;
  // segments before the dot, right to left: the leftmost start of a valid chain wins, as in the regex
  let start = -1;
  let end = dot;
  for (;;) {
    if (end > 0 && src.charCodeAt(end - 1) === 42) {
      // a `*` segment, which cannot begin the chain
      if (end - 2 >= 0 && src.charCodeAt(end - 2) === 46) {
        end -= 2;
        continue;
      }
      break;
    }
    const from = wordStart(src, end);
    if (from === end) break;
    let first = from;
    while (first < end && !isIdentStart(src.charCodeAt(first))) first++;
    if (first === end) break;
    start = first;
    if (first !== from || from === 0 || src.charCodeAt(from - 1) !== 46) break;
    end = from - 1;
  }
  if (start < 0) return undefined;
  return [src.slice(start), src.slice(start, dot), src.slice(wordAt)];
}

/** What `/([A-Za-z_][\w-]*)?$/` captures: the identifier being typed at the end of the text, or ''. */
export function identifierAtEnd(src: string): string {
  const from = wordStart(src, src.length);
  let first = from;
  while (first < src.length && !isIdentStart(src.charCodeAt(first))) first++;
  return src.slice(first);
}

function jobAt(ctx: FeatureContext<WorkflowModel>, offset: number): Job | undefined {
  let best: Job | undefined;
  for (const j of ctx.model.jobs) if (j.keyStart <= offset) best = j;
  return best;
}
