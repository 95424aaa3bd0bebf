/**
 * A small reader of the shell scripts in a workflow's `run:` blocks, over the workflow's source text
 * (so offsets stay offsets into the workflow): words with quotes removed, line continuations
 * joined, command separators kept as their own tokens. `${{ }}` and `$( )` stay one word (a
 * dynamic one). Used to find what commands name (`aws ecs ... --task-definition web`) and which
 * files a script writes (`> task-definition.json`).
 */

export interface ScriptWord {
  /** The word with quotes removed. */
  value: string;
  /** The word's source range, quotes included. */
  start: number;
  end: number;
  /** A command separator (newline, `;`, `&`, `|`). */
  sep?: boolean;
}

function closeParen(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return end;
}

export function scriptWords(text: string, start: number, end: number): ScriptWord[] {
  const words: ScriptWord[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (c === '\n' || c === ';' || c === '&' || c === '|') {
      words.push({ value: c, start: i, end: i + 1, sep: true });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' && (i === start || /\s/.test(text[i - 1]))) {
      while (i < end && text[i] !== '\n') i++;
      continue;
    }
    const s = i;
    let value = '';
    while (i < end && !/[\s;&|]/.test(text[i])) {
      const q = text[i];
      const close =
        q === '$' && text.startsWith('${{', i)
          ? text.indexOf('}}', i + 3) + 2
          : q === '$' && text[i + 1] === '('
            ? closeParen(text, i + 1, end) + 1
            : 0;
      if (close > i && close <= end) {
        value += text.slice(i, close);
        i = close;
        continue;
      }
      if (q === '"' || q === "'") {
        const close = text.indexOf(q, i + 1);
        const stop = close < 0 || close > end ? end : close;
        value += text.slice(i + 1, stop);
        i = stop + 1;
      } else {
        value += q;
        i++;
      }
    }
    words.push({ value, start: s, end: Math.min(i, end) });
  }
  return words;
}

/** The script split into simple commands (separators dropped, empty commands skipped). */
export function scriptCommands(text: string, start: number, end: number): ScriptWord[][] {
  const out: ScriptWord[][] = [];
  let cur: ScriptWord[] = [];
  for (const w of scriptWords(text, start, end)) {
    if (w.sep) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(w);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * The files a script writes, as written (relative to its working directory): redirections
 * (`> f`, `>> f`, `>f`, `1> f`), `tee [-a] f...`, `-o f` / `--output-file f` of any command
 * (curl, jq, yq), `wget -O f`, and the destination of `cp`/`mv`/`envsubst`-style copies.
 * `aws ... --output json` names a format, not a file, and is not counted.
 */
export function filesWritten(text: string, start: number, end: number): ScriptWord[] {
  const out: ScriptWord[] = [];
  for (const cmd of scriptCommands(text, start, end)) {
    const name = cmd[0]?.value.replace(/^.*\//, '');
    for (let k = 0; k < cmd.length; k++) {
      const w = cmd[k];
      const glued = /^\d*>>?(?!&)(.+)$/.exec(w.value);
      if (glued) {
        out.push({ value: glued[1], start: w.end - glued[1].length, end: w.end });
        continue;
      }
      if (/^\d*>>?$/.test(w.value) && cmd[k + 1]) {
        out.push(cmd[++k]);
        continue;
      }
      if (name === 'aws') continue;
      if (
        (w.value === '-o' ||
          w.value === '--output-file' ||
          (name === 'wget' && (w.value === '-O' || w.value === '--output-document'))) &&
        cmd[k + 1]
      ) {
        out.push(cmd[++k]);
      }
    }
    if (name === 'tee') out.push(...cmd.slice(1).filter((w) => !w.value.startsWith('-')));
    if ((name === 'cp' || name === 'mv') && cmd.length > 2 && !cmd[cmd.length - 1].value.startsWith('-'))
      out.push(cmd[cmd.length - 1]);
  }
  return out;
}
