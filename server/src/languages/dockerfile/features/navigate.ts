/** Document symbols (stages), go to definition and rename for stage names and ARG/ENV variables. */
import type { DocumentSymbolInfo, FeatureContext, FileEdits, FileSpan } from '../../../engine/types';
import type { DockerfileModel, VarDef } from '../parse';
import { variableAt, definitionOf, stageNameAt, stageReferences } from './scope';

export function symbols(ctx: FeatureContext<DockerfileModel>): DocumentSymbolInfo[] {
  return ctx.model.stages.map((s) => ({
    name: s.name ?? `stage ${s.index}`,
    detail: `FROM ${s.image ?? ''}`,
    kind: 'class' as const,
    span: { start: s.start, end: s.end },
    selection:
      s.nameStart !== undefined ? { start: s.nameStart, end: s.nameEnd! } : { start: s.imageStart, end: s.imageEnd },
    children: s.instructions
      .filter((i) => i.keyword === 'ARG' || i.keyword === 'ENV')
      .flatMap((i) => [...ctx.model.args, ...ctx.model.envs].filter((d) => d.instruction === i))
      .map((d) => ({
        name: d.name,
        detail: d.instruction.keyword,
        kind: d.instruction.keyword === 'ARG' ? ('variable' as const) : ('constant' as const),
        span: { start: d.instruction.start, end: d.instruction.end },
        selection: { start: d.nameStart, end: d.nameEnd },
      })),
  }));
}

export function definition(ctx: FeatureContext<DockerfileModel>, offset: number): FileSpan[] {
  const stage = stageNameAt(ctx.model, offset);
  if (stage) return [{ path: ctx.path, start: stage.nameStart!, end: stage.nameEnd! }];
  const v = variableAt(ctx.text, offset);
  if (v) {
    const def = resolve(ctx.model, v.name, offset);
    if (def) return [{ path: ctx.path, start: def.nameStart, end: def.nameEnd }];
  }
  return [];
}

/** A stage ARG without a default takes the global ARG's value: go there. */
function resolve(model: DockerfileModel, name: string, offset: number): VarDef | undefined {
  const def = definitionOf(model, name, offset);
  if (def && def.instruction.keyword === 'ARG' && def.value === null && def.stage >= 0)
    return model.globalArgs.filter((g) => g.name === name).pop() ?? def;
  return def;
}

export function rename(ctx: FeatureContext<DockerfileModel>, offset: number, newName: string): FileEdits[] | undefined {
  const { model } = ctx;
  const stage = stageNameAt(model, offset);
  if (stage) {
    if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(newName)) return undefined;
    const spots = [{ start: stage.nameStart!, end: stage.nameEnd! }, ...stageReferences(model, stage.name!)];
    return [{ path: ctx.path, edits: spots.map((s) => ({ start: s.start, end: s.end, newText: newName })) }];
  }
  const v =
    variableAt(ctx.text, offset) ??
    (() => {
      const d = [...model.args, ...model.envs].find((x) => x.nameStart <= offset && offset <= x.nameEnd);
      return d ? { name: d.name, start: d.nameStart, end: d.nameEnd } : undefined;
    })();
  if (!v || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) return undefined;
  // every definition and reference of that name: ARG and ENV names are global to the file in practice
  const spots: { start: number; end: number }[] = [];
  for (const d of [...model.args, ...model.envs])
    if (d.name === v.name) spots.push({ start: d.nameStart, end: d.nameEnd });
  for (const ins of model.instructions) {
    for (const x of ins.variables) if (x.name === v.name) spots.push({ start: x.nameStart, end: x.nameEnd });
  }
  const unique = [...new Map(spots.map((s) => [s.start, s])).values()].sort((a, b) => a.start - b.start);
  return [{ path: ctx.path, edits: unique.map((s) => ({ start: s.start, end: s.end, newText: newName })) }];
}
