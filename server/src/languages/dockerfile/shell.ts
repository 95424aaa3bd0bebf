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
  /** When quoted: how many leading characters of `value` were written without quotes (`A="x y"` → 2). */
  unquoted?: number;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '&' | '\n' | ';;';

export interface ShellCommand {
  /** Every word, including leading `VAR=value` assignments and keywords such as `then`. */
  words: ShellWord[];
  /** The leading `VAR=value` assignments (the command's environment prefix), value after quote removal. */
  env: ShellAssignment[];
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

export interface ShellAssignment {
  name: string;
  value: string;
  word: ShellWord;
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
 * Where each character of a logical script comes from: `at(i)` is the Dockerfile offset of character `i`, and
 * `at(length)` the offset just after the script. Stored as runs of consecutive characters, not one number per
 * character.
 */
export interface Offsets {
  at(i: number): number;
}

/** Offsets of a script that is one run of the text starting at `start` (`end` after its last character). */
export function linearOffsets(start: number, length: number, end = start + length): Offsets {
  return { at: (i) => (i >= length ? end : start + i) };
}

/** Offsets made of runs: run k starts at logical index `logical[k]` and Dockerfile offset `source[k]`. */
class RunOffsets implements Offsets {
  constructor(
    private readonly logical: number[],
    private readonly source: number[],
    private readonly length: number,
    private readonly end: number,
  ) {}
  at(i: number): number {
    if (i >= this.length) return this.end;
    let lo = 0;
    let hi = this.logical.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.logical[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.source[lo] + (i - this.logical[lo]);
  }
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
): { chars: string; offsets: Offsets } {
  const firstEscape = escape === null ? -1 : text.indexOf(escape, start);
  if (firstEscape < 0 || firstEscape >= end)
    return { chars: text.slice(start, end), offsets: linearOffsets(start, end - start, end) };
  const logical: number[] = [];
  const source: number[] = [];
  let chars = '';
  let runStart = start;
  const flush = (upto: number) => {
    if (upto <= runStart) return;
    logical.push(chars.length);
    source.push(runStart);
    chars += text.slice(runStart, upto);
  };
  let i = start;
  let afterContinuation = false;
  while (i < end) {
    if (afterContinuation) {
      // Docker drops empty lines and comment lines that follow a continuation.
      let j = i;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < end && (text[j] === '\n' || text[j] === '\r')) {
        i = runStart = j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1);
        continue;
      }
      if (j < end && text[j] === '#') {
        while (j < end && text[j] !== '\n') j++;
        i = runStart = j + 1;
        continue;
      }
      afterContinuation = false;
    }
    if (text[i] === escape) {
      // escape + optional trailing blanks + newline = continuation
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j >= end || text[j] === '\n' || text[j] === '\r') {
        flush(i);
        i = runStart = j < end ? j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1) : j;
        afterContinuation = true;
        continue;
      }
    }
    i++;
  }
  flush(Math.min(i, end));
  if (!logical.length) return { chars, offsets: linearOffsets(end, 0, end) };
  return { chars, offsets: new RunOffsets(logical, source, chars.length, end) };
}

