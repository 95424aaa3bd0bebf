/**
 * .dockerignore patterns as the Docker CLI reads them (moby/patternmatcher semantics): one pattern
 * per line, `#` comments, leading `!` re-includes, paths cleaned (`./a` → `a`, leading `/`
 * dropped), Go `filepath.Match` syntax (`*`, `?`, `[...]`, `\` escapes) plus `**` for any number
 * of directories. The last matching pattern wins; a pattern that matches a directory excludes
 * everything under it.
 */

export interface IgnorePattern {
  /** The pattern as written (without `!`). */
  text: string;
  /** The cleaned pattern used for matching. */
  cleaned: string;
  negated: boolean;
  /** Offsets of the line's pattern in the file (from the `!` if any). */
  start: number;
  end: number;
  regex?: RegExp;
  /** Why the pattern is malformed, if it is. */
  error?: string;
}

export interface DockerignoreModel {
  patterns: IgnorePattern[];
  text: string;
}

export function parseDockerignore(text: string): DockerignoreModel {
  const patterns: IgnorePattern[] = [];
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.replace(/\r$/, '');
    if (line.trimStart().startsWith('#')) continue;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const lead = line.indexOf(trimmed);
    let p = trimmed;
    let negated = false;
    if (p.startsWith('!')) {
      negated = true;
      p = p.slice(1).trim();
    }
    const cleaned = cleanPath(p);
    const pat: IgnorePattern = {
      text: p,
      cleaned,
      negated,
      start: lineStart + lead,
      end: lineStart + lead + trimmed.length,
    };
    const compiled = compile(cleaned);
    if (typeof compiled === 'string') pat.error = compiled;
    else pat.regex = compiled;
    patterns.push(pat);
  }
  return { patterns, text };
}

/** filepath.Clean plus dropping a leading `/` and `./`. */
export function cleanPath(p: string): string {
  const abs = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!abs) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const out = parts.join('/');
  return out === '' ? '.' : out;
}

/** Compiles a pattern to a regular expression over cleaned relative paths, or returns an error message. */
export function compile(pattern: string): RegExp | string {
  let re = '^';
  const n = pattern.length;
  for (let i = 0; i < n; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` matches zero or more directories; a trailing `**` matches everything
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = findClass(pattern, i);
      if (close < 0) return 'unclosed character class `[`';
      let body = pattern.slice(i + 1, close);
      if (body === '' || body === '^' || body === '!') return 'empty character class `[]`';
      if (body.startsWith('^') || body.startsWith('!')) body = '^' + body.slice(1);
      if (/(^|[^\\])-$/.test(body) && !body.endsWith('\\-')) return 'bad range in character class';
      for (const m of body.matchAll(/(\\?.)-(\\?.)/g)) {
        const a = m[1].slice(-1),
          b = m[2].slice(-1);
        if (a > b) return `bad range \`${a}-${b}\` in character class`;
      }
      re += '[' + body.replace(/\//g, '') + ']';
      i = close;
    } else if (c === '\\') {
      if (i + 1 >= n) return 'trailing `\\` escapes nothing';
      re += escapeRe(pattern[i + 1]);
      i++;
    } else re += escapeRe(c);
  }
  re += '(?:/.*)?$';
  try {
    return new RegExp(re);
  } catch (e) {
    return (e as Error).message;
  }
}

function findClass(p: string, open: number): number {
  for (let i = open + 1; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] === ']' && i > open + 1) return i;
  }
  return -1;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether a path (relative to the context root, `/`-separated) is excluded. */
export function isExcluded(model: DockerignoreModel, relPath: string): { excluded: boolean; by?: IgnorePattern } {
  const p = cleanPath(relPath);
  let excluded = false;
  let by: IgnorePattern | undefined;
  for (const pat of model.patterns) {
    if (!pat.regex) continue;
    if (pat.regex.test(p) || parentMatches(pat.regex, p)) {
      excluded = !pat.negated;
      by = pat;
    }
  }
  return { excluded, by: excluded ? by : undefined };
}

function parentMatches(re: RegExp, p: string): boolean {
  const parts = p.split('/');
  for (let k = 1; k < parts.length; k++) if (re.test(parts.slice(0, k).join('/'))) return true;
  return false;
}
