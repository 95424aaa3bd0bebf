/**
 * One pass over a Dockerfile's text: parser directives, comments, and every instruction with its
 * keyword and its whitespace-separated words, as plain offsets.
 *
 * It splits the text the way dockerfile-ast's parser does (the instruction ends where an unescaped
 * line break ends it, or after the here-documents it opens; comment lines inside a continued
 * instruction are comments; words lose their escape characters except before `$`), so the model's
 * offsets are the ones dockerfile-ast gives, but it reads each instruction once instead of
 * re-tokenizing it on every accessor call and converting every offset through a TextDocument.
 * `test/dockerfile/scan.test.ts` holds it to dockerfile-ast's answers on the corpus and fixtures.
 */

export interface ScannedWord {
  value: string;
  start: number;
  end: number;
}

export interface ScannedInstruction {
  start: number;
  end: number;
  /** The keyword as written (escaped line breaks inside it removed). */
  written: string;
  keywordStart: number;
  keywordEnd: number;
  words: ScannedWord[];
}

export interface ScannedDirective {
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface Scan {
  escape: string;
  directives: ScannedDirective[];
  comments: { start: number; end: number }[];
  instructions: ScannedInstruction[];
}

const isBlank = (c: string) => c === ' ' || c === '\t';
const isBreak = (c: string) => c === '\n' || c === '\r';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Parser directives: `# name=value` lines at the very top, until any other line. */
function scanDirectives(text: string, from: number): ScannedDirective[] {
  const out: ScannedDirective[] = [];
  let i = from;
  for (;;) {
    while (i < text.length && isBlank(text[i])) i++;
    if (i >= text.length || text[i] !== '#') return out;
    const hash = i;
    let nameStart = -1,
      nameEnd = -1,
      j = hash + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (isBreak(c)) return out; // a comment line without `=`
      if (c === '=') break;
      if (isBlank(c)) {
        if (nameStart >= 0 && nameEnd < 0) nameEnd = j;
      } else if (nameStart < 0) nameStart = j;
    }
    if (j >= text.length || nameStart < 0) return out;
    if (nameEnd < 0) nameEnd = j;
    let lineEnd = text.length,
      valueStart = -1,
      valueEnd = -1;
    for (let k = j + 1; k < text.length; k++) {
      const c = text[k];
      if (isBreak(c)) {
        if (valueStart >= 0 && valueEnd < 0) valueEnd = k;
        lineEnd = k;
        break;
      }
      if (isBlank(c)) {
        if (valueStart >= 0 && valueEnd < 0) valueEnd = k;
      } else if (valueStart < 0) valueStart = k;
    }
    if (valueStart < 0) {
      valueStart = j + 1;
      valueEnd = lineEnd;
    } else if (valueEnd < 0) valueEnd = text.length;
    out.push({ start: hash, end: lineEnd, nameStart, nameEnd, valueStart, valueEnd });
    // continue after the value: another directive only if the line ends right there (blanks or
    // anything else after the value end the directives after this one)
    i = valueEnd + (text[valueEnd] === '\r' ? 2 : 1);
  }
}

