/**
 * Formatting, references, links, semantic tokens and inlay hints of a Dockerfile (its own side; the stages other files
 * name are added across files by `links/`).
 */
import { format as formatDockerfile } from 'dockerfile-utils';
import { posix } from 'node:path';
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
import { INSTRUCTION_DOCS } from '../data/instructions';
import { parseDockerfile, type DockerfileModel, type DockerInstruction } from '../parse';
import { literalCopySources, PREDEFINED_ARGS } from '../util';
import { definitionOf, stageNameAt, stageReferences, variableAt } from './scope';

type Ctx = FeatureContext<DockerfileModel>;

// --- formatting ----------------------------------------------------------------------------------------------------

/** The instruction and its ONBUILD trigger. */
function withTriggers(model: DockerfileModel): DockerInstruction[] {
  return model.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i]));
}

/**
 * What an instruction means, as BuildKit reads it: the keyword, the logical line (continuations joined: the escape
 * character and the newline go, the next line's indentation stays), whitespace outside quotes collapsed, and the
 * here-documents as written. Two texts whose instructions have the same signatures build the same image.
 */
export function instructionSignature(text: string, ins: DockerInstruction, escape: string): string {
  // BuildKit: the escape character with only spaces after it ends the line with a continuation
  const continuation = new RegExp(`${escape === '\\' ? '\\\\' : '`'}[ \\t]*\\r?\\n`, 'g');
  const logical = text
    .slice(ins.keywordEnd, ins.heredocs.length ? ins.heredocs[0].contentStart : ins.end)
    .replace(continuation, '');
  let out = '';
  let quote = '';
  let space = false;
  for (let i = 0; i < logical.length; i++) {
    const c = logical[i];
    if (quote) {
      out += c;
      if (c === escape && i + 1 < logical.length) out += logical[++i];
      else if (c === quote) quote = '';
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      space = true;
      continue;
    }
    if (space && out) out += ' ';
    space = false;
    out += c;
    if (c === escape && i + 1 < logical.length) out += logical[++i];
    else if (c === '"' || c === "'") quote = c;
  }
  const heredocs = ins.heredocs.map((h) => text.slice(h.contentStart, h.contentEnd)).join('\u0000');
  return `${ins.keyword}\u0001${out}\u0001${heredocs}`;
}

function signatures(model: DockerfileModel): string[] {
  return withTriggers(model).map((i) => instructionSignature(model.text, i, model.escape));
}

function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Instruction keywords in capitals, one space after a keyword, continuation lines indented (dockerfile-utils'
 * formatter, rcjsuen's), no trailing whitespace, one final newline. Here-documents stay as written. An instruction
 * whose meaning the indentation would change (a continuation inside quotes keeps the next line's spaces) keeps its
 * lines as they are.
 */
export function format(ctx: Ctx, options: FormatOptions, range?: Span): OffsetEdit[] {
  const { model, text, lines } = ctx;
  if (model.problems.length) return [];
  const all = withTriggers(model);
  const heredocs = all.flatMap((i) => i.heredocs.map((h) => ({ start: h.contentStart, end: h.end })));
  const inHeredoc = protectedBy(heredocs);
  const safe: OffsetEdit[] = [];
  for (const ins of all) {
    if (ins.written !== ins.keyword && INSTRUCTION_DOCS[ins.keyword] && ins.written.toUpperCase() === ins.keyword)
      safe.push({ start: ins.keywordStart, end: ins.keywordEnd, newText: ins.keyword });
    const gap = /^[ \t]+/.exec(text.slice(ins.keywordEnd, ins.keywordEnd + 200))?.[0];
    const next = text[ins.keywordEnd + (gap?.length ?? 0)];
    if (gap && gap !== ' ' && next !== undefined && next !== '\n' && next !== '\r' && next !== model.escape)
      safe.push({ start: ins.keywordEnd, end: ins.keywordEnd + gap.length, newText: ' ' });
  }
  let indents: OffsetEdit[] = [];
  try {
    indents = formatDockerfile(text, { ...options }).map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      newText: e.newText,
    }));
  } catch {
    indents = [];
  }
  indents = indents.filter((e) => !inHeredoc(e.start, e.end) && !safe.some((s) => s.start < e.end && e.start < s.end));
  // keep the indentation only where it leaves the instruction's meaning as it was
  const before = signatures(model);
  const after = signatures(parseDockerfile(applyEdits(text, indents)));
  if (after.length !== before.length) indents = [];
  else {
    const changed = all.filter((_, i) => before[i] !== after[i]);
    indents = indents.filter((e) => !changed.some((i) => e.start <= i.end && e.end >= i.start));
  }
  // trailing whitespace and the final newline win over the indentation of blank lines
  const tidy = tidyWhitespace(text, inHeredoc).filter((t) => !safe.some((e) => e.start < t.end && t.start < e.end));
  indents = indents.filter((e) => !tidy.some((t) => e.start < t.end && t.start < e.end));
  return withinRange([...safe, ...indents, ...tidy], range);
}

