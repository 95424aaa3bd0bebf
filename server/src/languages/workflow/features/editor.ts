/**
 * Formatting, references, links, semantic tokens and inlay hints of a workflow. Names are found in the YAML (jobs,
 * step ids, inputs, matrix keys, env) and in `${{ }}` expressions (`needs.x`, `steps.x`, `inputs.x`, `matrix.x`,
 * `env.X`).
 */
import { protectedBy, tidyWhitespace, withinRange } from '../../../engine/format';
import type {
  DocLink,
  FeatureContext,
  FormatOptions,
  InlayHintInfo,
  OffsetEdit,
  Occurrence,
  SemanticToken,
  Span,
} from '../../../engine/types';
import { whitespaceContent } from '../../../yaml/format';
import { contentRange } from '../../../yaml/scalar';
import { asMap, asScalar, asSeq, entries, entry, nodeRange, scalarText, type YMap } from '../../../yaml/view';
import { describeCron, parseCron } from '../cron';
import type { Expr } from '../expr/parser';
import { localActionFile, repoRootOf } from '../local-actions';
import type { Job, Str, WorkflowModel } from '../parse';
import { buildSteps, ecsSteps } from '../steps';
import { nodesOf } from '../expr/walk';

type Ctx = FeatureContext<WorkflowModel>;

/** Trailing whitespace and one final newline, never inside block scalars (`run: |`); a broken file is left alone. */
export function format(ctx: Ctx, _options: FormatOptions, range?: Span): OffsetEdit[] {
  const { doc } = ctx.model;
  if (!doc || doc.errors.length) return [];
  return withinRange(tidyWhitespace(ctx.text, protectedBy(whitespaceContent(doc, ctx.text))), range);
}

// --- names and where they are written ------------------------------------------------------------------------------

type NameKind = 'job' | 'step' | 'input' | 'matrix' | 'env';
interface Mention extends Span {
  kind: NameKind;
  name: string;
  /** The job it belongs to (steps, matrix keys, a job's env); undefined at the workflow's level. */
  job?: Job;
  declaration: boolean;
}

/** The text of a scalar inside its quotes. */
function content(s: Str): Span {
  const r = contentRange(s.node);
  return { start: r.start, end: r.end };
}

/** Each property access `<object>.<name>` of an expression, with the name's absolute offsets. */
function* props(e: Expr | undefined, base: number): Generator<{ object: Expr; name: string; start: number }> {
  for (const n of nodesOf(e))
    if (n.kind === 'prop') yield { object: n.object, name: n.name, start: base + n.nameStart };
}

const CONTEXT_OF: Record<string, NameKind> = {
  needs: 'job',
  steps: 'step',
  inputs: 'input',
  matrix: 'matrix',
  env: 'env',
};

function keysOf(map: YMap | undefined, ctx: Ctx, kind: NameKind, job?: Job): Mention[] {
  return entries(map, ctx.model.doc, false).map((e) => ({
    kind,
    name: e.key,
    start: e.keyStart,
    end: e.keyEnd,
    job,
    declaration: true,
  }));
}

/** Every name the workflow declares or uses, once per request. */
function mentions(ctx: Ctx): Mention[] {
  return ctx.once('workflow:mentions', () => {
    const { model } = ctx;
    const doc = model.doc;
    const out: Mention[] = [];
    for (const input of model.inputs.values())
      out.push({ kind: 'input', name: input.name, start: input.start, end: input.end, declaration: true });
    out.push(...keysOf(asMap(entry(model.root, doc, 'env', false)?.value, doc), ctx, 'env'));
    for (const job of model.jobs) {
      out.push({ kind: 'job', name: job.id, start: job.keyStart, end: job.keyEnd, declaration: true });
      for (const n of job.needs) out.push({ kind: 'job', name: n.value, ...content(n), declaration: false });
      const strategy = asMap(entry(job.node, doc, 'strategy', false)?.value, doc);
      const matrix = asMap(entry(strategy, doc, 'matrix', false)?.value, doc);
      for (const e of entries(matrix, doc, false)) {
        if (e.key === 'include' || e.key === 'exclude') continue;
        out.push({ kind: 'matrix', name: e.key, start: e.keyStart, end: e.keyEnd, job, declaration: true });
      }
      out.push(...keysOf(job.env, ctx, 'env', job));
      for (const step of job.steps) {
        if (step.id) out.push({ kind: 'step', name: step.id.value, ...content(step.id), job, declaration: true });
        out.push(...keysOf(step.env, ctx, 'env', job));
      }
    }
    for (const site of model.expressions) {
      for (const p of props(site.expr, site.start)) {
        let kind: NameKind | undefined;
        if (p.object.kind === 'var') kind = CONTEXT_OF[p.object.name];
        // github.event.inputs.<name>
        else if (
          p.object.kind === 'prop' &&
          p.object.name === 'inputs' &&
          p.object.object.kind === 'prop' &&
          p.object.object.name === 'event' &&
          p.object.object.object.kind === 'var' &&
          p.object.object.object.name === 'github'
        )
          kind = 'input';
        if (kind)
          out.push({
            kind,
            name: p.name,
            start: p.start,
            end: p.start + p.name.length,
            job: site.job,
            declaration: false,
          });
      }
    }
    return out;
  });
}

