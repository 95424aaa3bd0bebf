/**
 * Where whitespace is content in a YAML document: block scalars (`|`, `>`: their trailing spaces and final newlines
 * are part of the value) and scalars written across lines. Formatting leaves these spans as written.
 */
import { isScalar, visit, type Document } from 'yaml';

export interface ContentSpan {
  start: number;
  end: number;
}

export function whitespaceContent(doc: Document, text: string): ContentSpan[] {
  const out: ContentSpan[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range) return;
      const [start, , end] = node.range;
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      if (block || /[\r\n]/.test(text.slice(start, node.range[1]))) out.push({ start, end });
    },
  });
  return out;
}
