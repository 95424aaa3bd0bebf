/**
 * A small POSIX-shell reader for RUN lines: enough to find the commands a package-manager rule
 * cares about, with offsets into the Dockerfile text. It is not an interpreter: it splits on
 * `&&`, `||`, `;`, `|`, `&`, newlines, grouping `( ) { }`, understands quotes, `$(...)`, backticks,
 * redirections, here-documents inside the script, Dockerfile line continuations (with the
 * Dockerfile's escape character) and comment lines between continued lines, and re-reads the
 * script of `sh -c '...'`.
 */

export interface ShellWord {
  /** The word after quote removal (variables are left as written: `$FOO`). */
  value: string;
  /** Offsets in the Dockerfile text: the word as written, quotes included. */
  start: number;
  end: number;
  /** Whether any part of the word was quoted. */
  quoted: boolean;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '&' | '\n' | ';;';

export interface ShellCommand {
  /** Every word, including leading `VAR=value` assignments and keywords such as `then`. */
  words: ShellWord[];
  /** The words from the command name on (assignments and reserved words dropped). */
  argv: ShellWord[];
  /** The command name (`argv[0].value`), '' when the command is only assignments. */
  name: string;
  start: number;
  end: number;
  /** The operator before this command, null for the first one. */
  before: ShellOperator | null;
  /** The operator after this command, null for the last one. */
  after: ShellOperator | null;
  /** Redirections such as `> /dev/null`: the operator and its target. */
  redirects: { op: string; target?: ShellWord; start: number; end: number }[];
  /** For commands found inside `sh -c '...'`, the word holding the script. */
  via?: ShellWord;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Offsets of the script in the Dockerfile. */
  start: number;
  end: number;
}

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  '!',
  '{',
  '}',
  'time',
  'exec',
]);
const SHELLS = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  'ksh',
  '/bin/sh',
  '/bin/bash',
  '/bin/ash',
  '/bin/dash',
  '/usr/bin/env',
]);

export interface ShellOptions {
  /** The Dockerfile escape character used for line continuations; null when reading a plain script. */
  escape?: string | null;
}

/**
 * Turns the Dockerfile slice [start, end) into the logical script: line continuations removed and
 * comment lines inside a continued instruction dropped, with the source offset of every character.
 */
export function logicalText(
  text: string,
  start: number,
  end: number,
  escape: string | null,
): { chars: string; offsets: number[] } {
  let chars = '';
  const offsets: number[] = [];
  let i = start;
  let afterContinuation = false;
  while (i < end) {
    if (afterContinuation) {
      // Docker drops empty lines and comment lines that follow a continuation.
      let j = i;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < end && (text[j] === '\n' || text[j] === '\r')) {
        i = j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1);
        continue;
      }
      if (j < end && text[j] === '#') {
        while (j < end && text[j] !== '\n') j++;
        i = j + 1;
        continue;
      }
      afterContinuation = false;
    }
    const c = text[i];
    if (escape !== null && c === escape) {
      // escape + optional trailing blanks + newline = continuation
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j >= end || text[j] === '\n' || text[j] === '\r') {
        i = j < end ? j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1) : j;
        afterContinuation = true;
        continue;
      }
    }
    chars += c;
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { chars, offsets };
}

/** Parses the Dockerfile slice [start, end) as a shell script. */
export function parseShell(text: string, start: number, end: number, options: ShellOptions = {}): ShellScript {
  const escape = options.escape === undefined ? '\\' : options.escape;
  const { chars, offsets } = logicalText(text, start, end, escape);
  const commands = parseLogical(chars, offsets);
  return { commands: expandShC(commands), start, end };
}

const REDIRECT = /<<-|<<<|<<|<>|<&|>>|>&|>\||&>>|&>|<|>/y;
const FD_REDIRECT = />>|>&|>\||<&|<>|<|>/y;

