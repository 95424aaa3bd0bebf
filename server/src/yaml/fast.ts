/**
 * A fast reader for the YAML that workflows and compose files actually use: block mappings and sequences, plain and
 * quoted one-line scalars, block scalars (`|`, `>`), comments and one-line flow collections. It
 * builds the same `yaml` nodes `parseDocument` would (same classes, `range`s, scalar `type`,
 * `source`, `format`, resolved `value`, key order), so the rest of the workflow code cannot tell
 * the difference; comments are not attached to nodes (no reader looks at them).
 *
 * On anything outside that subset (anchors, aliases, tags, directives, explicit keys, tabs or CR,
 * odd indentation, multi-line flow scalars, duplicate keys, unusual comment placement ...) it
 * returns undefined and the caller falls back to `parseDocument`, whose errors stay yaml's.
 * test/yaml/fast.test.ts compares the two on the corpus, the fixtures and generated text.
 */
import {
  Document,
  Pair,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;
type Node = Scalar | YAMLMap | YAMLSeq;

/** Thrown to give up; caught in fastParseDocument. */
const BAIL = { bail: true };
function bail(): never {
  throw BAIL;
}

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (s: string, onError: (m: string) => void, o: unknown) => unknown;
}

export function fastParseDocument(text: string, options: Options): Document | undefined {
  // Whatever goes wrong (including a bug here), the full parser decides.
  try {
    return new Reader(text, options).document();
  } catch {
    return undefined;
  }
}

class Reader {
  private readonly doc: Document;
  private readonly tags: ScalarTag[];
  private readonly keyTags: ScalarTag[];
  /** Comment lines since the last value that no node has taken yet: their indents (the trailing-comment rule). */
  private gapComments: number[] = [];

