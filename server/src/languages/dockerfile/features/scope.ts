/** Variables, stages and references at a place in a Dockerfile: shared by completion, hover, definition, rename. */
import type { DockerfileModel, VarDef, Stage } from '../parse';
import { PREDEFINED_ARGS } from '../util';
import { stageReferences } from '../rules/stage-name-casing';

/** The instruction index (and stage) containing an offset; -1 when none. */
export function stageAt(model: DockerfileModel, offset: number): number {
  let s = -1;
  for (const st of model.stages) if (st.start <= offset) s = st.index;
  return s;
}

/** The ARG/ENV definitions visible at an offset (inside a FROM line: the global ARGs). */
export function visibleVars(model: DockerfileModel, offset: number): VarDef[] {
  const from = model.stages.find((s) => offset >= s.from.start && offset <= s.from.end);
  if (from || model.stages.length === 0 || offset < model.stages[0].start)
    return model.globalArgs.filter((a) => a.instruction.end < offset || from);
  const s = stageAt(model, offset);
  const chain: number[] = [];
  let cur: Stage | undefined = model.stages[s];
  while (cur && !chain.includes(cur.index)) {
    chain.push(cur.index);
    cur = cur.parentStage !== undefined ? model.stages[cur.parentStage] : undefined;
  }
  const out: VarDef[] = [];
  for (const a of model.args) if (a.stage === s && a.instruction.end < offset) out.push(a);
  for (const e of model.envs) if (chain.includes(e.stage) && e.instruction.end < offset) out.push(e);
  return out;
}

/**
 * The definition a variable name refers to at an offset (the last visible one). For a stage ARG without default, the
 * global ARG it re-declares.
 */
export function definitionOf(model: DockerfileModel, name: string, offset: number): VarDef | undefined {
  const vis = visibleVars(model, offset).filter((d) => d.name === name);
  return vis.sort((a, b) => a.nameStart - b.nameStart).pop();
}

export const PREDEFINED = PREDEFINED_ARGS;

/** A `$NAME` / `${NAME...}` reference at an offset, with the name's offsets. */
export function variableAt(text: string, offset: number): { name: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
  for (const m of line.matchAll(re)) {
    const s = lineStart + m.index! + m[0].length - m[1].length;
    const e = s + m[1].length;
    if (offset >= lineStart + m.index! && offset <= e) return { name: m[1], start: s, end: e };
  }
  return undefined;
}

/** A stage name at an offset: its definition (`AS name`) or a reference (FROM name, --from=name, from= in --mount). */
export function stageNameAt(model: DockerfileModel, offset: number): Stage | undefined {
  for (const s of model.stages) {
    if (s.name && s.nameStart! <= offset && offset <= s.nameEnd!) return s;
  }
  for (const s of model.stages) {
    if (!s.name) continue;
    if (stageReferences(model, s.name).some((r) => r.start <= offset && offset <= r.end)) return s;
  }
  return undefined;
}

export { stageReferences };
