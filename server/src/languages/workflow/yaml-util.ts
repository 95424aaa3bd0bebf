import { editDistance } from '../../text/nearest';
/** Small helpers over the `yaml` package's AST: aliases resolved, ranges as offsets. */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  isPair,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

export type YNode = Node;
export type YMap = YAMLMap<unknown, unknown>;
export type YSeq = YAMLSeq<unknown>;

/** Follows an alias to the node it names (one level of aliases is all YAML allows). */
export function deref(doc: Document | undefined, node: unknown): Node | undefined {
  if (node == null) return undefined;
  if (isAlias(node)) {
    if (!doc) return undefined;
    try {
      const target = node.resolve(doc);
      return target ?? undefined;
    } catch {
      return undefined;
    }
  }
  if (isScalar(node) || isMap(node) || isSeq(node)) return node as Node;
  return undefined;
}

export function asMap(doc: Document | undefined, node: unknown): YMap | undefined {
  const n = deref(doc, node);
  return n && isMap(n) ? (n as YMap) : undefined;
}
export function asSeq(doc: Document | undefined, node: unknown): YSeq | undefined {
  const n = deref(doc, node);
  return n && isSeq(n) ? (n as YSeq) : undefined;
}
export function asScalar(doc: Document | undefined, node: unknown): Scalar | undefined {
  const n = deref(doc, node);
  return n && isScalar(n) ? (n as Scalar) : undefined;
}

/** The scalar's value as a string (numbers and booleans in their YAML source form). */
export function scalarString(s: Scalar | undefined): string | undefined {
  if (!s) return undefined;
  const v = s.value;
  if (v === null || v === undefined) return s.source ?? undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return s.source ?? String(v);
  return undefined;
}

export function keyString(doc: Document | undefined, pair: Pair<unknown, unknown>): string | undefined {
  return scalarString(asScalar(doc, pair.key));
}

/** [start, end) of a node's value (without trailing comments); the alias node itself when aliased. */
export function nodeRange(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!r) return [0, 0];
  return [r[0], r[1]];
}

export function isNullish(doc: Document | undefined, node: unknown): boolean {
  if (node == null) return true;
  const s = asScalar(doc, node);
  return !!s && s.value === null;
}

export interface Entry {
  key: string;
  keyStart: number;
  keyEnd: number;
  pair: Pair<unknown, unknown>;
  value: unknown;
}

/** The entries of a mapping with their keys as strings. */
export function entries(doc: Document | undefined, map: YMap | undefined): Entry[] {
  if (!map) return [];
  const out: Entry[] = [];
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = item.key;
    // Fast path: a plain string key (nearly every key) needs neither alias resolution nor conversion.
    const key = isScalar(k) && typeof k.value === 'string' ? k.value : scalarString(asScalar(doc, k));
    if (key === undefined) continue;
    const r = (k as { range?: [number, number, number] } | null)?.range;
    out.push({ key, keyStart: r ? r[0] : 0, keyEnd: r ? r[1] : 0, pair: item, value: item.value });
  }
  return out;
}

export function get(doc: Document | undefined, map: YMap | undefined, key: string): Entry | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = item.key;
    // Fast path: a plain scalar key compared without building entries.
    const v = isScalar(k) ? k.value : scalarString(asScalar(doc, k));
    if (v !== key && String(v) !== key) continue;
    const [ks, ke] = nodeRange(item.key);
    return { key, keyStart: ks, keyEnd: ke, pair: item, value: item.value };
  }
  return undefined;
}

export function kindOf(doc: Document | undefined, node: unknown): 'map' | 'seq' | 'scalar' | 'null' | 'unknown' {
  if (node == null) return 'null';
  const n = deref(doc, node);
  if (!n) return 'unknown';
  if (isMap(n)) return 'map';
  if (isSeq(n)) return 'seq';
  if (isScalar(n)) return n.value === null ? 'null' : 'scalar';
  return 'unknown';
}

/** The offset where the source of a scalar's content starts (after an opening quote). */
export function scalarContentStart(text: string, s: Scalar): number {
  const [start] = nodeRange(s);
  const c = text[start];
  return c === '"' || c === "'" ? start + 1 : start;
}

/** Edit distance with adjacent transpositions (optimal string alignment), for "did you mean". */
export { editDistance };

/** The closest candidate within a small distance, or undefined. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lw = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lw, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}