/** Whether two mentions name the same thing: jobs and inputs by name, steps and matrix keys within a job. */
function same(a: Mention, b: Mention): boolean {
  if (a.kind !== b.kind || a.name !== b.name) return false;
  if (a.kind === 'step' || a.kind === 'matrix') return a.job === b.job;
  // env: a job's own env and the workflow's; another job's env is another variable
  if (a.kind === 'env') return !a.job || !b.job || a.job === b.job;
  return true;
}

export function references(ctx: Ctx, offset: number): Occurrence[] {
  const all = mentions(ctx);
  const here = all.find((m) => offset >= m.start && offset <= m.end);
  if (!here) return [];
  return all
    .filter((m) => same(here, m))
    .map((m) => ({ path: ctx.path, start: m.start, end: m.end, kind: m.declaration ? 'write' : 'read' }));
}

// --- links ---------------------------------------------------------------------------------------------------------

/**
 * Files the workflow names: `task-definition` of the ECS actions, the Dockerfile and context of builds, local actions
 * and reusable workflows (`uses: ./…`); and the repository of a published action (`uses: owner/repo@ref`).
 */
export function documentLinks(ctx: Ctx): DocLink[] {
  const out: DocLink[] = [];
  const { model } = ctx;
  if (!ctx.path.startsWith('/')) return out;
  const exists = (p: string | undefined) => !!p && ctx.workspace.exists(p);
  for (const s of ecsSteps(model, ctx.path))
    if (s.taskDef && !s.taskDef.block && exists(s.taskDefPath))
      out.push({ start: s.taskDef.contentStart, end: s.taskDef.contentEnd, path: s.taskDefPath });
  for (const b of buildSteps(model, ctx.path)) {
    if (b.file && exists(b.dockerfilePath)) out.push({ start: b.file.start, end: b.file.end, path: b.dockerfilePath });
    if (b.context && b.context.value !== '.' && exists(b.contextPath))
      out.push({ start: b.context.start, end: b.context.end, path: b.contextPath });
  }
  const root = repoRootOf(ctx.path);
  const usesLink = (uses: Str, local: () => string | undefined) => {
    const span = content(uses);
    const v = uses.value.trim();
    if (v.startsWith('./')) {
      const file = local();
      if (file) out.push({ ...span, path: file });
      return;
    }
    const m = /^([\w.-]+)\/([\w.-]+)((?:\/[^@\s]*)?)@([^\s]+)$/.exec(v);
    if (m && !v.startsWith('docker://'))
      out.push({
        ...span,
        url: `https://github.com/${m[1]}/${m[2]}/tree/${m[4]}${m[3]}`,
        tooltip: `${m[1]}/${m[2]} on GitHub`,
      });
  };
  for (const job of model.jobs) {
    if (job.uses)
      usesLink(job.uses, () => {
        const file = root ? `${root === '/' ? '' : root}/${job.uses!.value.trim().slice(2)}` : undefined;
        return exists(file) ? file : undefined;
      });
    for (const step of job.steps)
      if (step.uses) usesLink(step.uses, () => localActionFile(ctx.path, step.uses!.value.trim(), ctx.workspace));
  }
  return out;
}

// --- semantic tokens -------------------------------------------------------------------------------------------------

const CONTEXTS = new Set([
  'github',
  'env',
  'vars',
  'job',
  'jobs',
  'steps',
  'runner',
  'secrets',
  'strategy',
  'matrix',
  'needs',
  'inputs',
]);

/**
 * `${{ }}` expressions: the delimiters, contexts, properties, functions, operators and literals, so an expression
 * stands out from the YAML string around it.
 */
