// A small expander for VS Code snippet syntax, to check what a snippet inserts when the user
// accepts every default: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}` (first choice),
// `$0`, variables (`$TM_FILENAME`, `${TM_FILENAME_BASE:default}`, `${VAR/regex/format/flags}`),
// tab-stop transforms, and the escapes `\$`, `\}`, `\\` (and `\,` `\|` inside choices).
// Unknown variables become their name, as VS Code does.

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; transform?: Transform }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[]; transform?: Transform };

interface Transform {
  regex: RegExp;
  format: string;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node[] {
    const nodes = this.sequence(false);
    return nodes;
  }

  private sequence(inPlaceholder: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '\\' && this.i + 1 < this.s.length && '$}\\'.includes(this.s[this.i + 1]!)) {
        text += this.s[this.i + 1];
        this.i += 2;
        continue;
      }
      if (inPlaceholder && c === '}') break;
      if (c === '$') {
        const start = this.i;
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
          continue;
        }
        this.i = start + 1;
        text += '$';
        continue;
      }
      text += c;
      this.i++;
    }
    flush();
    return out;
  }

  private int(): number | undefined {
    const m = /^\d+/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return Number(m[0]);
  }

  private varName(): string | undefined {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  /** At a `$`: a tab stop, placeholder, choice or variable, or undefined (then `$` is text). */
  private dollar(): Node | undefined {
    this.i++; // $
    if (this.s[this.i] !== '{') {
      const index = this.int();
      if (index !== undefined) return { kind: 'tabstop', index };
      const name = this.varName();
      if (name !== undefined) return { kind: 'variable', name };
      return undefined;
    }
    this.i++; // {
    const index = this.int();
    if (index !== undefined) {
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        return { kind: 'tabstop', index };
      }
      if (c === ':') {
        this.i++;
        const children = this.sequence(true);
        if (this.s[this.i] !== '}') return undefined;
        this.i++;
        return { kind: 'placeholder', index, children };
      }
      if (c === '|') {
        this.i++;
        const options: string[] = [];
        let cur = '';
        while (this.i < this.s.length) {
          const d = this.s[this.i]!;
          if (d === '\\' && ',|\\'.includes(this.s[this.i + 1] ?? '')) {
            cur += this.s[this.i + 1];
            this.i += 2;
            continue;
          }
          if (d === ',') {
            options.push(cur);
            cur = '';
            this.i++;
            continue;
          }
          if (d === '|' && this.s[this.i + 1] === '}') {
            options.push(cur);
            this.i += 2;
            return { kind: 'choice', index, options };
          }
          cur += d;
          this.i++;
        }
        return undefined;
      }
      if (c === '/') {
        const transform = this.transform();
        if (!transform || this.s[this.i] !== '}') return undefined;
        this.i++;
        return { kind: 'tabstop', index, transform };
      }
      return undefined;
    }
    const name = this.varName();
    if (name === undefined) return undefined;
    const c = this.s[this.i];
    if (c === '}') {
      this.i++;
      return { kind: 'variable', name };
    }
    if (c === ':') {
      this.i++;
      const children = this.sequence(true);
      if (this.s[this.i] !== '}') return undefined;
      this.i++;
      return { kind: 'variable', name, children };
    }
    if (c === '/') {
      const transform = this.transform();
      if (!transform || this.s[this.i] !== '}') return undefined;
      this.i++;
      return { kind: 'variable', name, transform };
    }
    return undefined;
  }

  /** `/regex/format/options` (the cursor is on the first `/`). */
  private transform(): Transform | undefined {
    const part = (): string | undefined => {
      let out = '';
      while (this.i < this.s.length) {
        const c = this.s[this.i]!;
        if (c === '$' && this.s[this.i + 1] === '{') {
          // a format item such as ${1:/upcase} may contain slashes
          const close = this.s.indexOf('}', this.i);
          if (close < 0) return undefined;
          out += this.s.slice(this.i, close + 1);
          this.i = close + 1;
          continue;
        }
        if (c === '\\' && this.s[this.i + 1] === '/') {
          out += '/';
          this.i += 2;
          continue;
        }
        if (c === '/') {
          this.i++;
          return out;
        }
        out += c;
        this.i++;
      }
      return undefined;
    };
    this.i++; // first /
    const regex = part();
    const format = part();
    if (regex === undefined || format === undefined) return undefined;
    const flags = /^[a-z]*/.exec(this.s.slice(this.i))![0];
    this.i += flags.length;
    return { regex: new RegExp(regex, flags), format };
  }
}

