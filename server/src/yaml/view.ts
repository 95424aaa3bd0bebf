/**
 * The one read-only view over a `yaml` document that compose files, workflows and any future YAML kind read with:
 * aliases followed, `<<` merge keys expanded where the format has them, every node's source offsets kept, so rules
 * report at the exact text they talk about. Every function takes the node first and the document second.
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
export type YMap = YAMLMap<unknown, unknown>;
export type YSeq = YAMLSeq<unknown>;

/** One key of a mapping, after merge keys are expanded. */
export interface Entry {
  key: string;
  keyNode: Scalar | undefined;
  /** Offsets of the key text. */
  keyStart: number;
  keyEnd: number;
  /**
   * The value with aliases followed; null when there is none. An alias whose anchor is missing stays the alias node
   * (so `shapeOf` says 'unknown' and a rule can report it).
   */
  value: YNode | null;
  /** The value as written (may be an alias). */
  rawValue: YNode | null;
  pair: Pair<unknown, unknown>;
  /** True when the key came in through a `<<` merge. */
  merged: boolean;
}

export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.source === '<<' || key.value === '<<');
}

const ALIASES = Symbol('shipshape.aliases');

/**
 * The node an alias names, from the document's alias index: built in one walk the first time an alias of the document
 * is followed, and kept on the document (yaml's `Alias.resolve` walks the whole document per call: 9.7 s for 3,000
 * aliases). As there, an alias names the last node before it in document order that has its anchor.
 */
function resolveAlias(alias: YNode, doc: Document): unknown {
  const holder = doc as Document & { [ALIASES]?: Map<unknown, unknown> };
  let targets = holder[ALIASES];
  if (!targets) {
    const found = new Map<unknown, unknown>();
    const anchors = new Map<string, unknown>();
    visit(doc, {
      Node: (_key, n) => {
        if (isAlias(n)) found.set(n, anchors.get(n.source));
        else if (n.anchor) anchors.set(n.anchor, n);
      },
    });
    Object.defineProperty(holder, ALIASES, { value: found, enumerable: false });
    targets = found;
  }
  return targets.has(alias) ? targets.get(alias) : (alias as { resolve(d: Document): unknown }).resolve(doc);
}

/** Follows an alias to the node it names; undefined when the anchor is missing or loops. */
export function deref(node: unknown, doc: Document | undefined): YNode | undefined {
  let n = node as YNode | null | undefined;
  for (let i = 0; i < 32 && n && isAlias(n); i++) {
    try {
      n = doc ? (resolveAlias(n, doc) as YNode | undefined) : undefined;
    } catch {
      n = undefined;
    }
  }
  if (!n || isAlias(n)) return undefined;
  return isScalar(n) || isMap(n) || isSeq(n) ? n : undefined;
}

export function asMap(node: unknown, doc: Document | undefined): YMap | undefined {
  const n = deref(node, doc);
  return n && isMap(n) ? (n as YMap) : undefined;
}
export function asSeq(node: unknown, doc: Document | undefined): YSeq | undefined {
  const n = deref(node, doc);
  return n && isSeq(n) ? (n as YSeq) : undefined;
}
export function asScalar(node: unknown, doc: Document | undefined): Scalar | undefined {
  const n = deref(node, doc);
  return n && isScalar(n) ? (n as Scalar) : undefined;
}

export function nodeStart(node: unknown): number {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0] ?? 0;
}
export function nodeEnd(node: unknown): number {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[1] ?? nodeStart(node);
}
/** [start, end) of a node's value (without trailing comments); the alias node itself when aliased. */
export function nodeRange(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

/** A scalar's value as a string (numbers and booleans as written), else undefined. */
export function str(node: unknown): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return node.source ?? String(v);
  return undefined;
}

/**
 * A scalar's text as the workflow reader needs it: like `str`, but a null scalar gives its source (`''` for `key:`,
 * `~`, `null`), so an empty value is an empty string rather than nothing.
 */
export function scalarText(node: unknown): string | undefined {
  if (isScalar(node) && (node.value === null || node.value === undefined)) return node.source ?? undefined;
  return str(node);
}

/** The text of a scalar key (numbers and booleans as written; a null key as its source). */
export function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? (key.source ?? '') : String(key.value);
  return '';
}

function ownEntry(pair: Pair<unknown, unknown>, key: string, doc: Document | undefined): Entry {
  const k = pair.key as Scalar | undefined;
  const keyStart = nodeStart(k);
  return {
    key,
    keyNode: isScalar(k) ? k : undefined,
    keyStart,
    keyEnd: k ? nodeEnd(k) : keyStart,
    value: deref(pair.value, doc) ?? (isAlias(pair.value) ? (pair.value as YNode) : null),
    rawValue: (pair.value as YNode) ?? null,
    pair,
    merged: false,
  };
}