export function scanDockerfile(text: string): Scan {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const directives = scanDirectives(text, bom);
  let escape = '\\';
  for (const d of directives) {
    if (text.slice(d.nameStart, d.nameEnd).toLowerCase() !== 'escape') continue;
    const v = text.slice(d.valueStart, d.valueEnd);
    if (v === '\\' || v === '`') {
      escape = v;
      break;
    }
  }
  const comments: { start: number; end: number }[] = [];
  const instructions: ScannedInstruction[] = [];
  let i = bom;
  if (directives.length) {
    // instructions start on the line after the directives
    let line = 0;
    i = 0;
    while (line < directives.length && i < text.length) {
      const c = text[i++];
      if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
    }
  }
  const comment = (at: number): number => {
    let e = at + 1;
    while (e < text.length && !isBreak(text[e])) e++;
    comments.push({ start: at, end: e });
    return e;
  };
  const n = text.length;
  for (; i < n; i++) {
    const c = text[i];
    if (isSpace(c)) continue;
    if (c === '#') {
      i = comment(i);
      continue;
    }
    i = instruction(i);
  }
  return { escape, directives, comments, instructions };

  function add(start: number, keywordEnd: number, end: number, written: string): ScannedInstruction {
    const ins: ScannedInstruction = {
      start,
      end,
      written,
      keywordStart: start,
      keywordEnd,
      words: words(text, keywordEnd, end, escape),
    };
    instructions.push(ins);
    return ins;
  }

  /** Reads the instruction starting at `start`; returns the offset where it ends. */
  function instruction(start: number): number {
    let written = text[start];
    let keywordEnd = -1;
    let escaped = false;
    for (let k = start + 1; k < n; k++) {
      const c = text[k];
      if (c === escape) {
        escaped = true;
        const next = text[k + 1];
        if (next === '\r' || next === '\n') {
          if (keywordEnd < 0) keywordEnd = k;
          k++;
          continue;
        }
        if (next === ' ' || next === '\t') {
          let j = k + 2;
          while (j < n && isBlank(text[j])) j++;
          if (j >= n) {
            keywordEnd = k + 1;
            written += escape;
            break;
          }
          if (isBreak(text[j])) {
            k = j;
            continue;
          }
          keywordEnd = k + 1;
          written += escape;
          k = j - 2;
          continue;
        }
        keywordEnd = k + 1;
        written += escape;
        escaped = false;
        continue;
      }
      if (c === ' ' || c === '\t') {
        if (escaped) {
          let j = k + 1;
          while (j < n && isBlank(text[j])) j++;
          if (j < n && isBreak(text[j])) {
            k = j;
            continue;
          }
          escaped = false;
        }
        if (keywordEnd < 0) keywordEnd = k;
        const end = argumentsEnd(written, keywordEnd, k);
        add(start, keywordEnd, end, written);
        return end;
      }
      if (c === '\r' || c === '\n') {
        if (escaped) continue;
        add(start, k, k, written);
        return k;
      }
      if (c === '#' && escaped) continue;
      keywordEnd = k + 1;
      written += c;
      escaped = false;
    }
    if (keywordEnd < 0) keywordEnd = n;
    add(start, keywordEnd, n, written);
    return n;
  }

  /** Where the arguments that begin after `from` end: an unescaped line break, or after the here-documents. */
  function argumentsEnd(written: string, keywordEnd: number, from: number): number {
    let escaped = false;
    for (let k = from + 1; k < n; k++) {
      const c = text[k];
      if (c === '\r' || c === '\n') {
        if (escaped) continue;
        return heredocsEnd(written, keywordEnd, k);
      }
      if (c === escape) {
        const next = text[k + 1];
        if (next === '\n' || next === '\r') {
          escaped = true;
          k++;
          continue;
        }
        if (next === ' ' || next === '\t') {
          let j = k + 2;
          while (j < n && isBlank(text[j])) j++;
          if (j >= n) return n;
          if (isBreak(text[j])) escaped = true;
          k = j;
          continue;
        }
        continue;
      }
      if (c === '#') {
        if (escaped) k = comment(k);
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      escaped = false;
    }
    return n;
  }

  /** RUN/COPY/ADD (also as ONBUILD triggers) that open here-documents end after their bodies. */
  function heredocsEnd(written: string, keywordEnd: number, lineEnd: number): number {
    // no word can open one (looked for on this line only: an indexOf to the end of the text per
    // instruction was quadratic in a file without here-documents)
    if (!text.slice(keywordEnd, lineEnd).includes('<<')) return lineEnd;
    let ws = words(text, keywordEnd, lineEnd, escape);
    let keyword = written.toUpperCase();
    if (keyword === 'ONBUILD') {
      if (ws.length === 0) return lineEnd;
      keyword = text.slice(ws[0].start, ws[0].end).toUpperCase();
      ws = ws.slice(1);
    }
    if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') return lineEnd;
    const names: string[] = [];
    let tabbed = false;
    for (const w of ws) {
      if (!w.value.startsWith('<<') || w.value.length <= 2) continue;
      if (w.value.startsWith('<<-')) tabbed = true;
      const name = heredocName(w.value);
      if (name !== null) names.push(name);
    }
    let at = lineEnd;
    for (const name of names) at = heredocEnd(name, at, tabbed);
    return at;
  }

  /** The line break after the line that closes the here-document (the end of the text if none). */
  function heredocEnd(name: string, from: number, tabbed: boolean): number {
    let wordStart = -1;
    let lineStart = true;
    for (let k = from; k < n; k++) {
      const c = text[k];
      if (c === ' ') lineStart = false;
      else if (c === '\t') {
        if (!tabbed) lineStart = false;
      } else if (c === '\r' || c === '\n') {
        if (wordStart >= 0 && text.slice(wordStart, k) === name) return k;
        wordStart = -1;
        lineStart = true;
      } else if (lineStart) {
        wordStart = k;
        lineStart = false;
      }
    }
    return n;
  }
}

/** `<<EOF`, `<<-"EOF"`, `<<'EOF'` → `EOF`; null for an unbalanced quote or `<<<`. */
export function heredocName(word: string): string | null {
  let v = word.slice(2);
  if (v[0] === '-') v = v.slice(1);
  for (const q of ['"', "'"]) {
    if (v[0] === q) {
      if (v[v.length - 1] !== q) return null;
      v = v.slice(1, -1);
    }
  }
  if (v[0] === '<') return null;
  return v;
}

/**
 * The whitespace-separated words of [from, end): escaped line breaks (with blanks after the
 * escape) join lines, comment lines after them are skipped, and an escape character is dropped
 * from the word except before `$`. A word ends at the escape of a continuation when blanks follow.
 */
export function words(text: string, from: number, end: number, escape: string): ScannedWord[] {
  const out: ScannedWord[] = [];
  let value = '';
  let found = -1; // start of the current word
  let marker = -1; // where the current word ends if a continuation interrupts it
  let continuing = false; // inside an escaped line break (before the next word character)
  let blankAfterContinuation = false;
  let lineStart = false; // at the start of a continued line (a `#` there starts a comment)
  let inComment = false;
  const push = (stop: number) => {
    out.push({ value, start: found, end: stop });
    value = '';
    found = -1;
    marker = -1;
  };
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (continuing) {
        blankAfterContinuation = true;
        if (c === '\n' || c === '\r') {
          blankAfterContinuation = false;
          if (inComment) {
            inComment = false;
            lineStart = true;
          }
        }
        continue;
      }
      if (found >= 0) push(marker < 0 ? i : marker);
      continue;
    }
    if (c === escape) {
      const next = i + 1 < end ? text[i + 1] : '';
      if (next === ' ' || next === '\t') {
        let j = i + 2;
        for (; j < end; j++) {
          const d = text[j];
          if (d === ' ' || d === '\t') continue;
          if (d === '\r' || d === '\n') {
            if (d === '\r') j++;
            inComment = false;
            continuing = true;
            lineStart = true;
            if (found >= 0) marker = i;
            i = j;
          } else {
            marker = i;
            if (found < 0) i = j - 1;
          }
          break;
        }
        continue;
      }
      if (next === '\r' || next === '\n') {
        inComment = false;
        continuing = true;
        lineStart = true;
        if (found >= 0 && marker < 0) marker = i;
        i += next === '\r' ? 2 : 1;
        continue;
      }
      if (blankAfterContinuation && marker >= 0) {
        out.push({ value, start: found, end: marker });
        value = '';
        found = -1;
      }
      marker = -1;
      blankAfterContinuation = false;
      continuing = false;
      if (next === '') break;
      value += next === '$' ? c + next : next;
      if (found < 0) found = i;
      i++;
      continue;
    }
    if (inComment) continue;
    if (lineStart && c === '#') {
      inComment = true;
      lineStart = false;
      continue;
    }
    if (blankAfterContinuation && marker >= 0) {
      out.push({ value, start: found, end: marker });
      value = '';
      found = -1;
    }
    blankAfterContinuation = false;
    continuing = false;
    marker = -1;
    if (found < 0) found = i;
    lineStart = false;
    // the rest of a run of plain characters at once
    let k = i + 1;
    while (k < end) {
      const d = text[k];
      if (d === ' ' || d === '\t' || d === '\r' || d === '\n' || d === escape) break;
      k++;
    }
    value += text.slice(i, k);
    i = k - 1;
  }
  if (found >= 0) push(marker < 0 ? end : marker);
  return out;
}
