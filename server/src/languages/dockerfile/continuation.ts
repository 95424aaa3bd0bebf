/**
 * Lines that lost their continuation: `RUN apt-get install -y curl` followed by `    && rm -rf /var/lib/apt/lists/*`
 * reads, for BuildKit, as an instruction named `&&`. The line is the rest of the RUN above, cut off by a missing `\`
 * at the end of the line before. DF001 says so and offers to add it back; the other rules leave the cut instruction
 * alone, since what they would say about half a RUN (no `rm -rf /var/lib/apt/lists/*`, no pipefail) is about the
 * half the cut hid.
 */
import { INSTRUCTIONS } from './data';
import type { DockerfileModel, DockerInstruction } from './parse';
import { nearest } from '../../text/nearest';
import type { Once, Span } from '../../engine/types';

export interface LostContinuation {
  /** The unknown instruction: a line that reads as the rest of the instruction before it. */
  line: DockerInstruction;
  /** The instruction right before it, whose last line lost its `\`. */
  previous: DockerInstruction;
  /** The real instruction the cut split (the previous one, or the first of a chain of cut lines). */
  cut: DockerInstruction;
  /** Where the ` \` goes: the end of the previous instruction's last line (before trailing blanks). */
  at: number;
}

/** Instructions nobody continues onto an indented line (`FROM x` then `    apt-get …` is something else). */
const SINGLE_LINE = new Set(['FROM', 'USER', 'WORKDIR', 'STOPSIGNAL', 'MAINTAINER']);
/** A line's first word that can only continue a shell command (`&& rm`, `| tee`, `--no-install-recommends`). */
const OPERATOR_START = /^(?:&&|\|\||[|;&]|-)/;
/** A line end that needs the next line (`apt-get update &&`, `[ "a",`). */
const OPERATOR_END = /(?:&&|\|\||[|,[])$/;

/** The unknown instructions of the file that most likely lost their continuation, in order (once per check). */
export function lostContinuations(ctx: Once & { model: DockerfileModel }): LostContinuation[] {
  return ctx.once('dockerfile.lostContinuations', () => findLostContinuations(ctx.model));
}

export function findLostContinuations(model: DockerfileModel): LostContinuation[] {
  const out: LostContinuation[] = [];
  const { text, instructions } = model;
  const byLine = new Map<DockerInstruction, LostContinuation>();
  for (let i = 1; i < instructions.length; i++) {
    const ins = instructions[i];
    if (INSTRUCTIONS.includes(ins.keyword)) continue;
    const previous = instructions[i - 1];
    if (previous.heredocs.length || (previous.trigger?.heredocs.length ?? 0) > 0) continue;
    let at = previous.end;
    while (at > previous.start && /\s/.test(text[at - 1])) at--;
    if (text[at - 1] === model.escape) continue;
    if (!onlyCommentsBetween(text, at, ins.start)) continue;
    const cut = byLine.get(previous)?.cut ?? previous;
    if (SINGLE_LINE.has(cut.keyword)) continue;
    const lastLine = text.slice(lineStart(text, at), at).trimEnd();
    const lineText = text.slice(ins.keywordStart, ins.end);
    const operator = OPERATOR_START.test(lineText) || OPERATOR_END.test(lastLine);
    const indented = column(text, ins.keywordStart) > column(text, cut.keywordStart);
    // an indented `RUNN x` is still a typo, not the rest of the line above
    const typo = ins.keyword.length > 2 && nearest(ins.keyword, INSTRUCTIONS) !== undefined;
    if (!operator && !(indented && !typo)) continue;
    const lost = { line: ins, previous, cut, at };
    byLine.set(ins, lost);
    out.push(lost);
  }
  return out;
}

/** The spans of the cut instructions with the lines cut from them: what the other rules leave alone. */
export function cutSpans(lost: LostContinuation[]): Span[] {
  const spans: Span[] = [];
  for (const l of lost) {
    const last = spans[spans.length - 1];
    if (last && last.start === l.cut.start) last.end = l.line.end;
    else spans.push({ start: l.cut.start, end: l.line.end });
  }
  return spans;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function column(text: string, offset: number): number {
  const s = lineStart(text, offset);
  let c = 0;
  for (let i = s; i < offset; i++) c += text[i] === '\t' ? 4 : 1;
  return c;
}

/** Whether only line breaks and whole comment lines lie between two offsets (no blank line, no other text). */
function onlyCommentsBetween(text: string, from: number, to: number): boolean {
  const lines = text.slice(from, lineStart(text, to)).split('\n');
  // the first is the rest of the line `from` is on, the last the empty rest after the final line break
  return lines.length > 1 && lines.slice(1, -1).every((l) => /^\s*#/.test(l));
}
