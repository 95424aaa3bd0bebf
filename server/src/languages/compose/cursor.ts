/**
 * Where the cursor is in a compose file, for completion: the path of keys above it (read from the
 * indentation, so it works on half-typed text the YAML parser cannot make sense of yet), whether
 * it is at a key or a value, and the word being typed.
 */
export interface CursorContext {
  /** Keys from the top; '[]' marks a list item. */
  path: string[];
  /**
   * 'key': typing a key of the mapping at `path`; 'value': the value of `key`; 'item': an item of the list at `path`.
   */
  at: 'key' | 'value' | 'item';
  key?: string;
  /** The partial word before the cursor and where it starts. */
  prefix: string;
  prefixStart: number;
  /** Column where keys of the mapping at `path` start (for inserting blocks). */
  indent: number;
  /** Keys already present at that level. */
  siblings: string[];
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([^\s#:'"][^:#]*?|"[^"]*"|'[^']*'):(?:\s|$)/;

interface LineInfo {
  indent: number;
  dashCol: number;
  keyCol: number;
  key?: string;
  text: string;
}

function info(text: string): LineInfo | undefined {
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const m = KEY_LINE.exec(text);
  const indent = /^\s*/.exec(text)![0].length;
  const dashes = /^\s*((?:-\s+)*)/.exec(text)![1];
  const keyCol = indent + dashes.length;
  return { indent, dashCol: dashes ? indent : -1, keyCol, key: m ? m[3].replace(/^["']|["']$/g, '') : undefined, text };
}

export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  let at: CursorContext['at'];
  let key: string | undefined;
  let col: number;
  let prefix: string;
  let dashCol = -1;
  let m: RegExpExecArray | null;
  if ((m = /^(\s*)((?:-\s+)*)([\w.-]*)$/.exec(before))) {
    // typing a key, or a bare list item
    col = m[1].length + m[2].length;
    prefix = m[3];
    if (m[2]) dashCol = m[1].length;
    at = 'key';
    // the `- ` prefix is taken whole (a lookahead and a back-reference make it atomic): traded with the
    // key, it was quadratic on a long `- - - …` line
  } else if ((m = /^(\s*)(?=((?:-\s+)*))\2([^\s#:][^:#]*?):\s+(.*)$/.exec(before))) {
    col = m[1].length + m[2].length;
    if (m[2]) dashCol = m[1].length;
    key = m[3].replace(/^["']|["']$/g, '');
    prefix = /(?<![^\s"'[,{])[^\s"'[,{]*$/.exec(m[4])![0];
    at = 'value';
  } else {
    const lm = /^(\s*)/.exec(before)!;
    col = lm[1].length;
    prefix = /(?<![\w.:/-])[\w.:/-]*$/.exec(before)![0];
    at = 'value';
  }
  const path: string[] = [];
  let cur = dashCol >= 0 ? dashCol : col;
  let inItem = dashCol >= 0;
  const siblings: string[] = [];
  let collectingSiblings = true;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = info(lines[i]);
    if (!l) continue;
    if (collectingSiblings && l.key && l.keyCol === col) siblings.push(l.key);
    if (l.dashCol >= 0 && l.keyCol === cur && !inItem) {
      // `- a: 1` above `  b:`: the list item that holds the current level
      inItem = true;
      cur = l.dashCol;
      collectingSiblings = false;
      continue;
    }
    if (inItem && l.dashCol === cur) {
      collectingSiblings = false;
      continue;
    } // an earlier item of the same list
    const ownCol = l.dashCol >= 0 ? l.dashCol : l.keyCol;
    if (ownCol < cur || (inItem && ownCol === cur && l.dashCol < 0 && l.key)) {
      collectingSiblings = false;
      if (!l.key) {
        if (l.dashCol >= 0 && l.dashCol < cur) {
          inItem = true;
          cur = l.dashCol;
        }
        continue;
      }
      if (inItem) path.unshift('[]');
      path.unshift(l.key);
      inItem = l.dashCol >= 0;
      cur = l.dashCol >= 0 ? l.dashCol : l.keyCol;
      if (cur === 0 && !inItem) break;
    }
  }
  const uniq = dashCol >= 0 ? [] : [...new Set(siblings)];
  if (dashCol >= 0) {
    // `- word`: an item of the list at path, or the first key of a mapping item
    if (path[path.length - 1] !== '[]') path.push('[]');
    if (at === 'key')
      return { path, at: 'item', prefix, prefixStart: offset - prefix.length, indent: col, siblings: uniq };
  }
  return { path, at, key, prefix, prefixStart: offset - prefix.length, indent: col, siblings: uniq };
}