/**
 * The entries of a mapping: its own keys, then, with `merge` (compose; not workflows, where GitHub does not read
 * `<<`), the keys merged in with `<<` that are not overridden. Keys that are not scalars are left out.
 */
/** Own entries by mapping (merge keys not expanded): workflows read each mapping several times per check. */
const OWN = new WeakMap<YMap, { doc: Document | undefined; entries: Entry[] }>();

export function entries(node: unknown, doc: Document | undefined, merge = true, depth = 0): Entry[] {
  const map = asMap(node, doc);
  if (!map || depth > 16) return [];
  if (!merge) {
    const hit = OWN.get(map);
    if (hit && hit.doc === doc) return hit.entries;
    const list = ownEntries(map, doc);
    OWN.set(map, { doc, entries: list });
    return list;
  }
  const own: Entry[] = [];
  let merged: Entry[] | undefined;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (merge && isMergeKey(pair.key)) {
      const v = deref(pair.value, doc);
      const sources = v && isSeq(v) ? v.items : [v];
      merged ??= [];
      for (const s of sources)
        for (const e of entries(deref(s, doc), doc, true, depth + 1)) {
          // (a copy and a store: V8 makes `{ ...e, merged: true }` some 20x slower)
          const m = Object.assign({}, e);
          m.merged = true;
          merged.push(m);
        }
      continue;
    }
    const k = pair.key;
    // nearly every key is a plain string: no alias to follow, nothing to convert
    const key = isScalar(k) && typeof k.value === 'string' ? k.value : isAlias(k) ? str(deref(k, doc)) : keyText(k);
    if (key === undefined || (!isScalar(k) && !isAlias(k))) continue;
    own.push(ownEntry(pair, key, doc));
  }
  if (!merged) return own;
  const seen = new Set(own.map((e) => e.key));
  for (const e of merged)
    if (!seen.has(e.key)) {
      seen.add(e.key);
      own.push(e);
    }
  return own;
}

function ownEntries(map: YMap, doc: Document | undefined): Entry[] {
  const own: Entry[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const k = pair.key;
    const key = isScalar(k) && typeof k.value === 'string' ? k.value : isAlias(k) ? str(deref(k, doc)) : keyText(k);
    if (key === undefined || (!isScalar(k) && !isAlias(k))) continue;
    own.push(ownEntry(pair, key, doc));
  }
  return own;
}

/** One key of a mapping (see `entries`), found without building the others. */
export function entry(node: unknown, doc: Document | undefined, key: string, merge = true): Entry | undefined {
  const map = asMap(node, doc);
  if (!map) return undefined;
  let hasMerge = false;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const k = pair.key;
    if (isScalar(k)) {
      if (k.value === key || (typeof k.value !== 'string' && keyText(k) === key)) return ownEntry(pair, key, doc);
      if (merge && isMergeKey(k)) hasMerge = true;
    } else if (isAlias(k) && str(deref(k, doc)) === key) return ownEntry(pair, key, doc);
  }
  return hasMerge ? entries(map, doc, true).find((e) => e.key === key) : undefined;
}

/** The items of a sequence with aliases followed (items that resolve to nothing are left out). */
export function items(node: unknown, doc: Document | undefined): YNode[] {
  const seq = asSeq(node, doc);
  if (!seq) return [];
  const out: YNode[] = [];
  for (const i of seq.items) {
    const n = deref(i, doc);
    if (n) out.push(n);
  }
  return out;
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

/** What a node is, aliases followed: a mapping, a sequence, a scalar, null (absent or `~`), or unknown. */
export function shapeOf(node: unknown, doc: Document | undefined): 'map' | 'seq' | 'scalar' | 'null' | 'unknown' {
  if (node == null) return 'null';
  const n = deref(node, doc);
  if (!n) return 'unknown';
  if (isMap(n)) return 'map';
  if (isSeq(n)) return 'seq';
  return isScalar(n) && n.value === null ? 'null' : 'scalar';
}

/** Whether a value is absent or null (`key:`, `key: ~`). */
export function isNullish(node: unknown, doc: Document | undefined): boolean {
  if (node == null) return true;
  const s = asScalar(node, doc);
  return !!s && s.value === null;
}

export { isAlias, isMap, isPair, isScalar, isSeq };
