/**
 * Formatting, references, links and semantic tokens of Nix files. Formatting does only what every Nix formatter
 * agrees on (no trailing whitespace outside strings, one final newline): the community's formatter (nixfmt, RFC 166)
 * is a Haskell program with no JavaScript build, so the layout of the code stays the user's.
 */
import { posix } from 'node:path';
import { tidyWhitespace, withinRange } from '../../engine/format';
import type {
  DocLink,
  FeatureContext,
  FormatOptions,
  OffsetEdit,
  Occurrence,
  SemanticToken,
  Span,
} from '../../engine/types';
import type * as A from './ast';
import { T } from './lexer';
import { scopes, type Def } from './scope';
import { walk } from './util';

type Ctx = FeatureContext<A.NixModel>;

/** Tokens whose text is content: strings and indented strings (their trailing spaces are part of the value). */
const CONTENT = new Set<number>([T.STR, T.IND_STR, T.PATH, T.HPATH, T.SPATH, T.URI, T.ERROR, T.INVALID]);

export function format(ctx: Ctx, _options: FormatOptions, range?: Span): OffsetEdit[] {
  const { model } = ctx;
  if (model.problems.length) return [];
  const tokens = model.tokens.filter((t) => CONTENT.has(t.kind));
  const isProtected = (start: number, end: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < tokens.length && tokens[lo].start < Math.max(end, start + 1);
  };
  return withinRange(tidyWhitespace(ctx.text, isProtected), range);
}

/** The binding a name at the offset is or refers to. */
export function defAt(model: A.NixModel, offset: number): Def | undefined {
  const info = scopes(model);
  const ref = info.refs.find((r) => r.start <= offset && offset <= r.end);
  if (ref) return typeof ref.target === 'object' ? ref.target : undefined;
  return info.defs.find((d) => d.node.start <= offset && offset <= d.node.end);
}

/** A `let` binding, argument, formal, `rec` attribute or inherited name, and every use of it. */
export function references(ctx: Ctx, offset: number): Occurrence[] {
  const def = defAt(ctx.model, offset);
  if (!def) return [];
  const out: Occurrence[] = [{ path: ctx.path, start: def.node.start, end: def.node.end, kind: 'write' }];
  for (const r of scopes(ctx.model).refs)
    if (r.target === def) out.push({ path: ctx.path, start: r.start, end: r.end, kind: 'read' });
  return out;
}

/** The file or folder a literal path names (`./x.nix`, `../lib`), from the file's folder; a folder's default.nix. */
export function resolvePath(ctx: { path: string; workspace: Ctx['workspace'] }, raw: string): string | undefined {
  if (!ctx.path.startsWith('/') || raw.startsWith('~')) return undefined;
  const p = raw.startsWith('/') ? posix.normalize(raw) : posix.join(posix.dirname(ctx.path), raw);
  const nix = `${p.replace(/\/$/, '')}/default.nix`;
  if (ctx.workspace.exists(nix)) return nix;
  return ctx.workspace.exists(p) ? p : undefined;
}

/** Literal paths (`import ./module.nix`, `./src`) that exist. */
export function documentLinks(ctx: Ctx): DocLink[] {
  const out: DocLink[] = [];
  for (const n of walk(ctx.model.root)) {
    if (n.type !== 'Path' || n.home || n.parts.length !== 1 || n.parts[0].type !== 'StrText') continue;
    const file = resolvePath(ctx, n.parts[0].raw);
    if (file) out.push({ start: n.start, end: n.end, path: file });
  }
  return out;
}

const DEF_TOKEN: Record<Def['kind'], SemanticToken['type']> = {
  param: 'parameter',
  formal: 'parameter',
  let: 'variable',
  rec: 'property',
  inherit: 'property',
};

/**
 * Bindings by what they are (arguments, let, attributes), builtins, attribute names, paths and the `${ }` of
 * interpolations.
 */
export function semanticTokens(ctx: Ctx): SemanticToken[] {
  const info = scopes(ctx.model);
  const out: SemanticToken[] = [];
  const defs = new Set<number>();
  for (const d of info.defs) {
    defs.add(d.node.start);
    if (d.node.type === 'Ident')
      out.push({ start: d.node.start, end: d.node.end, type: DEF_TOKEN[d.kind], modifiers: ['declaration'] });
  }
  for (const r of info.refs) {
    if (r.fromInherit) continue;
    if (typeof r.target === 'object') out.push({ start: r.start, end: r.end, type: DEF_TOKEN[r.target.kind] });
    else if (r.target === 'global')
      out.push({
        start: r.start,
        end: r.end,
        type: r.name === 'true' || r.name === 'false' || r.name === 'null' ? 'keyword' : 'function',
        modifiers: ['defaultLibrary'],
      });
  }
  for (const n of walk(ctx.model.root)) {
    switch (n.type) {
      case 'Attribute':
        for (const a of n.path)
          if (a.type === 'Ident' && !defs.has(a.start)) out.push({ start: a.start, end: a.end, type: 'property' });
        break;
      case 'Inherit':
        for (const a of n.names)
          if (a.type === 'Ident' && !defs.has(a.start)) out.push({ start: a.start, end: a.end, type: 'property' });
        break;
      case 'Select':
      case 'HasAttr': {
        const builtin = n.expr.type === 'Var' && n.expr.name === 'builtins';
        for (const a of n.path)
          if (a.type === 'Ident')
            out.push(
              builtin && a === n.path[0]
                ? { start: a.start, end: a.end, type: 'function', modifiers: ['defaultLibrary'] }
                : { start: a.start, end: a.end, type: 'property' },
            );
        break;
      }
      case 'Path':
        // the literal parts; interpolations inside are tokens of their own
        for (const p of n.parts) if (p.type === 'StrText') out.push({ start: p.start, end: p.end, type: 'string' });
        break;
      case 'SearchPath':
        out.push({ start: n.start, end: n.end, type: 'namespace' });
        break;
      case 'Interp':
        out.push({ start: n.start, end: n.start + 2, type: 'macro' });
        if (ctx.text[n.end - 1] === '}') out.push({ start: n.end - 1, end: n.end, type: 'macro' });
        break;
      default:
        break;
    }
  }
  return out;
}
