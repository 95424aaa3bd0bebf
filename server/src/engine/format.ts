/**
 * The formatting every kind can share without choosing a style: trailing spaces and tabs at line ends, and one final
 * newline. A language says which spans are content (a YAML block scalar, a heredoc, a Nix string), where whitespace
 * means something and nothing is touched.
 */
import type { OffsetEdit, Span } from './types';
import { blankRunStart, trailingSpaceStart } from '../text/trim';

/** Whether a span touches content that must stay as written. */
export type IsProtected = (start: number, end: number) => boolean;

/** A test over sorted, non-overlapping protected spans (ends inclusive: the offset right after a span is inside). */
export function protectedBy(spans: Span[]): IsProtected {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    // the first span ending at or after `start`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].end < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i].start <= end; i++) if (sorted[i].end >= start) return true;
    // spans may nest (sorted by start only): look back for an enclosing one
    for (let i = Math.min(lo, sorted.length) - 1; i >= 0 && i >= lo - 64; i--)
      if (sorted[i].start <= start && sorted[i].end >= end) return true;
    return false;
  };
}

/** Edits removing trailing whitespace and leaving exactly one newline at the end (outside protected spans). */
export function tidyWhitespace(text: string, isProtected: IsProtected = () => false): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  // blanks before each line break (`\n` or `\r\n`) and before the end, found by walking back from each (a regex
  // with a lookahead tried every blank of a run that ends elsewhere: quadratic in a long run of spaces)
  const blanksBefore = (end: number) => {
    const start = blankRunStart(text, end);
    if (start < end && !isProtected(start, end)) edits.push({ start, end, newText: '' });
    return start < end;
  };
  for (let i = 0; ; ) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    if (!blanksBefore(end) && nl > 0 && text[nl - 1] === '\r') blanksBefore(nl - 1);
    if (nl < 0) break;
    i = nl + 1;
  }
  if (!text.trim()) return edits;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // the blank lines (and spaces) after the last non-blank character
  const last = trailingSpaceStart(text);
  const tail = text.slice(last);
  if (tail !== eol && !isProtected(last, text.length)) {
    // drop the trailing-whitespace edits inside the tail: this one replaces them
    while (edits.length && edits[edits.length - 1].start >= last) edits.pop();
    edits.push({ start: last, end: text.length, newText: eol });
  }
  return edits;
}

/** The edits that lie within a range (range formatting), all of them when there is no range. */
export function withinRange(edits: OffsetEdit[], range?: Span): OffsetEdit[] {
  return range ? edits.filter((e) => e.start >= range.start && e.end <= range.end) : edits;
}
