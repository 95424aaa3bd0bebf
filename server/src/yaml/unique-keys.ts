/**
 * Duplicate mapping keys, found with a Set per mapping. The `yaml` package's own check
 * (`uniqueKeys: true`) compares each key with every key before it: quadratic, over 30 s for a
 * mapping of 100,000 keys. Parse with `uniqueKeys: false` and call `addDuplicateKeyErrors`: the
 * document gets the errors yaml would have given (code, message, position), in document order.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, parseDocument, type Document, YAMLParseError } from 'yaml';

/**
 * The offset yaml reports a duplicate key at: where the key's node starts, after its anchor or tag;
 * for an empty key, the `:` (the empty node itself is placed before the indentation).
 */
function keyStart(key: unknown, text: string): number {
  const range = (key as { range?: [number, number, number] } | null)?.range;
  if (!range) return 0;
  let at = range[0];
  if (range[1] === at) while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/** The errors yaml's `uniqueKeys: true` would add to a document parsed with `uniqueKeys: false`. */
export function duplicateKeyErrors(doc: Document, text: string): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  // an explicit stack: documents nest as deep as their text does
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!node || isAlias(node) || isScalar(node)) continue;
    if (isCollection(node)) {
      const items = node.items as unknown[];
      if (isMap(node)) {
        const seen = new Set<unknown>();
        for (const pair of items) {
          if (!isPair(pair)) continue;
          const key = pair.key;
          // yaml's equality: the same node, or scalars of the same value (NaN is never equal)
          const id = isScalar(key) ? key.value : key;
          if (typeof id === 'number' && Number.isNaN(id)) continue;
          if (seen.has(id)) {
            const at = keyStart(key, text);
            out.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          } else seen.add(id);
        }
      }
      for (let k = items.length - 1; k >= 0; k--) {
        const it = items[k];
        if (isPair(it)) stack.push(it.value, it.key);
        else stack.push(it);
      }
    }
  }
  return out.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Adds the duplicate-key errors to `doc.errors`, each before the first error that comes after it. */
export function addDuplicateKeyErrors(doc: Document, text: string): void {
  const dups = duplicateKeyErrors(doc, text);
  if (!dups.length) return;
  const merged: YAMLParseError[] = [];
  let k = 0;
  for (const e of doc.errors) {
    while (k < dups.length && dups[k].pos[0] < e.pos[0]) merged.push(dups[k++]);
    merged.push(e);
  }
  while (k < dups.length) merged.push(dups[k++]);
  doc.errors.length = 0;
  for (const e of merged) doc.errors.push(e);
}

/**
 * yaml's `parse(text)` (the plain value; throws the first error, a duplicate key included) with our
 * linear duplicate-key check. For `.shipshape.yaml` and action metadata files.
 */
export function parseYamlValue(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  addDuplicateKeyErrors(doc, text);
  if (doc.errors.length) throw doc.errors[0];
  return doc.toJS();
}