/** Parses a script whose characters map to the given offsets (offsets.length === src.length + 1). */
export function parseLogical(src: string, offsets: number[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let redirects: ShellCommand['redirects'] = [];
  let before: ShellOperator | null = null;
  let pendingHeredocs: { delim: string; strip: boolean }[] = [];
  let pendingRedirect: { op: string; start: number; end: number } | null = null;
  const n = src.length;
  const off = (i: number) => offsets[Math.min(i, offsets.length - 1)];

  const pushWord = (w: ShellWord) => {
    if (pendingRedirect) {
      redirects.push({ op: pendingRedirect.op, target: w, start: pendingRedirect.start, end: w.end });
      pendingRedirect = null;
    } else words.push(w);
  };
  const finish = (op: ShellOperator | null) => {
    if (pendingRedirect) {
      redirects.push({ ...pendingRedirect });
      pendingRedirect = null;
    }
    if (words.length > 0 || redirects.length > 0) {
      const argv = commandArgv(words);
      const all = [...words.map((w) => w.start), ...redirects.map((r) => r.start)];
      const ends = [...words.map((w) => w.end), ...redirects.map((r) => r.end)];
      commands.push({
        words,
        argv,
        name: baseName(argv[0]?.value ?? ''),
        start: Math.min(...all),
        end: Math.max(...ends),
        before,
        after: op,
        redirects,
      });
      before = op;
    } else if (op !== null && op !== '\n' && commands.length > 0 && before === null) {
      before = op;
    } else if (op !== null && op !== '\n') {
      before = op;
    }
    words = [];
    redirects = [];
  };

  let i = 0;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      finish('\n');
      i++;
      // skip the bodies of here-documents opened on the line just ended
      for (const h of pendingHeredocs) {
        while (i < n) {
          let lineEnd = src.indexOf('\n', i);
          if (lineEnd < 0) lineEnd = n;
          let line = src.slice(i, lineEnd).replace(/\r$/, '');
          if (h.strip) line = line.replace(/^\t+/, '');
          i = lineEnd + 1;
          if (line === h.delim) break;
        }
      }
      pendingHeredocs = [];
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    const d = src[i + 1];
    if ((c === '&' || c === '|' || c === ';') && d === c) {
      finish((c + c) as ShellOperator);
      i += 2;
      continue;
    }
    if (c === ';' || c === '|' || (c === '&' && src[i + 1] !== '>')) {
      finish(c as ShellOperator);
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      finish(';');
      i++;
      continue;
    }
    if (c === '<' || c === '>' || (c === '&' && src[i + 1] === '>')) {
      REDIRECT.lastIndex = i;
      const op = REDIRECT.exec(src)![0];
      const rStart = off(i);
      i += op.length;
      if (op === '<<' || op === '<<-') {
        while (i < n && (src[i] === ' ' || src[i] === '\t')) i++;
        const w = readWord(src, offsets, i);
        if (w) {
          pendingHeredocs.push({ delim: w.word.value, strip: op === '<<-' });
          redirects.push({ op, target: w.word, start: rStart, end: w.word.end });
          i = w.next;
        }
        continue;
      }
      pendingRedirect = { op, start: rStart, end: off(i) };
      if ((op === '>&' || op === '<&') && /[0-9-]/.test(src[i] ?? '')) {
        const w = readWord(src, offsets, i);
        if (w) {
          pushWord(w.word);
          i = w.next;
        }
      }
      continue;
    }
    const w = readWord(src, offsets, i);
    if (!w) {
      i++;
      continue;
    }
    // `2>file`: a word of digits directly followed by a redirection is a file descriptor
    if (/^[0-9]+$/.test(w.word.value) && !w.word.quoted && (src[w.next] === '>' || src[w.next] === '<')) {
      i = w.next;
      FD_REDIRECT.lastIndex = i;
      const m = FD_REDIRECT.exec(src)!;
      pendingRedirect = { op: w.word.value + m[0], start: w.word.start, end: off(i + m[0].length) };
      i += m[0].length;
      if (/[&]$/.test(m[0]) && /[0-9-]/.test(src[i] ?? '')) {
        const t = readWord(src, offsets, i);
        if (t) {
          pushWord(t.word);
          i = t.next;
        }
      }
      continue;
    }
    pushWord(w.word);
    i = w.next;
  }
  finish(null);
  if (commands.length > 0) commands[commands.length - 1].after = null;
  return commands;
}

/** Drops leading assignments and reserved words; `for`/`case` heads keep their keyword as name. */
function commandArgv(words: ShellWord[]): ShellWord[] {
  let k = 0;
  while (k < words.length) {
    const w = words[k];
    if (!w.quoted && RESERVED.has(w.value)) {
      k++;
      continue;
    }
    if (!w.quoted && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(w.value)) {
      k++;
      continue;
    }
    break;
  }
  return words.slice(k);
}

