/** Value formats the spec leaves as strings: durations (Go syntax) and byte sizes (Docker's units). */
import type { ComposeModel } from './parse';
import { resolveShape, spec, type Shape } from './spec';
import { isMap, isScalar, isSeq } from 'yaml';
import { entries, nodeStart, type YNode } from '../../yaml/view';
import { childShape } from './spec';

export const DURATION_RE = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
export const BYTES_RE = /^\d+(?:\.\d+)* ?[kKmMgGtTpPbB]?[iI]?[bB]?$/;

export function isDuration(s: string): boolean {
  return s === '0' || DURATION_RE.test(s);
}
export function isByteSize(s: string): boolean {
  return BYTES_RE.test(s.trim()) || s.trim() === '-1';
}

export interface FormattedValue {
  fmt: 'duration' | 'bytes';
  node: YNode;
  path: string;
}

const cache = new WeakMap<ComposeModel, FormattedValue[]>();

/** Every scalar whose spec shape carries a format, found by walking the file along the spec. */
export function formattedValues(model: ComposeModel): FormattedValue[] {
  let out = cache.get(model);
  if (out) return out;
  out = [];
  const walk = (node: YNode | null, shapeIn: Shape | undefined, path: string, depth: number) => {
    const shape = resolveShape(shapeIn);
    if (!shape || !node || depth > 40) return;
    if (isScalar(node)) {
      const fmt = shape.fmt ?? shape.oneOf?.map(resolveShape).find((b) => b?.fmt)?.fmt;
      if (fmt) out!.push({ fmt, node, path });
      return;
    }
    const branches = shape.oneOf ? shape.oneOf.map(resolveShape) : [shape];
    for (const b of branches) {
      if (!b) continue;
      if (isMap(node) && (b.props || b.patterns || b.extra)) {
        for (const e of entries(node, model.doc)) {
          const c = childShape(b, e.key);
          if (c && c !== 'unknown') walk(e.value, c, `${path}.${e.key}`, depth + 1);
        }
        return;
      }
      if (isSeq(node) && b.items) {
        (node as any).items.forEach((i: YNode, n: number) => walk(i, b.items, `${path}[${n}]`, depth + 1));
        return;
      }
    }
  };
  walk(model.root, spec.root, '', 0);
  out.sort((a, b) => nodeStart(a.node) - nodeStart(b.node));
  cache.set(model, out);
  return out;
}