// --- references ----------------------------------------------------------------------------------------------------

/** A stage's declaration and its uses in the file; an ARG/ENV name's declarations and its `$NAME` uses. */
export function references(ctx: Ctx, offset: number): Occurrence[] {
  const { model } = ctx;
  const stage = stageNameAt(model, offset);
  if (stage) {
    return [
      { path: ctx.path, start: stage.nameStart!, end: stage.nameEnd!, kind: 'write' },
      ...stageReferences(model, stage.name!).map((r) => ({ path: ctx.path, ...r, kind: 'read' as const })),
    ];
  }
  const name =
    variableAt(ctx.text, offset)?.name ??
    [...model.args, ...model.envs].find((d) => d.nameStart <= offset && offset <= d.nameEnd)?.name;
  if (!name) return [];
  const out: Occurrence[] = [];
  for (const d of [...model.args, ...model.envs])
    if (d.name === name) out.push({ path: ctx.path, start: d.nameStart, end: d.nameEnd, kind: 'write' });
  for (const ins of withTriggers(model))
    for (const v of ins.variables)
      if (v.name === name) out.push({ path: ctx.path, start: v.nameStart, end: v.nameEnd, kind: 'read' });
  return out;
}

// --- links -----------------------------------------------------------------------------------------------------------

/** COPY/ADD sources that exist beside the Dockerfile (the context `docker build .` next to it would use). */
export function documentLinks(ctx: Ctx): DocLink[] {
  const out: DocLink[] = [];
  if (!ctx.path.startsWith('/')) return out;
  const dir = posix.dirname(ctx.path);
  for (const { word } of literalCopySources(ctx.model)) {
    const file = posix.join(dir, word.value);
    if (!file.startsWith(dir) || file === dir || !ctx.workspace.exists(file)) continue;
    // the text of the path, inside its quotes in the JSON form
    const quoted = ctx.text[word.start] === '"' ? 1 : 0;
    out.push({ start: word.start + quoted, end: word.end - quoted, path: file });
  }
  return out;
}

// --- semantic tokens -------------------------------------------------------------------------------------------------

/** Variables (declared, used, predefined), stage names and flags: what a TextMate grammar cannot tell apart. */
export function semanticTokens(ctx: Ctx): SemanticToken[] {
  const { model } = ctx;
  const out: SemanticToken[] = [];
  const predefined = new Set(PREDEFINED_ARGS);
  for (const d of [...model.args, ...model.envs])
    out.push({
      start: d.nameStart,
      end: d.nameEnd,
      type: 'variable',
      modifiers: d.instruction.keyword === 'ENV' ? ['declaration', 'readonly'] : ['declaration'],
    });
  for (const s of model.stages)
    if (s.name && s.nameStart !== undefined) out.push({ start: s.nameStart, end: s.nameEnd!, type: 'namespace' });
  for (const s of model.stages)
    if (s.parentStage !== undefined) out.push({ start: s.imageStart, end: s.imageEnd, type: 'namespace' });
  for (const ins of withTriggers(model)) {
    for (const f of ins.flags) {
      out.push({ start: f.nameStart, end: f.nameEnd, type: 'parameter' });
      if (f.name === 'from' && f.valueStart !== undefined && model.stages.some((s) => s.name && s.name === f.value))
        out.push({ start: f.valueStart, end: f.valueEnd!, type: 'namespace' });
    }
    for (const v of ins.variables)
      out.push({
        start: v.nameStart,
        end: v.nameEnd,
        type: 'variable',
        modifiers: predefined.has(v.name) ? ['defaultLibrary'] : undefined,
      });
  }
  return out;
}

// --- inlay hints -----------------------------------------------------------------------------------------------------

const short = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);

/** At a `$NAME` / `${NAME}` use: the default of the ARG it reads (the global ARG a stage ARG re-declares). */
export function inlayHints(ctx: Ctx, range: Span): InlayHintInfo[] {
  const { model } = ctx;
  const out: InlayHintInfo[] = [];
  for (const ins of withTriggers(model)) {
    if (ins.end < range.start || ins.start > range.end) continue;
    for (const v of ins.variables) {
      let def = definitionOf(model, v.name, v.start);
      if (def?.instruction.keyword === 'ARG' && def.value === null && def.stage >= 0)
        def = model.globalArgs.filter((g) => g.name === v.name && g.nameStart < def!.nameStart).pop() ?? def;
      if (def?.instruction.keyword !== 'ARG' || def.value === null) continue;
      out.push({
        offset: v.end,
        label: `= ${short(def.value)}`,
        tooltip: `The default of \`ARG ${def.name}\` (line ${ctx.lines.position(def.nameStart).line + 1})`,
        paddingLeft: true,
      });
    }
  }
  return out;
}

export { variableAt };
