/**
 * Rule codes written in ignore comments (`# shipshape-ignore DL3008, DF015`, `# hadolint ignore=DL3008`) link to the
 * rule's page, in every kind with line comments.
 */
import type { DocLink } from './types';

const IGNORE = /(?:shipshape-ignore|(?:hadolint|shipshape)\s+ignore\s*=)([^\n]*)/g;
const CODE = /\b[A-Z]{2,3}\d{3,4}\b/g;

/** Links from each known rule code in a comment line that ignores rules. */
export function ruleCodeLinks(text: string, marker: string, isRule: (code: string) => boolean): DocLink[] {
  const out: DocLink[] = [];
  if (!text.includes('ignore')) return out;
  for (const m of text.matchAll(IGNORE)) {
    const lineStart = text.lastIndexOf('\n', m.index! - 1) + 1;
    if (!text.slice(lineStart, m.index).trimStart().startsWith(marker)) continue;
    const listStart = m.index! + m[0].length - m[1].length;
    for (const c of m[1].matchAll(CODE)) {
      if (!isRule(c[0])) continue;
      const start = listStart + c.index!;
      out.push({ start, end: start + c[0].length, code: c[0], tooltip: `The page of rule ${c[0]}` });
    }
  }
  return out;
}
