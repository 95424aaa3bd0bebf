/**
 * A read-only view over a `yaml` document that resolves aliases and `<<` merge keys while keeping
 * every node's source offsets, so rules can report at the exact text they talk about.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

export type YNode = Node;

/** One key of a mapping, after merge keys are expanded. */
export interface Entry {
  key: string;
  keyNode: Scalar | undefined;
  /** Offsets of the key text. */
  keyStart: number;
  keyEnd: number;
  /** The value with aliases followed; null for an empty value (`key:`). */
  value: YNode | null;
  /** The value as written (may be an alias). */
  rawValue: YNode | null;
  pair: Pair;
  /** True when the key came in through a `<<` merge. */
  merged: boolean;
}

export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.source === '<<' || key.value === '<<');
}

/**
 * The node each alias of a document names, found in one walk (yaml's `Alias.resolve` walks the
 * whole document per call: 9.7 s for 3,000 aliases). As there, an alias names the last node
 * before it in document order that has its anchor.
 */
const aliasTargets = new WeakMap<Document, Map<unknown, unknown>>();
function resolveAlias(alias: YNode, doc: Document): unknown {
  let targets = aliasTargets.get(doc);
  if (!targets) {
    const found = new Map<unknown, unknown>();
    const anchors = new Map<string, unknown>();
    visit(doc, {
      Node: (_key, n) => {
        if (isAlias(n)) found.set(n, anchors.get(n.source));
        else if (n.anchor) anchors.set(n.anchor, n);
      },
    });
    aliasTargets.set(doc, (targets = found));
  }
  return targets.has(alias) ? targets.get(alias) : (alias as { resolve(d: Document): unknown }).resolve(doc);
}

/** Follows aliases to the node they name; undefined when the anchor is missing or loops. */
export function deref(node: unknown, doc: Document | undefined): YNode | null {
  let n = node as YNode | null | undefined;
  for (let i = 0; i < 32 && n && isAlias(n); i++) {
    try {
      n = doc ? (resolveAlias(n, doc) as YNode | undefined) : undefined;
    } catch {
      n = undefined;
    }
  }
  if (n && isAlias(n)) return null;
  return n ?? null;
}

export function nodeStart(node: unknown): number {
  return (node as any)?.range?.[0] ?? 0;
}
export function nodeEnd(node: unknown): number {
  return (node as any)?.range?.[1] ?? nodeStart(node);
}

/** The text of a scalar key (numbers and booleans as written). */
export function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? (key.source ?? '') : String(key.value);
  return '';
}

/** The entries of a mapping, explicit keys first, then merged ones that are not overridden. */
export function entries(node: YNode | null | undefined, doc: Document | undefined, depth = 0): Entry[] {
  if (!node || !isMap(node) || depth > 16) return [];
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const pair of (node as YAMLMap).items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair.key)) {
      const v = pair.value as YNode | null;
      const sources = v && isSeq(v) ? (v as YAMLSeq).items : [v];
      for (const s of sources) {
        const target = deref(s, doc);
        for (const e of entries(target, doc, depth + 1)) merged.push({ ...e, merged: true });
      }
      continue;
    }
    const key = pair.key as Scalar | undefined;
    const keyStart = nodeStart(key);
    own.push({
      key: keyText(key),
      keyNode: isScalar(key) ? key : undefined,
      keyStart,
      keyEnd: key ? nodeEnd(key) : keyStart,
      value: deref(pair.value, doc),
      rawValue: (pair.value as YNode) ?? null,
      pair,
      merged: false,
    });
  }
  const seen = new Set(own.map((e) => e.key));
  const out = own.slice();
  for (const e of merged)
    if (!seen.has(e.key)) {
      seen.add(e.key);
      out.push(e);
    }
  return out;
}

export function entry(node: YNode | null | undefined, doc: Document | undefined, key: string): Entry | undefined {
  return entries(node, doc).find((e) => e.key === key);
}

/** The items of a sequence with aliases followed. */
export function items(node: YNode | null | undefined, doc: Document | undefined): YNode[] {
  if (!node || !isSeq(node)) return [];
  return (node as YAMLSeq).items.map((i) => deref(i, doc)).filter((i): i is YNode => !!i);
}

/** A scalar's value as a string (numbers and booleans as written), else undefined. */
export function str(node: YNode | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return node.source ?? String(v);
}

/** The JSON-ish type of a node: object, array, string, number, integer, boolean, null. */
export function jsonType(
  node: YNode | null | undefined,
): 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null' {
  if (!node) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) ? 'integer' : 'number';
    return 'string';
  }
  return 'null';
}

export { isMap, isSeq, isScalar, isAlias };
