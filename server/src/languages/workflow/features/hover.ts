import type { FeatureContext, HoverResult } from '../../../engine/types';
import type { Job, WorkflowModel } from '../parse';
import { lookupAction, usesRef, type CatalogAction } from '../actions';
import { readLocalAction } from '../local-actions';
import { describeCron } from '../cron';
import { GITHUB_HOSTED_LABELS, RETIRED_LABELS } from '../runners';
import { CONTEXT_DOCS, contextType, type Ty } from '../expr/types';
import { FUNCTIONS, placeOf } from '../expr/check';
import type { Expr } from '../expr/parser';
import { keysAt } from './sections';
import { EVENTS } from '../schema';
import { EVENT_DOCS } from '../schema-docs';
import { yamlPositionAt } from './yaml-path';

const md = (markdown: string, start: number, end: number): HoverResult => ({ markdown, span: { start, end } });

function actionFacts(name: string, a: CatalogAction): string {
  const inputs = Object.entries(a.inputs).sort(([, x], [, y]) => Number(y.required) - Number(x.required));
  const lines = [
    `**${name}** — runs on ` +
      `\`${a.runtime || 'unknown'}\`${a.recommended ? `, recommended version \`${a.recommended}\`` : ''}`,
  ];
  if (inputs.length)
    lines.push(
      '',
      'Inputs:',
      ...inputs.map(
        ([k, d]) =>
          `- ` +
          `\`${k}\`${d.required && d.default === undefined ? ' (required)' : ''}${d.default !== undefined ? ` — default \`${d.default}\`` : ''}${d.deprecated ? ' — deprecated' : ''}`,
      ),
    );
  if (a.outputs.length) lines.push('', `Outputs: ${a.outputs.map((o) => `\`${o}\``).join(', ')}`);
  return lines.join('\n');
}

export function hover(ctx: FeatureContext<WorkflowModel>, offset: number): HoverResult | undefined {
  const { model } = ctx;
  // Expressions first.
  for (const site of model.expressions) {
    if (!site.expr || offset < site.start || offset > site.end) continue;
    const rel = offset - site.start;
    const found = innermost(site.expr, rel);
    if (!found) return undefined;
    if (found.kind === 'call') {
      const f = FUNCTIONS[found.name.toLowerCase()];
      if (f)
        return md(
          `\`${f.signature}\`\n\n${f.doc}`,
          site.start + found.start,
          site.start + found.start + found.name.length,
        );
    }
    if (found.kind === 'var') {
      const d = CONTEXT_DOCS[found.name.toLowerCase()];
      if (d)
        return md(
          `**${found.name}** context — ${d}\n\nAvailable in ${placeOf(site.path)}: ${site.av.contexts.join(', ')}.`,
          site.start + found.start,
          site.start + found.end,
        );
    }
    if (found.kind === 'prop') {
      const t = typeOf(found.object, ctx, site.job, site.step);
      const doc = t && t.k === 'object' ? t.docs?.get(found.name.toLowerCase()) : undefined;
      const inner = t && t.k === 'object' ? (t.props.get(found.name.toLowerCase()) ?? t.values) : undefined;
      const text = `\`${ctx.text.slice(site.start + found.start, site.start + found.end)}\`${inner ? ` : ${inner.k === 'object' ? 'object' : inner.k}` : ''}${doc ? `\n\n${doc}` : ''}`;
      return md(text, site.start + found.nameStart, site.start + found.end);
    }
    return undefined;
  }
  for (const job of model.jobs) {
    for (const step of job.steps) {
      if (step.uses && offset >= step.uses.start && offset <= step.uses.end) {
        const r = usesRef(step.uses);
        if (r.kind === 'repo') {
          const a = lookupAction(r.name);
          if (a) return md(actionFacts(a.name, a.action), step.uses.start, step.uses.end);
        }
        if (r.kind === 'local') {
          const l = readLocalAction(ctx.path, r.path, ctx.workspace);
          if (l) return md(actionFacts(step.uses.value, l.action), step.uses.start, step.uses.end);
        }
        return undefined;
      }
      for (const w of step.withEntries) {
        if (offset < w.keyStart || offset > w.keyEnd || !step.uses) continue;
        const r = usesRef(step.uses);
        const a =
          r.kind === 'repo'
            ? lookupAction(r.name)?.action
            : r.kind === 'local'
              ? readLocalAction(ctx.path, r.path, ctx.workspace)?.action
              : undefined;
        const d = a?.inputs[w.key];
        if (!d) return undefined;
        return md(
          `Input \`${w.key}\` of \`${step.uses.value}\`: ` +
            `${d.required && d.default === undefined ? 'required' : 'optional'}${d.default !== undefined ? `, default \`${d.default}\`` : ''}${d.deprecated ? ', **deprecated**' : ''}.`,
          w.keyStart,
          w.keyEnd,
        );
      }
    }
  }
  // Event names under `on:`, in any of its forms (a name, a list, a mapping).
  for (const t of model.triggers) {
    if (offset < t.start || offset > t.end) continue;
    const d = eventHover(t.name);
    if (d) return md(d, t.start, t.end);
  }
  // Words on the line: cron values, runner labels, keys.
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = ctx.text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = ctx.text.length;
  const line = ctx.text.slice(lineStart, lineEnd);
  const cron = /^(\s*-?\s*cron\s*:\s*)(["']?)([^"'#]+)\2/.exec(line);
  if (cron) {
    const s = lineStart + cron[1].length + cron[2].length,
      e = s + cron[3].length;
    if (offset >= s && offset <= e) {
      const d = describeCron(cron[3]);
      if (d) return md(d, s, e);
    }
  }
  const wordRe = /[\w.-]+/g;
  let m: RegExpExecArray | null;
  while ((m = wordRe.exec(line))) {
    const s = lineStart + m.index,
      e = s + m[0].length;
    if (offset < s || offset > e) continue;
    const w = m[0];
    if (GITHUB_HOSTED_LABELS.includes(w)) return md(`GitHub-hosted runner \`${w}\`.`, s, e);
    if (RETIRED_LABELS[w]) return md(`Runner \`${w}\` was retired by GitHub in ${RETIRED_LABELS[w]}.`, s, e);
    if (line[m.index + w.length] === ':') {
      const pos = yamlPositionAt(ctx.text, s);
      const keys = keysAt(pos.path);
      const d = keys?.[w];
      if (d?.doc) return md(`\`${w}\`${d.required ? ' (required)' : ''} — ${d.doc}`, s, e);
    }
    break;
  }
  return undefined;
}