function applyTransform(value: string, t: Transform): string {
  return value.replace(t.regex, (...args: unknown[]) => {
    const end = args.findIndex((x) => typeof x === 'number'); // the match offset follows the groups
    const groups = args.slice(0, end) as Array<string | undefined>;
    const format = /\$(\d+)|\$\{(\d+)(?::(\/upcase|\/downcase|\/capitalize|\+[^}]*|\?[^:}]*:[^}]*|-[^}]*|[^}]*))?\}/g;
    return t.format.replace(format, (_m, a?: string, b?: string, op?: string) => {
      const g = groups[Number(a ?? b)] ?? '';
      if (op === undefined) return g;
      if (op === '/upcase') return g.toUpperCase();
      if (op === '/downcase') return g.toLowerCase();
      if (op === '/capitalize') return g.charAt(0).toUpperCase() + g.slice(1);
      if (op.startsWith('+')) return g ? op.slice(1) : '';
      if (op.startsWith('?')) {
        const [yes, no] = op.slice(1).split(':');
        return g ? yes! : (no ?? '');
      }
      if (op.startsWith('-')) return g || op.slice(1);
      return g || op;
    });
  });
}

export interface ExpandOptions {
  /** Values for snippet variables (TM_FILENAME, WORKSPACE_NAME, ...). */
  variables?: Record<string, string>;
  /** Override tab stop values by index (default: each placeholder's default, first choice). */
  tabstops?: Record<number, string>;
}

export const DEFAULT_VARIABLES: Record<string, string> = {
  TM_FILENAME: 'Dockerfile',
  TM_FILENAME_BASE: 'Dockerfile',
  TM_DIRECTORY: '/workspace/app',
  TM_FILEPATH: '/workspace/app/Dockerfile',
  RELATIVE_FILEPATH: 'Dockerfile',
  WORKSPACE_NAME: 'app',
  WORKSPACE_FOLDER: '/workspace/app',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  CLIPBOARD: '',
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '01',
  LINE_COMMENT: '#',
};

/** Expand snippet text as VS Code would when every default is accepted. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new Parser(text).parse();
  const variables = { ...DEFAULT_VARIABLES, ...(options.variables ?? {}) };
  const values = new Map<number, string>();
  for (const [k, v] of Object.entries(options.tabstops ?? {})) values.set(Number(k), v);

  // First pass: the defining occurrence of each tab stop (first placeholder or choice) gives its value.
  const define = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind === 'placeholder') {
        define(n.children);
        if (!values.has(n.index)) values.set(n.index, render(n.children));
      } else if (n.kind === 'choice') {
        if (!values.has(n.index)) values.set(n.index, n.options[0] ?? '');
      } else if (n.kind === 'variable' && n.children) {
        define(n.children);
      }
    }
  };
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'tabstop': {
            const v = values.get(n.index) ?? '';
            return n.transform ? applyTransform(v, n.transform) : v;
          }
          case 'placeholder':
            return values.get(n.index) ?? render(n.children);
          case 'choice':
            return values.get(n.index) ?? n.options[0] ?? '';
          case 'variable': {
            const v = variables[n.name];
            if (v === undefined) return n.children ? render(n.children) : n.name;
            if (n.transform) return applyTransform(v, n.transform);
            return v === '' && n.children ? render(n.children) : v;
          }
        }
      })
      .join('');
  define(nodes);
  return render(nodes);
}

/** Tab stop indexes used by a snippet (for checks such as "has a final $0 or a first stop"). */
export function tabStops(body: string | string[]): number[] {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const found = new Set<number>();
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop' || n.kind === 'choice') found.add(n.index);
      if (n.kind === 'placeholder') {
        found.add(n.index);
        walk(n.children);
      }
      if (n.kind === 'variable' && n.children) walk(n.children);
    }
  };
  walk(new Parser(text).parse());
  return [...found].sort((a, b) => a - b);
}
