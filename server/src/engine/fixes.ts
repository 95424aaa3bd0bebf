import type { Finding, OffsetEdit } from './types';

/**
 * The safe fixes of a document as one set of non-overlapping offset edits, in order. A fix whose
 * edits overlap an earlier one is left for the next round, as eslint does.
 */
export function safeFixEdits(findings: Finding[]): OffsetEdit[] {
  const chosen: OffsetEdit[] = [];
  for (const f of findings) {
    const fix = f.fix;
    if (!fix?.safe || fix.snippet || fix.otherFiles?.length) continue;
    const overlaps = fix.edits.some((e) =>
      chosen.some((c) => (e.start < c.end && c.start < e.end) || (e.start === e.end && e.start === c.start)),
    );
    if (!overlaps) chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Applies offset edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
