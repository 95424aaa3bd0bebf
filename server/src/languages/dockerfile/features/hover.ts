/** Hovers: instructions, flags, directives, variables (their definition), stage names. */
import type { FeatureContext, HoverResult } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { instructionAt } from '../parse';
import { FLAGS } from '../data';
import { INSTRUCTION_DOCS, DIRECTIVE_DOCS } from '../data/instructions';
import { variableAt, definitionOf, stageNameAt, PREDEFINED } from './scope';

export function hover(ctx: FeatureContext<DockerfileModel>, offset: number): HoverResult | undefined {
  const { model, lines } = ctx;
  const md = (markdown: string, start: number, end: number): HoverResult => ({ markdown, span: { start, end } });
  for (const d of model.directives) {
    if (offset >= d.start && offset <= d.end) {
      const doc = DIRECTIVE_DOCS[d.name.toLowerCase()];
      if (doc) return md(`**# ${d.name.toLowerCase()}=** parser directive\n\n${doc.doc}`, d.start, d.end);
    }
  }
  const ins = instructionAt(model, offset);
  if (!ins) return undefined;
  const target = ins.trigger && offset >= ins.trigger.start ? ins.trigger : ins;
  if (offset >= target.keywordStart && offset <= target.keywordEnd) {
    const doc = INSTRUCTION_DOCS[target.keyword];
    return doc ? md(`**${target.keyword}**\n\n${doc.doc}`, target.keywordStart, target.keywordEnd) : undefined;
  }
  for (const f of target.flags) {
    if (offset >= f.start && offset <= f.nameEnd) {
      const spec = (FLAGS[target.keyword] ?? []).find((x) => x.name === f.name);
      if (spec)
        return md(
          `**${target.keyword} ` +
            `--${f.name}**\n\n${spec.doc}${spec.values ? '\n\nValues: ' + spec.values.map((v) => '`' + v + '`').join(', ') : ''}`,
          f.start,
          f.nameEnd,
        );
    }
  }
  const stage = stageNameAt(model, offset);
  if (stage) {
    const r =
      stage.nameStart! <= offset && offset <= stage.nameEnd!
        ? { start: stage.nameStart!, end: stage.nameEnd! }
        : { start: offset, end: offset };
    return md(
      `**Stage ${stage.index}** \`${stage.name}\`: \`FROM ` +
        `${stage.image ?? ''}\` (line ${lines.position(stage.start).line + 1})`,
      r.start,
      r.end,
    );
  }
  const v = variableAt(ctx.text, offset);
  if (v) {
    const def = definitionOf(model, v.name, offset);
    if (def)
      return md(
        `\`${def.instruction.keyword} ` +
          `${def.name}${def.value !== null ? '=' + def.value : ''}\` (line ` +
          `${lines.position(def.nameStart).line + 1})`,
        v.start,
        v.end,
      );
    if (PREDEFINED.includes(v.name))
      return md(
        `\`${v.name}\`: a predefined build ` +
          `argument${/^(TARGET|BUILD)/.test(v.name) ? ' set by BuildKit for the platform' : ''}`,
        v.start,
        v.end,
      );
  }
  return undefined;
}