/** An event's description, its activity types and the filters it takes. */
export function eventHover(name: string): string | undefined {
  const facts = EVENTS[name];
  if (!facts) return undefined;
  const lines = [`**${name}** event — ${EVENT_DOCS[name] ?? 'a webhook event.'}`];
  if (facts.types?.length)
    lines.push('', `Activity types (\`types:\`): ${facts.types.map((t) => `\`${t}\``).join(', ')}.`);
  if (facts.keys?.length) lines.push('', `Takes: ${facts.keys.map((k) => `\`${k}\``).join(', ')}.`);
  return lines.join('\n');
}

function innermost(e: Expr, rel: number): Expr | undefined {
  if (rel < e.start || rel > e.end) return undefined;
  const kids: Expr[] =
    e.kind === 'prop' || e.kind === 'filter'
      ? [e.object]
      : e.kind === 'index'
        ? [e.object, e.index]
        : e.kind === 'call'
          ? e.args
          : e.kind === 'not'
            ? [e.operand]
            : e.kind === 'binary'
              ? [e.left, e.right]
              : [];
  for (const k of kids) {
    const f = innermost(k, rel);
    if (f) return f;
  }
  if (e.kind === 'call' && rel > e.start + e.name.length) return undefined;
  return e;
}

function typeOf(
  e: Expr,
  ctx: FeatureContext<WorkflowModel>,
  job?: Job,
  step?: import('../parse').Step,
): Ty | undefined {
  if (e.kind === 'var') return contextType(e.name.toLowerCase(), { model: ctx.model, job, step });
  if (e.kind === 'prop') {
    const t = typeOf(e.object, ctx, job, step);
    return t?.k === 'object' ? (t.props.get(e.name.toLowerCase()) ?? t.values) : undefined;
  }
  return undefined;
}