  constructor(
    private readonly text: string,
    private readonly options: Options,
  ) {
    if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff) bail();
    this.doc = new Document(undefined, options);
    const all = (this.doc.schema as unknown as { tags: ScalarTag[] }).tags;
    this.tags = all.filter((t) => t.default === true && t.test);
    this.keyTags = all.filter((t) => (t.default === true || t.default === 'key') && t.test);
  }

  document(): Document {
    const t = this.text;
    const first = this.skipGap(0);
    if (first.at >= t.length || first.indent !== 0) bail();
    const c = t[first.at];
    if (c === '%' || t.startsWith('---', first.at) || t.startsWith('...', first.at)) bail();
    this.gapComments = [];
    const root = this.isSeqItem(first.at) ? this.seq(first.at, 0) : this.map(first.at, 0);
    if (this.next < t.length) bail();
    this.doc.contents = root as never;
    this.doc.range = [first.at, root.range![2], this.endsEmpty ? root.range![2] : t.length];
    return this.doc;
  }

  /** Offset of the next content token after the collection just read (text.length at the end). */
  private next = 0;
  private nextIndent = -1;

  // ---- lines -------------------------------------------------------------------------------

  /** From a line start: skips blank and comment lines; returns the first content token and the comment indents. */
  private skipGap(from: number): { at: number; indent: number; comments: number[]; commentEnds: number[] } {
    const t = this.text;
    const comments: number[] = [];
    const commentEnds: number[] = [];
    let i = from;
    while (i < t.length) {
      let j = i;
      while (t.charCodeAt(j) === 32) j++;
      if (j >= t.length) {
        i = j;
        break;
      }
      const ch = t[j];
      if (ch === '\n') {
        i = j + 1;
        continue;
      }
      if (ch === '#') {
        comments.push(j - i);
        const nl = t.indexOf('\n', j);
        i = nl < 0 ? t.length : nl + 1;
        commentEnds.push(i);
        continue;
      }
      return { at: j, indent: j - i, comments, commentEnds };
    }
    return { at: t.length, indent: -1, comments, commentEnds };
  }

  /** After a token on a line: spaces, an optional comment, the newline. Returns the offset after the line. */
  private lineRest(i: number): number {
    const t = this.text;
    const s = i;
    while (t.charCodeAt(i) === 32) i++;
    if (i >= t.length) return i;
    if (t[i] === '#') {
      if (i === s) bail(); // a comment must follow white space
      const nl = t.indexOf('\n', i);
      return nl < 0 ? t.length : nl + 1;
    }
    if (t[i] !== '\n') bail();
    return i + 1;
  }

  private column(i: number): number {
    const ls = this.text.lastIndexOf('\n', i - 1) + 1;
    return i - ls;
  }

  private isSeqItem(i: number): boolean {
    const t = this.text;
    if (t[i] !== '-') return false;
    const n = t[i + 1];
    return n === undefined || n === ' ' || n === '\n';
  }

  // ---- collections -------------------------------------------------------------------------

  /** Ends a collection at `indent`: trailing comment lines stay in it when one is indented at least as much. */
  private closeCollection(coll: YAMLMap | YAMLSeq, start: number, end: number, indent: number) {
    let rangeEnd = end;
    if (this.gapComments.length && indent !== 0 && this.gapComments.some((c) => c >= indent)) {
      rangeEnd = this.next;
      this.gapComments = [];
    }
    coll.range = [start, end, rangeEnd];
  }

  private map(at: number, indent: number): YAMLMap {
    const t = this.text;
    const map = new YAMLMap(this.doc.schema);
    const keys = new Set<unknown>();
    let pos = at;
    let end = at;
    for (;;) {
      this.gapComments = [];
      const key = this.keyScalar(pos);
      // `<<` is a merge key where the `merge` option is on (compose): left to yaml
      if (keys.has(key.value) || t.startsWith('<<', key.range![0])) bail();
      keys.add(key.value);
      let i = key.range![1];
      while (t.charCodeAt(i) === 32) i++;
      if (t[i] !== ':') bail();
      i++;
      const value = this.value(i, indent, true);
      map.items.push(new Pair(key, value));
      end = value.range![2];
      if (this.nextIndent === indent && this.next < t.length) {
        if (this.isSeqItem(this.next)) bail();
        pos = this.next;
        continue;
      }
      if (this.nextIndent > indent) bail();
      break;
    }
    this.closeCollection(map, at, end, indent);
    return map;
  }

  private seq(at: number, indent: number): YAMLSeq {
    const t = this.text;
    const seq = new YAMLSeq(this.doc.schema);
    let pos = at;
    let end = at;
    for (;;) {
      // Comment lines before an item are its properties: they would stretch an empty item's range.
      const commented = this.gapComments.length > 0;
      this.gapComments = [];
      const value = this.value(pos + 1, indent, false, commented);
      seq.items.push(value);
      end = value.range![2];
      if (this.nextIndent === indent && this.next < t.length && this.isSeqItem(this.next)) {
        pos = this.next;
        continue;
      }
      if (this.nextIndent > indent) bail();
      break;
    }
    this.closeCollection(seq, at, end, indent);
    return seq;
  }

  /**
   * The value after `key:` or `-` (at offset i, just after the indicator), in a collection at `indent`.
   * Leaves this.next / this.nextIndent at the next content token after it.
   */
  private value(i: number, indent: number, inMap: boolean, commented = false): Node {
    const t = this.text;
    if (i < t.length && t[i] !== ' ' && t[i] !== '\n') bail();
    while (t.charCodeAt(i) === 32) i++;
    const c = t[i];
    if (i >= t.length || c === '\n' || c === '#') {
      // The value is on the following lines, or empty.
      const lineComment = c === '#';
      const nl = lineComment ? t.indexOf('\n', i) : i;
      const g = this.skipGap(i >= t.length || nl < 0 ? t.length : nl + 1);
      if (g.at < t.length && (g.indent > indent || (inMap && g.indent === indent && this.isSeqItem(g.at)))) {
        const d = g.indent;
        const s = g.at;
        if (t[s] === '%' || (d === 0 && (t.startsWith('---', s) || t.startsWith('...', s)))) bail();
        if (this.isSeqItem(s)) return this.seq(s, d);
        if (!'"\'|>[{'.includes(t[s]) && d > indent) {
          const ls = this.lineScalar(s, false);
          if (!ls.isKey) {
            // A plain scalar starting on the line after its key: `run:\n  make\n  --all`.
            if (g.comments.length || lineComment) bail();
            const node = this.continued(ls.node, indent);
            const lineEnd = this.lineRest(node.range![1]);
            node.range![2] = lineEnd;
            return this.afterValue(node, lineEnd, indent);
          }
        }
        return this.map(s, d);
      }
      // An empty value (null). Comments after it are yaml's "separator" of the pair: the ones it
      // keeps become the null's comment and stretch its range; in a sequence they are left to yaml.
      if (!inMap && (g.comments.length || lineComment || commented)) bail();
      const scalar = this.plain('', i, i, false);
      if (g.comments.length || lineComment)
        scalar.range![2] = this.emptyValueEnd(nl < 0 ? t.length : nl, g, indent, lineComment, i);
      if (g.at >= t.length) this.endsEmpty = true;
      this.setNext(g);
      this.gapComments = [];
      return scalar;
    }
    if (this.isSeqItem(i)) {
      if (inMap) bail();
      bail(); // `- - x`: a sequence in a sequence item
    }
    let node: Node;
    let lineEnd: number;
    if (c === '|' || c === '>') return this.blockScalar(i, indent);
    if (c === '[' || c === '{') {
      const fc = this.flow(i);
      node = fc.node;
      lineEnd = this.lineRest(fc.end);
      node.range = [i, fc.end, lineEnd];
    } else {
      const s = this.lineScalar(i, false);
      if (s.isKey) {
        if (inMap) bail(); // `a: b: c`
        // A compact mapping in a sequence item.
        return this.map(i, this.column(i));
      }
      node = s.node;
      if (node.type === Scalar.PLAIN) node = this.continued(node, indent);
      lineEnd = this.lineRest(node.range![1]);
      node.range![2] = lineEnd;
    }
    return this.afterValue(node, lineEnd, indent);
  }

  /**
   * After a one-line (or plain multi-line) value: comment lines deeper than the collection right after it belong to it.
   */
  private afterValue(node: Node, lineEnd: number, indent: number): Node {
    const t = this.text;
    const g = this.skipGap(lineEnd);
    let taken = 0;
    for (let k = 0; k < g.comments.length; k++) {
      if (g.comments[k] > indent) {
        node.range![2] = g.commentEnds[k];
        taken = k + 1;
      } else break;
    }
    if (g.at < t.length && g.indent > indent) bail(); // a continuation line
    this.setNext(g, taken);
    return node;
  }

  /**
   * A plain scalar folded over the following lines indented deeper than its collection (a line
   * break becomes a space, n blank lines n line breaks); the one-line scalar when none follows.
   */
  private continued(node: Scalar, indent: number): Scalar {
    const t = this.text;
    let k = node.range![1];
    while (t.charCodeAt(k) === 32) k++;
    if (k < t.length && t[k] !== '\n') return node; // a comment ends it
    let value = node.source as string;
    let end = node.range![1];
    let p = k + 1;
    let blanks = 0;
    let any = false;
    while (p < t.length) {
      let q = p;
      while (t.charCodeAt(q) === 32) q++;
      if (q >= t.length) break;
      const c = t[q];
      if (c === '\n') {
        blanks++;
        p = q + 1;
        continue;
      }
      if (q - p <= indent || c === '#') break;
      if (
        '#&*!|>%@`,[]{}?:-\'"'.includes(c) &&
        !('?:-'.includes(c) && t[q + 1] !== undefined && t[q + 1] !== ' ' && t[q + 1] !== '\n')
      )
        bail();
      let j = q;
      let e = q;
      let comment = false;
      for (;;) {
        const ch = t.charCodeAt(j);
        if (j >= t.length || ch === 10) break;
        if (ch === 58 /* : */) {
          const n = t.charCodeAt(j + 1);
          if (j + 1 >= t.length || n === 32 || n === 10) bail();
        } else if (ch === 35 /* # */ && t.charCodeAt(j - 1) === 32) {
          comment = true;
          break;
        }
        j++;
        if (ch !== 32) e = j;
      }
      value += (blanks ? '\n'.repeat(blanks) : ' ') + t.slice(q, e);
      blanks = 0;
      end = e;
      any = true;
      if (comment || j >= t.length) break;
      p = j + 1;
    }
    return any ? this.plain(value, node.range![0], end, false) : node;
  }

  /**
   * Where yaml ends the separator it keeps for an empty map value: when the next key follows at the
   * map's indent, the lines from the second line break after the last deeper comment (or after the
   * `:`) go to that key instead; otherwise (the map ends) all of them stay.
   */
  private emptyValueEnd(
    nl0: number,
    g: { at: number; indent: number },
    indent: number,
    lineComment: boolean,
    at: number,
  ): number {
    const t = this.text;
    if (g.at >= t.length || g.indent < indent) return g.at;
    const comments: number[] = [];
    let breaks = [nl0];
    let p = nl0 + 1;
    const stop = g.at - g.indent;
    while (p < stop) {
      let k = p;
      while (t.charCodeAt(k) === 32) k++;
      if (t[k] === '#') {
        comments.push(k);
        if (k - p > indent) breaks = [];
      }
      const nl = t.indexOf('\n', k);
      breaks.push(nl);
      p = nl + 1;
    }
    const end = breaks.length >= 2 ? breaks[1] : g.at;
    // Without a comment among the kept tokens the null keeps its empty range.
    return lineComment || comments.some((c) => c < end) ? end : at;
  }

  /** Whether the text ends in an empty value (whose trailing line breaks yaml leaves out of the document's range). */
  private endsEmpty = false;

  private setNext(g: { at: number; indent: number; comments: number[] }, skip = 0) {
    this.next = g.at;
    this.nextIndent = g.at < this.text.length ? g.indent : -1;
    this.gapComments = skip ? g.comments.slice(skip) : g.comments;
  }

  // ---- scalars -----------------------------------------------------------------------------

  private plain(source: string, start: number, end: number, atKey: boolean): Scalar {
    const tags = atKey ? this.keyTags : this.tags;
    let tag: ScalarTag | undefined;
    for (const tg of tags)
      if (tg.test!.test(source)) {
        tag = tg;
        break;
      }
    let v: unknown = source;
    if (tag) v = tag.resolve(source, () => bail(), this.options);
    const s = v instanceof Scalar ? v : new Scalar(v);
    s.range = [start, end, end];
    s.source = source;
    s.type = Scalar.PLAIN;
    if (tag?.format) s.format = tag.format;
    return s;
  }

  private quoted(value: string, start: number, end: number, type: Scalar.Type): Scalar {
    const s = new Scalar(value);
    s.range = [start, end, end];
    s.source = value;
    s.type = type;
    return s;
  }

  /** A key: a plain or quoted scalar on this line followed by `:`. */
  private keyScalar(i: number): Scalar {
    const s = this.lineScalar(i, true);
    if (!s.isKey) bail();
    if (s.node.range![1] - i > 1000) bail();
    return s.node;
  }

  /** A one-line scalar in block context; isKey when a `:` indicator follows it. */
  private lineScalar(i: number, atKey: boolean): { node: Scalar; isKey: boolean } {
    const t = this.text;
    const c = t[i];
    let node: Scalar;
    let j: number;
    if (c === '"' || c === "'") {
      const q = this.quotedAt(i);
      node = q.node;
      j = q.end;
    } else {
      if ('#&*!|>%@`,[]{}?:-'.includes(c)) {
        if (!('?:-'.includes(c) && t[i + 1] !== undefined && t[i + 1] !== ' ' && t[i + 1] !== '\n')) bail();
      }
      j = i;
      let e = i;
      for (;;) {
        const ch = t.charCodeAt(j);
        if (j >= t.length || ch === 10) break;
        if (ch === 58 /* : */) {
          const n = t.charCodeAt(j + 1);
          if (j + 1 >= t.length || n === 32 || n === 10) break;
        } else if (ch === 35 /* # */ && t.charCodeAt(j - 1) === 32) break;
        j++;
        if (ch !== 32) e = j;
      }
      const src = t.slice(i, e);
      node = this.plain(src, i, e, atKey);
      j = e;
    }
    let k = j;
    while (t.charCodeAt(k) === 32) k++;
    const isKey = t[k] === ':' && (k + 1 >= t.length || t[k + 1] === ' ' || t[k + 1] === '\n');
    return { node, isKey };
  }

  /** A quoted scalar on one line starting at i. */
  private quotedAt(i: number): { node: Scalar; end: number } {
    const t = this.text;
    const q = t[i];
    let j = i + 1;
    let out = '';
    let from = j;
    for (;;) {
      if (j >= t.length) bail();
      const ch = t[j];
      if (ch === '\n') bail();
      if (q === "'") {
        if (ch === "'") {
          if (t[j + 1] === "'") {
            out += t.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          break;
        }
      } else {
        if (ch === '"') break;
        if (ch === '\\') {
          const e = t[j + 1];
          const map: Record<string, string> = {
            '\\': '\\',
            '"': '"',
            '/': '/',
            n: '\n',
            t: '\t',
            '0': '\0',
            r: '\r',
            ' ': ' ',
          };
          const r = map[e];
          if (r === undefined) bail();
          out += t.slice(from, j) + r;
          j += 2;
          from = j;
          continue;
        }
      }
      j++;
    }
    out += t.slice(from, j);
    const end = j + 1;
    return { node: this.quoted(out, i, end, q === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE), end };
  }

  /** `|` or `>` block scalar at i, value of a collection at `indent`. */
  private blockScalar(i: number, indent: number): Scalar {
    const t = this.text;
    const folded = t[i] === '>';
    let j = i + 1;
    let chomp = '';
    let explicit = 0;
    for (let k = 0; k < 2; k++) {
      const ch = t[j];
      if ((ch === '-' || ch === '+') && !chomp) {
        chomp = ch;
        j++;
      } else if (ch >= '1' && ch <= '9' && !explicit) {
        explicit = Number(ch);
        j++;
      } else break;
    }
    if (t[j] !== '\n') bail(); // header comments and odd headers: the full parser
    const bodyStart = j + 1;
    // Lines of the body: until a non-empty line indented at most `indent`.
    const lines: { s: number; e: number; ind: number; empty: boolean }[] = [];
    let p = bodyStart;
    let contentIndent = explicit ? indent + explicit : -1;
    while (p < t.length) {
      const nl = t.indexOf('\n', p);
      if (nl < 0) bail(); // no final newline: leave it to the full parser
      let k = p;
      while (t.charCodeAt(k) === 32) k++;
      const empty = k === nl;
      const ind = k - p;
      if (!empty) {
        if (contentIndent < 0) {
          if (ind <= indent) break;
          contentIndent = ind;
        }
        if (ind < contentIndent) break;
      }
      lines.push({ s: p, e: nl, ind, empty });
      p = nl + 1;
    }
    if (contentIndent < 0) bail();
    let last = lines.length - 1;
    while (last >= 0 && lines[last].empty) last--;
    if (last < 0) bail();
    // Empty lines: none may be indented more than the content (leading or trailing).
    for (const l of lines) if (l.empty && l.ind > contentIndent) bail();
    let firstContent = 0;
    while (lines[firstContent].empty) firstContent++;
    const texts: string[] = [];
    for (let k = 0; k <= last; k++) texts.push(lines[k].empty ? '' : t.slice(lines[k].s + contentIndent, lines[k].e));
    let value: string;
    if (!folded) value = texts.join('\n');
    else {
      // Folding: a line break between two text lines becomes a space; n empty lines between become n breaks.
      value = '\n'.repeat(firstContent);
      let empties = 0;
      for (let k = firstContent; k <= last; k++) {
        const x = texts[k];
        if (x === '') {
          empties++;
          continue;
        }
        if (x[0] === ' ') bail(); // more-indented lines fold differently
        if (k > firstContent) value += empties ? '\n'.repeat(empties) : ' ';
        value += x;
        empties = 0;
      }
    }
    const trailing = lines.length - 1 - last;
    let end: number;
    if (chomp === '+') {
      value += '\n'.repeat(trailing + 1);
      end = lines.length ? lines[lines.length - 1].e + 1 : bodyStart;
    } else {
      if (chomp === '') value += '\n';
      end = lines[last].e + 1;
    }
    const s = this.quoted(value, i, end, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL);
    const g = this.skipGap(end);
    if (g.at < t.length && g.indent > indent) bail();
    this.setNext(g);
    return s;
  }

  // ---- flow collections (one line, scalars only) --------------------------------------------

  private flow(i: number): { node: YAMLMap | YAMLSeq; end: number } {
    const t = this.text;
    const isMap = t[i] === '{';
    const close = isMap ? '}' : ']';
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    let j = i + 1;
    const keys = new Set<unknown>();
    const skip = () => {
      while (t.charCodeAt(j) === 32) j++;
    };
    skip();
    if (t[j] === close) return { node, end: j + 1 };
    for (;;) {
      const item = this.flowScalar(j, isMap);
      j = item.range![1];
      if (!isMap) skip();
      item.range![2] = j;
      if (isMap) {
        if (t[j] !== ':' || t[j + 1] !== ' ') bail();
        if (keys.has(item.value) || t.startsWith('<<', item.range![0])) bail();
        keys.add(item.value);
        j += 1;
        skip();
        const v = this.flowScalar(j, false);
        j = v.range![1];
        skip();
        v.range![2] = j;
        (node as YAMLMap).items.push(new Pair(item, v));
      } else (node as YAMLSeq).items.push(item);
      if (t[j] === ',') {
        j++;
        skip();
        if (t[j] === close || t[j] === ',') bail();
        continue;
      }
      if (t[j] === close) return { node, end: j + 1 };
      bail();
    }
  }

  private flowScalar(i: number, atKey: boolean): Scalar {
    const t = this.text;
    const c = t[i];
    if (c === '"' || c === "'") return this.quotedAt(i).node;
    if (c === undefined || '#&*!|>%@`,[]{}?:-\'"\n'.includes(c)) bail();
    let j = i;
    let e = i;
    for (;;) {
      if (j >= t.length) bail();
      const ch = t[j];
      if (ch === '\n') bail();
      if (ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}') break;
      if (ch === ':') {
        const n = t[j + 1];
        if (n === ' ' || n === ',' || n === ']' || n === '}' || n === '[' || n === '{') break;
      }
      if (ch === '#' && t[j - 1] === ' ') bail();
      j++;
      if (ch !== ' ') e = j;
    }
    return this.plain(t.slice(i, e), i, e, atKey);
  }
}
