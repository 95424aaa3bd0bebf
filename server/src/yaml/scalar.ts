import { isScalar } from 'yaml';

/**
 * Where a YAML node's text is: a quoted scalar's range without its quotes, any other node's own
 * range (`[0, 0]` without one). For edits and reports that must land on the value itself.
 */
export function contentRange(node: unknown): { start: number; end: number } {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!r) return { start: 0, end: 0 };
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  return quoted ? { start: r[0] + 1, end: r[1] - 1 } : { start: r[0], end: r[1] };
}