/** Reads one word starting at src[i]; returns undefined at an operator or blank. */
function readWord(src: string, offsets: number[], i: number): { word: ShellWord; next: number } | undefined {
  const n = src.length;
  const start = i;
  let value = '';
  let quoted = false;
  while (i < n) {
    const c = src[i];
    if (
      c === ' ' ||
      c === '\t' ||
      c === '\n' ||
      c === '\r' ||
      c === ';' ||
      c === '&' ||
      c === '|' ||
      c === '<' ||
      c === '>' ||
      c === '(' ||
      c === ')'
    ) {
      break;
    }
    if (c === '\\') {
      if (i + 1 < n) {
        value += src[i + 1];
        i += 2;
        quoted = true;
        continue;
      }
      i++;
      continue;
    }
    if (c === "'") {
      quoted = true;
      const close = src.indexOf("'", i + 1);
      const e = close < 0 ? n : close;
      value += src.slice(i + 1, e);
      i = e + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      i++;
      while (i < n && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(src[i + 1])) {
          value += src[i + 1];
          i += 2;
          continue;
        }
        if (src[i] === '$' && src[i + 1] === '(') {
          const e = matchParen(src, i + 1);
          value += src.slice(i, e);
          i = e;
          continue;
        }
        if (src[i] === '`') {
          const e = src.indexOf('`', i + 1);
          const stop = e < 0 ? n : e + 1;
          value += src.slice(i, stop);
          i = stop;
          continue;
        }
        value += src[i];
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && src[i + 1] === '(') {
      const e = matchParen(src, i + 1);
      value += src.slice(i, e);
      i = e;
      continue;
    }
    if (c === '$' && src[i + 1] === '{') {
      const e = src.indexOf('}', i);
      const stop = e < 0 ? n : e + 1;
      value += src.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '`') {
      const e = src.indexOf('`', i + 1);
      const stop = e < 0 ? n : e + 1;
      value += src.slice(i, stop);
      i = stop;
      continue;
    }
    value += c;
    i++;
  }
  if (i === start) return undefined;
  const endIndex = Math.min(i, n);
  return {
    word: { value, start: offsets[start], end: offsets[endIndex - 1] + 1, quoted },
    next: endIndex,
  };
}

/** Index just after the parenthesis matching the one at `open`. */
function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "'") {
      const e = src.indexOf("'", i + 1);
      if (e < 0) return src.length;
      i = e;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return src.length;
}

/** Replaces `sh -c 'script'` by the commands of its script (keeping the sh command too). */
function expandShC(commands: ShellCommand[]): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const cmd of commands) {
    out.push(cmd);
    let argv = cmd.argv;
    if (argv[0]?.value === '/usr/bin/env' || argv[0]?.value === 'env') argv = argv.slice(1);
    if (!argv[0] || !SHELLS.has(argv[0].value)) continue;
    // `-c`, `-ec`, `-xce`…: as /^-[a-z]*c[a-z]*$/ this was quadratic on a long `-ccc…x`
    const cIndex = argv.findIndex((w, k) => k > 0 && /^-[a-z]*$/.test(w.value) && w.value.includes('c'));
    const script = cIndex > 0 ? argv[cIndex + 1] : undefined;
    if (!script) continue;
    // Map the script's characters to the word's text when it is a plain single-quoted word.
    const offsets: number[] = [];
    const rawLen = script.end - script.start;
    const simple = rawLen === script.value.length + 2;
    for (let k = 0; k <= script.value.length; k++)
      offsets.push(simple ? script.start + 1 + k : k === script.value.length ? script.end : script.start);
    const inner = parseLogical(script.value, offsets);
    for (const c of inner) out.push(...expandShC([{ ...c, via: script }]));
  }
  return out;
}

/** Helpers for rules. */

/** Whether a word is a flag (starts with `-`). */
export function isFlag(w: ShellWord): boolean {
  return w.value.startsWith('-') && w.value !== '-';
}

/** Whether the command has one of the flags; short flags are also found inside groups (`-qy`). */
export function hasFlag(cmd: ShellCommand, long: string[], short: string[] = []): boolean {
  for (const w of cmd.argv.slice(1)) {
    const v = w.value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const name = v.slice(2).split('=')[0];
      if (long.includes(name)) return true;
    } else if (v.startsWith('-') && v.length > 1) {
      for (const ch of v.slice(1)) if (short.includes(ch)) return true;
    }
  }
  return false;
}

/** The first non-flag argument (the subcommand), e.g. `install` in `apt-get -q install`. */
export function subcommand(cmd: ShellCommand, flagsWithValue: string[] = []): ShellWord | undefined {
  const a = cmd.argv;
  for (let k = 1; k < a.length; k++) {
    const v = a[k].value;
    if (v.startsWith('-')) {
      if (flagsWithValue.includes(v)) k++;
      continue;
    }
    return a[k];
  }
  return undefined;
}

/** Positional arguments after the subcommand, skipping flags (and the values of the given flags). */
export function positionalsAfter(
  cmd: ShellCommand,
  after: ShellWord | undefined,
  flagsWithValue: string[] = [],
): ShellWord[] {
  const a = cmd.argv;
  let k = after ? a.indexOf(after) + 1 : 1;
  const out: ShellWord[] = [];
  for (; k < a.length; k++) {
    const v = a[k].value;
    if (v.startsWith('-')) {
      if (flagsWithValue.includes(v.split('=')[0]) && !v.includes('=')) k++;
      continue;
    }
    out.push(a[k]);
  }
  return out;
}

/** The base name of a command path: `/usr/bin/apt-get` → `apt-get`. */
export function baseName(name: string): string {
  const i = name.lastIndexOf('/');
  return i >= 0 ? name.slice(i + 1) : name;
}
