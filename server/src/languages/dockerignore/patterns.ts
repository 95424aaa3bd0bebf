/**
 * .dockerignore patterns as the Docker CLI reads them (moby/patternmatcher semantics): one pattern
 * per line, `#` comments, leading `!` re-includes, paths cleaned (`./a` → `a`, leading `/`
 * dropped), Go `filepath.Match` syntax (`*`, `?`, `[...]`, `\` escapes) plus `**` for any number
 * of directories. The last matching pattern wins; a pattern that matches a directory excludes
 * everything under it.
 */
import { compileGlob, type Glob } from '../../text/glob';

export interface IgnorePattern {
  /** The pattern as written (without `!`). */
  text: string;
  /** The cleaned pattern used for matching. */
  cleaned: string;
  negated: boolean;
  /** Offsets of the line's pattern in the file (from the `!` if any). */
  start: number;
  end: number;
  /** Matches a cleaned relative path, or a folder that holds it; absent when the pattern is malformed. */
  matcher?: Glob;
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
    else pat.matcher = compiled;
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

/**
 * Compiles a cleaned pattern to a matcher over cleaned relative paths (a match also matches
 * everything under it), or returns an error message. The matcher never backtracks (text/glob.ts):
 * a regular expression made from `**∕**∕…∕b` took exponential time on a deep COPY source.
 */
export function compile(pattern: string): Glob | string {
  return compileGlob(pattern, { descendants: true });
}

/** Whether a path (relative to the context root, `/`-separated) is excluded. */
export function isExcluded(model: DockerignoreModel, relPath: string): { excluded: boolean; by?: IgnorePattern } {
  const p = cleanPath(relPath);
  let excluded = false;
  let by: IgnorePattern | undefined;
  for (const pat of model.patterns) {
    if (!pat.matcher) continue;
    if (pat.matcher.test(p)) {
      excluded = !pat.negated;
      by = pat;
    }
  }
  return { excluded, by: excluded ? by : undefined };
}
