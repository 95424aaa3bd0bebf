/**
 * A script cut out of a document (a `run:` block of a workflow, a `RUN` of a Dockerfile) with the way back: each
 * script line remembers the document offset of its first character, so a tool's 1-based (line, column) lands on the
 * document's text. Lines may be prefixed (`set -e` as the runner adds it) without shifting the mapping.
 */
export interface ScriptLine {
  /** The line's text as the tool sees it (indentation removed, expressions masked, same length as in the document). */
  text: string;
  /** Document offset of the line's first character. */
  start: number;
}

export class ScriptMap {
  readonly script: string;
  private constructor(
    private readonly lines: readonly ScriptLine[],
    /** Lines added before the document's lines (not in the document). */
    private readonly prefix: number,
    /** Where positions in the prefix, or beyond the last line, go. */
    private readonly fallback: number,
  ) {
    this.script = lines.map((l) => l.text).join('\n');
  }

  /** A script from its lines; positions that fall outside them go to `fallback`. */
  static of(lines: readonly ScriptLine[], fallback = lines[0]?.start ?? 0): ScriptMap {
    return new ScriptMap(lines, 0, fallback);
  }

  /** The same script with lines put before it (they map to the fallback). */
  withPrefix(...extra: string[]): ScriptMap {
    const lines = [...extra.map((text) => ({ text, start: this.fallback })), ...this.lines];
    return new ScriptMap(lines, this.prefix + extra.length, this.fallback);
  }

  /** The document offset of a 1-based (line, column) of the script. */
  offsetAt(line: number, column: number): number {
    if (line <= this.prefix) return this.fallback;
    const l = this.lines[line - 1];
    if (!l) return this.fallback;
    return l.start + Math.max(0, Math.min(column - 1, l.text.length));
  }
}

/** The text with each `${{ ... }}` replaced by as many `_` (line breaks kept), so a shell sees a word and offsets hold. */
export function maskExpressions(text: string): string {
  if (!text.includes('${{')) return text;
  // by hand: a lazy regex from each `${{` to the next `}}` rescanned the rest of the text when none closed
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('${{', i);
    const close = open < 0 ? -1 : text.indexOf('}}', open + 3);
    if (close < 0) break;
    out += text.slice(i, open);
    for (let k = open; k < close + 2; k++) out += text[k] === '\n' ? '\n' : '_';
    i = close + 2;
  }
  return out + text.slice(i);
}
