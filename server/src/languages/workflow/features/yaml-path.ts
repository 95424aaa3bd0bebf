/**
 * Where the cursor is in a block-style YAML document, from indentation alone (it works on text that
 * is being typed and does not parse yet): the path of keys above, and whether the cursor is on a key
 * or on a key's value.
 */
export interface YamlPosition {
  /** Parent keys, with '-' for a sequence item, e.g. ['jobs', 'build', 'steps', '-', 'with']. */
  path: string[];
  /** The key whose value the cursor is in, when it is on a value. */
  key?: string;
  /** The word typed so far (key or value). */
  prefix: string;
  /** Offset where `prefix` starts. */
  prefixStart: number;
  /** Column of a key written here. */
  indent: number;
  /** Whether the value is inside a flow sequence `[a, b, |`. */
  inFlowSeq: boolean;
}

const LINE_RE = /^(\s*)(-\s+)?(?:(["']?)([^:#"'{}[\]]+?)\3\s*:(?=\s|$))?/;

export function yamlPositionAt(text: string, offset: number): YamlPosition {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = /^(\s*)(-\s+)?(.*)$/.exec(before)!;
  const dashCol = m[1].length;
  const keyCol = dashCol + (m[2]?.length ?? 0);
  const rest = m[3];
  const path: string[] = [];
  let key: string | undefined;
  let prefix: string;
  let inFlowSeq = false;
  const kv = /^(["']?)([^:#"']+?)\1\s*:(\s+(.*))?$/.exec(rest);
  if (kv && (kv[3] !== undefined || rest.endsWith(':'))) {
    key = kv[2].trim();
    const value = kv[4] ?? '';
    inFlowSeq = value.includes('[') && !value.includes(']');
    const pm = /(?<![^\s,[\]{}'"])([^\s,[\]{}'"]*)$/.exec(value)!;
    prefix = pm[1];
  } else {
    prefix = /(?<![^\s,[\]{}'"])([^\s,[\]{}'"]*)$/.exec(rest)![1];
  }
  let indent = keyCol;
  if (m[2]) {
    path.unshift('-');
    indent = dashCol;
  }
  // Walk up through the lines above.
  let end = lineStart - 1;
  while (end > 0 && indent > 0) {
    const ls = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(ls, end);
    end = ls - 1;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const lm = LINE_RE.exec(line);
    if (!lm) continue;
    const d = lm[1].length;
    const k = d + (lm[2]?.length ?? 0);
    if (lm[4] && k < indent) {
      path.unshift(lm[4].trim());
      indent = k;
      if (lm[2]) {
        path.unshift('-');
        indent = d;
      }
    } else if (lm[2] && d < indent && k >= indent) {
      path.unshift('-');
      indent = d;
    } else if (!lm[4] && !lm[2] && d < indent) {
      // A continuation line of a block scalar or flow value: not a parent.
      continue;
    }
    if (end < 0) break;
  }
  return { path, key, prefix, prefixStart: offset - prefix.length, indent: keyCol, inFlowSeq };
}