export function semanticTokens(ctx: Ctx): SemanticToken[] {
  const out: SemanticToken[] = [];
  const { text } = ctx;
  for (const site of ctx.model.expressions) {
    if (site.wrapped) {
      out.push({ start: site.outerStart, end: site.outerStart + 3, type: 'macro' });
      expressionTokens(site.src, site.start, out);
      if (text.startsWith('}}', site.outerEnd - 2))
        out.push({ start: site.outerEnd - 2, end: site.outerEnd, type: 'macro' });
    } else expressionTokens(site.src, site.start, out);
  }
  return out;
}

const isIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isId = (c: number) => isIdStart(c) || (c >= 48 && c <= 57) || c === 45;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** One pass over an expression's source by character codes: a long workflow has thousands of expressions. */
function expressionTokens(src: string, base: number, out: SemanticToken[]): void {
  let i = 0;
  let afterDot = false;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    const start = i;
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 39) {
      // '...' with '' inside
      i++;
      while (i < n && (src.charCodeAt(i) !== 39 || src.charCodeAt(i + 1) === 39)) i += src.charCodeAt(i) === 39 ? 2 : 1;
      i = Math.min(n, i + 1);
      out.push({ start: base + start, end: base + i, type: 'string' });
      afterDot = false;
    } else if (isIdStart(c)) {
      while (i < n && isId(src.charCodeAt(i))) i++;
      let after = i;
      while (src.charCodeAt(after) === 32) after++;
      const name = src.slice(start, i);
      const token: SemanticToken = { start: base + start, end: base + i, type: 'variable' };
      if (afterDot) token.type = 'property';
      else if (src.charCodeAt(after) === 40) {
        token.type = 'function';
        token.modifiers = ['defaultLibrary'];
      } else if (name === 'true' || name === 'false' || name === 'null') token.type = 'keyword';
      else if (CONTEXTS.has(name)) token.modifiers = ['defaultLibrary'];
      out.push(token);
      afterDot = false;
    } else if (isDigit(c) || (c === 45 && isDigit(src.charCodeAt(i + 1)))) {
      i++;
      while (i < n && (isId(src.charCodeAt(i)) || src.charCodeAt(i) === 46)) i++;
      if (!afterDot) out.push({ start: base + start, end: base + i, type: 'number' });
      afterDot = false;
    } else {
      const two = src.slice(i, i + 2);
      const op = two === '==' || two === '!=' || two === '<=' || two === '>=' || two === '&&' || two === '||' ? 2 : 0;
      i += op || 1;
      if (op || c === 33 || c === 60 || c === 62) out.push({ start: base + start, end: base + i, type: 'operator' });
      afterDot = c === 46;
    }
  }
}

// --- inlay hints -----------------------------------------------------------------------------------------------------

const DAY = 86_400_000;

/** The next time a cron schedule fires after `from` (UTC), within a year; undefined for none. */
export function nextRun(expr: string, from: Date): Date | undefined {
  const r = parseCron(expr);
  if (!r.fields) return undefined;
  const [mins, hours, doms, months, dows] = r.fields;
  const [, , domText, , dowText] = expr.trim().split(/\s+/);
  // POSIX: when both day fields are restricted, either may match
  const dayMatches = (d: Date) => {
    const dom = doms.has(d.getUTCDate());
    const dow = dows.has(d.getUTCDay());
    if (domText !== '*' && dowText !== '*') return dom || dow;
    return dom && dow;
  };
  const start = new Date(Math.floor(from.getTime() / 60_000) * 60_000 + 60_000);
  const sortedHours = [...hours].sort((a, b) => a - b);
  const sortedMins = [...mins].sort((a, b) => a - b);
  for (let day = 0; day < 366; day++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()) + day * DAY);
    if (!months.has(d.getUTCMonth() + 1) || !dayMatches(d)) continue;
    for (const h of sortedHours)
      for (const m of sortedMins) {
        const t = new Date(d.getTime() + h * 3_600_000 + m * 60_000);
        if (t >= start) return t;
      }
  }
  return undefined;
}