/** Parses the Dockerfile slice [start, end) as a shell script. */
export function parseShell(text: string, start: number, end: number, options: ShellOptions = {}): ShellScript {
  const escape = options.escape === undefined ? '\\' : options.escape;
  const { chars, offsets } = logicalText(text, start, end, escape);
  const commands = parseLogical(chars, offsets);
  return { commands: expandShC(commands), start, end };
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/;
const REDIRECT = /<<-|<<<|<<|<>|<&|>>|>&|>\||&>>|&>|<|>/y;
const FD_REDIRECT = />>|>&|>\||<&|<>|<|>/y;

/** Parses a script whose characters map to the given offsets. */
export function parseLogical(src: string, offsets: Offsets): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let redirects: ShellCommand['redirects'] = [];
  let before: ShellOperator | null = null;
  let pendingHeredocs: { delim: string; strip: boolean }[] = [];
  let pendingRedirect: { op: string; start: number; end: number } | null = null;
  const n = src.length;
  const off = (i: number) => offsets.at(i);

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
      const env: ShellAssignment[] = [];
      for (const w of words) {
        if (w === argv[0]) break;
        const m = isAssignment(w) ? ASSIGNMENT.exec(w.value) : null;
        if (m) env.push({ name: m[1], value: w.value.slice(m[0].length), word: w });
      }
      let start = Infinity;
      let end = -Infinity;
      for (const x of words) {
        if (x.start < start) start = x.start;
        if (x.end > end) end = x.end;
      }
      for (const x of redirects) {
        if (x.start < start) start = x.start;
        if (x.end > end) end = x.end;
      }
      commands.push({
        words,
        env,
        argv,
        name: baseName(argv[0]?.value ?? ''),
        start,
        end,
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

/** `NAME=value` with the name and `=` written unquoted (`A="x y"` is one, `"A=x"` is a command name). */
function isAssignment(w: ShellWord): boolean {
  const m = ASSIGNMENT.exec(w.value);
  return !!m && (!w.quoted || (w.unquoted ?? 0) >= m[0].length);
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
    if (isAssignment(w)) {
      k++;
      continue;
    }
    break;
  }
  return words.slice(k);
}

/** Characters that end a word or need more than copying. */
const SPECIAL = new Set([' ', '\t', '\n', '\r', ';', '&', '|', '<', '>', '(', ')', '\\', "'", '"', '$', '`']);

/** Reads one word starting at src[i]; returns undefined at an operator or blank. */
function readWord(src: string, offsets: Offsets, i: number): { word: ShellWord; next: number } | undefined {
  const n = src.length;
  const start = i;
  let value = '';
  let quoted = false;
  let unquoted = -1; // length of the leading part of `value` written without quotes
  const quote = () => {
    if (!quoted) unquoted = value.length;
    quoted = true;
  };
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
        quote();
        value += src[i + 1];
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    if (c === "'") {
      quote();
      const close = src.indexOf("'", i + 1);
      const e = close < 0 ? n : close;
      value += src.slice(i + 1, e);
      i = e + 1;
      continue;
    }
    if (c === '"') {
      quote();
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
    // a run of ordinary characters at once
    let k = i + 1;
    while (k < n && !SPECIAL.has(src[k])) k++;
    value += src.slice(i, k);
    i = k;
  }
  if (i === start) return undefined;
  const endIndex = Math.min(i, n);
  return {
    word: quoted
      ? { value, start: offsets.at(start), end: offsets.at(endIndex - 1) + 1, quoted, unquoted }
      : { value, start: offsets.at(start), end: offsets.at(endIndex - 1) + 1, quoted },
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
    const simple = script.end - script.start === script.value.length + 2;
    const offsets = simple
      ? linearOffsets(script.start + 1, script.value.length)
      : { at: (k: number) => (k >= script.value.length ? script.end : script.start) };
    const inner = parseLogical(script.value, offsets);
    for (const c of inner) out.push(...expandShC([Object.assign({}, c, { via: script })]));
  }
  return out;
}

/**
 * How a command reads its options: which take a value. Options are written with their dashes (`-t`,
 * `--target-release`); a value comes as the next word, after `=` (`--opt=value`, `-q=2`), or glued to a short
 * option (`-oAPT::X=1`, also last in a cluster: `-xt value`).
 */
export interface OptionSpec {
  withValue?: readonly string[];
  /** Options end at the first positional word (`git -C dir commit -m x`: only `-C` is git's). Default false. */
  stopAtPositional?: boolean;
  /** Options are whole words after one dash, as Go's (`-ldflags`, `-tags x`), not clusters of letters. */
  singleDash?: boolean;
}

export interface CommandOption {
  /** With its dashes: `-y`, `--yes`. A cluster `-yq` gives `-y` and `-q`. */
  name: string;
  value?: string;
  word: ShellWord;
  /** The word holding the value when it is the next word. */
  valueWord?: ShellWord;
}

/** A command's arguments read the way its option parser reads them. */
export class CommandArgs {
  constructor(
    /** Options in order (clusters split). */
    readonly options: CommandOption[],
    /** Words that are not options nor option values, in order, up to `--`. */
    readonly positionals: ShellWord[],
    /** Words after `--`. */
    readonly rest: ShellWord[],
  ) {}
  /** Whether one of the options is given (`has('-y', '--yes', '--assume-yes')`). */
  has(...names: string[]): boolean {
    return this.options.some((o) => names.includes(o.name));
  }
  /** How many times the options are given (`-q -q`, `-qq` → 2). */
  count(...names: string[]): number {
    return this.options.filter((o) => names.includes(o.name)).length;
  }
  /** The last value given to one of the options. */
  value(...names: string[]): string | undefined {
    let out: string | undefined;
    for (const o of this.options) if (names.includes(o.name) && o.value !== undefined) out = o.value;
    return out;
  }
  /** The first positional (a subcommand such as `install`). */
  get first(): ShellWord | undefined {
    return this.positionals[0];
  }
  /** The positionals after the first one (the packages of `install`). */
  get operands(): ShellWord[] {
    return this.positionals.slice(1);
  }
}

/** Reads `words` (the arguments, without the command name) as options, option values and positionals. */
export function readArgs(words: readonly ShellWord[], spec: OptionSpec = {}): CommandArgs {
  const withValue = spec.withValue ?? [];
  const options: CommandOption[] = [];
  const positionals: ShellWord[] = [];
  const rest: ShellWord[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const v = w.value;
    if (v === '--') {
      rest.push(...words.slice(k + 1));
      break;
    }
    if (v.length < 2 || v[0] !== '-' || (spec.stopAtPositional && positionals.length)) {
      positionals.push(w);
      continue;
    }
    if (v.startsWith('--') || spec.singleDash) {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v : v.slice(0, eq);
      if (eq >= 0) options.push({ name, value: v.slice(eq + 1), word: w });
      else if (withValue.includes(name) && k + 1 < words.length) {
        options.push({ name, value: words[k + 1].value, word: w, valueWord: words[k + 1] });
        k++;
      } else options.push({ name, word: w });
      continue;
    }
    // a cluster of one-letter options; one that takes a value takes the rest of the word, or the next word
    for (let j = 1; j < v.length; j++) {
      const name = '-' + v[j];
      if (v[j + 1] === '=') {
        options.push({ name, value: v.slice(j + 2), word: w });
        break;
      }
      if (!withValue.includes(name)) {
        options.push({ name, word: w });
        continue;
      }
      if (j + 1 < v.length) options.push({ name, value: v.slice(j + 1), word: w });
      else if (k + 1 < words.length) {
        options.push({ name, value: words[k + 1].value, word: w, valueWord: words[k + 1] });
        k++;
      } else options.push({ name, word: w });
      break;
    }
  }
  return new CommandArgs(options, positionals, rest);
}

/** The arguments of a command (after its name). */
export function commandArgs(cmd: ShellCommand, spec?: OptionSpec): CommandArgs {
  return readArgs(cmd.argv.slice(1), spec);
}

/**
 * The variables a command of a script sees from the script itself: its own `VAR=value` prefix, and what `export`
 * (or `declare -x`/`typeset -x`) set earlier in the same script. Later values win; `unset` removes.
 */
export function scriptEnv(commands: readonly ShellCommand[], cmd: ShellCommand): Map<string, string> {
  const env = new Map<string, string>();
  for (const c of commands) {
    if (c === cmd) break;
    if (c.via !== cmd.via) continue;
    const exporting =
      c.name === 'export' || ((c.name === 'declare' || c.name === 'typeset') && c.argv.some((w) => w.value === '-x'));
    if (exporting)
      for (const w of c.argv.slice(1)) {
        const m = ASSIGNMENT.exec(w.value);
        if (m) env.set(m[1], w.value.slice(m[0].length));
      }
    else if (c.name === 'unset') for (const w of c.argv.slice(1)) env.delete(w.value);
  }
  for (const a of cmd.env) env.set(a.name, a.value);
  return env;
}

/** The base name of a command path: `/usr/bin/apt-get` → `apt-get`. */
export function baseName(name: string): string {
  const i = name.lastIndexOf('/');
  return i >= 0 ? name.slice(i + 1) : name;
}
