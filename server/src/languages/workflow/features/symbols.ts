import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { nodeRange } from '../yaml-util';

/** Jobs with their steps, as an outline. */
export function symbols(ctx: FeatureContext<WorkflowModel>): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const t of ctx.model.triggers) {
    out.push(
      DocumentSymbol.create(
        `on: ${t.name}`,
        undefined,
        SymbolKind.Event,
        ctx.lines.range(t.start, t.end),
        ctx.lines.range(t.start, t.end),
      ),
    );
  }
  for (const job of ctx.model.jobs) {
    const [, e] = job.node ? nodeRange(job.node) : [0, job.keyEnd];
    const children = job.steps.map((s) => {
      const name = s.name?.value ?? s.id?.value ?? s.uses?.value ?? firstLine(s.run?.value) ?? `step ${s.index + 1}`;
      const sel = s.name ?? s.id ?? s.uses ?? s.run;
      const selR = sel ? ctx.lines.range(sel.start, sel.end) : ctx.lines.range(s.start, s.start);
      return DocumentSymbol.create(
        name,
        s.uses ? 'uses' : 'run',
        SymbolKind.Function,
        ctx.lines.range(s.start, Math.max(s.end, s.start)),
        selR,
      );
    });
    const sym = DocumentSymbol.create(
      job.id,
      job.uses ? `uses ${job.uses.value}` : undefined,
      SymbolKind.Class,
      ctx.lines.range(job.keyStart, Math.max(e, job.keyEnd)),
      ctx.lines.range(job.keyStart, job.keyEnd),
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
