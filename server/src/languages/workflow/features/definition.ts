import type { FeatureContext, FileSpan } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { localActionFile, repoRootOf } from '../local-actions';

/** From a `needs:` entry to the job; from a local `uses:` to the action.yml or the called workflow. */
export function definition(ctx: FeatureContext<WorkflowModel>, offset: number): FileSpan[] {
  const inside = (s: { start: number; end: number }) => offset >= s.start && offset <= s.end;
  for (const job of ctx.model.jobs) {
    for (const n of job.needs) {
      if (!inside(n)) continue;
      const target = ctx.model.jobsById.get(n.value);
      if (target) return [{ path: ctx.path, start: target.keyStart, end: target.keyEnd }];
    }
    if (job.uses && inside(job.uses) && job.uses.value.startsWith('./')) {
      const root = repoRootOf(ctx.path);
      const file = root ? `${root}/${job.uses.value.slice(2)}` : undefined;
      if (file && ctx.workspace.exists(file)) return [{ path: file, start: 0, end: 0 }];
    }
    for (const step of job.steps) {
      if (step.uses && inside(step.uses) && step.uses.value.startsWith('./')) {
        const file = localActionFile(ctx.path, step.uses.value, ctx.workspace);
        if (file) return [{ path: file, start: 0, end: 0 }];
      }
    }
  }
  // `needs.<job>` inside expressions.
  for (const site of ctx.model.expressions) {
    if (offset < site.start || offset > site.end) continue;
    const m = /\bneeds\.([A-Za-z_][\w-]*)/g;
    let x: RegExpExecArray | null;
    while ((x = m.exec(site.src))) {
      const s = site.start + x.index + 6,
        e = s + x[1].length;
      if (offset >= s && offset <= e) {
        const target = ctx.model.jobsById.get(x[1]);
        if (target) return [{ path: ctx.path, start: target.keyStart, end: target.keyEnd }];
      }
    }
  }
  return [];
}
