import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Paths and URIs, converted in one place: file: URIs become absolute POSIX paths; other schemes (untitled:) keep their
 * URI as the "path", and go back unchanged.
 */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri).split('\\').join('/');
    } catch {
      return uri;
    }
  }
  return uri;
}

export function pathToUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path;
  return pathToFileURL(path).href;
}

/** `b` relative to the folder `a` and `b` share (`Dockerfile`, `.github/workflows/ci.yml`). */
export function shortPath(a: string, b: string): string {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return y.slice(i).join('/');
}

/**
 * A Markdown link from a hover in `from` to a line of another file, `[Dockerfile:7](file:///…#L7)`. `line` is
 * 0-based. The one place hovers build such links (through `pathToUri`, so `untitled:` and other schemes survive).
 */
export function markdownLink(from: string, path: string, line: number): string {
  return `[${shortPath(from, path)}:${line + 1}](${pathToUri(path)}#L${line + 1})`;
}
