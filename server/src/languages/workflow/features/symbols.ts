import type { DocumentSymbolInfo, FeatureContext, Span, SymbolKindName } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { nodeRange } from '../../../yaml/view';

const symbol = (
  name: string,
  detail: string | undefined,
  kind: SymbolKindName,
  span: Span,
  selection: Span,
  children?: DocumentSymbolInfo[],
): DocumentSymbolInfo => ({ name, detail, kind, span, selection, children });

/** Jobs with their steps, as an outline. */
export function symbols(ctx: FeatureContext<WorkflowModel>): DocumentSymbolInfo[] {
  const out: DocumentSymbolInfo[] = [];
  for (const t of ctx.model.triggers) {
    out.push(
      symbol(`on: ${t.name}`, undefined, 'event', { start: t.start, end: t.end }, { start: t.start, end: t.end }),
    );
  }
  for (const job of ctx.model.jobs) {
    const [, e] = job.node ? nodeRange(job.node) : [0, job.keyEnd];
    const children = job.steps.map((s) => {
      const name = s.name?.value ?? s.id?.value ?? s.uses?.value ?? firstLine(s.run?.value) ?? `step ${s.index + 1}`;
      const sel = s.name ?? s.id ?? s.uses ?? s.run;
      const selR = sel ? { start: sel.start, end: sel.end } : { start: s.start, end: s.start };
      return symbol(name, s.uses ? 'uses' : 'run', 'function', { start: s.start, end: Math.max(s.end, s.start) }, selR);
    });
    const sym = symbol(
      job.id,
      job.uses ? `uses ${job.uses.value}` : undefined,
      'class',
      { start: job.keyStart, end: Math.max(e, job.keyEnd) },
      { start: job.keyStart, end: job.keyEnd },
      children,
    );
    out.push(sym);
  }
  return out;
}

function firstLine(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const l = s.trim().split('\n')[0];
  return l.length > 60 ? l.slice(0, 57) + '...' : l;
}