/** The number of jobs a written-out matrix makes (include adds, exclude removes); undefined when it is computed. */
export function matrixSize(matrix: YMap, ctx: Ctx): number | undefined {
  const doc = ctx.model.doc;
  let rows: Record<string, unknown>[] = [{}];
  const include: Record<string, unknown>[] = [];
  const exclude: Record<string, unknown>[] = [];
  for (const e of entries(matrix, doc, false)) {
    const list = asSeq(e.value, doc);
    if (e.key === 'include' || e.key === 'exclude') {
      if (!list) return undefined;
      const target = e.key === 'include' ? include : exclude;
      for (const item of list.items) {
        const m = asMap(item, doc);
        if (!m) return undefined;
        target.push(Object.fromEntries(entries(m, doc, false).map((x) => [x.key, scalarText(asScalar(x.value, doc))])));
      }
      continue;
    }
    if (!list) return undefined;
    const values = list.items.map((i) => scalarText(asScalar(i, doc)) ?? JSON.stringify(nodeRange(i)));
    rows = rows.flatMap((r) => values.map((v) => ({ ...r, [e.key]: v })));
  }
  const keys = new Set(entries(matrix, doc, false).map((e) => e.key));
  if (keys.size === 0 || (keys.size === 1 && keys.has('include'))) rows = [];
  const matches = (row: Record<string, unknown>, partial: Record<string, unknown>) =>
    Object.entries(partial).every(([k, v]) => row[k] === v);
  rows = rows.filter((r) => !exclude.some((x) => matches(r, x)));
  let extra = 0;
  for (const inc of include) {
    // an include that fits an existing combination (on the matrix's own keys) extends it; else it is a new job
    const original = Object.entries(inc).filter(([k]) => keys.has(k) && k !== 'include' && k !== 'exclude');
    if (!rows.some((r) => original.every(([k, v]) => r[k] === v))) extra++;
  }
  return rows.length + extra;
}

/**
 * A cron schedule in words and its next run (UTC), the number of jobs a matrix makes, and at `needs.<job>.outputs.<x>`
 * the step of that job the output comes from.
 */
export function inlayHints(ctx: Ctx, range: Span, now = new Date()): InlayHintInfo[] {
  const { model } = ctx;
  const doc = model.doc;
  const out: InlayHintInfo[] = [];
  const visible = (o: number) => o >= range.start && o <= range.end;
  for (const t of model.triggers) {
    if (t.name !== 'schedule') continue;
    for (const item of asSeq(t.value, doc)?.items ?? []) {
      const s = asScalar(entry(asMap(item, doc), doc, 'cron', false)?.value, doc);
      const v = scalarText(s);
      if (!s || v === undefined || !visible(nodeRange(s)[1])) continue;
      const words = describeCron(v);
      const next = nextRun(v, now);
      if (!words) continue;
      const day = next ? ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][next.getUTCDay()] : '';
      const when = next ? `next ${day} ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'no run in a year';
      out.push({
        offset: nodeRange(s)[1],
        label: `${words.replace(/\.$/, '')} · ${when}`,
        tooltip: `${words} The ${when.replace(/^next/, 'next run:')}.`,
        paddingLeft: true,
      });
    }
  }
  for (const job of model.jobs) {
    const strategy = asMap(entry(job.node, doc, 'strategy', false)?.value, doc);
    const m = entry(strategy, doc, 'matrix', false);
    const matrix = asMap(m?.value, doc);
    if (!m || !matrix || !visible(m.keyEnd)) continue;
    const n = matrixSize(matrix, ctx);
    if (n !== undefined) out.push({ offset: m.keyEnd + 1, label: `${n} job${n === 1 ? '' : 's'}`, paddingLeft: true });
  }
  for (const site of model.expressions) {
    if (!visible(site.start)) continue;
    for (const p of props(site.expr, site.start)) {
      // needs.<job>.outputs.<name>
      const outputs = p.object;
      if (outputs.kind !== 'prop' || outputs.name !== 'outputs') continue;
      const needs = outputs.object;
      if (needs.kind !== 'prop' || needs.object.kind !== 'var' || needs.object.name !== 'needs') continue;
      const job = model.jobsById.get(needs.name);
      const value = scalarText(asScalar(job?.outputs.find((o) => o.key === p.name)?.value, doc));
      const from = value && /\bsteps\.([\w-]+)\.outputs\.([\w-]+)/.exec(value);
      if (from)
        out.push({
          offset: p.start + p.name.length,
          label: `← ${needs.name}.steps.${from[1]}`,
          tooltip: `\`${needs.name}\` sets output \`${p.name}\` to \`${value!.trim()}\``,
          paddingLeft: true,
        });
    }
  }
  return out;
}
