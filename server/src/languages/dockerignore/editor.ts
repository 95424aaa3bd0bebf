/** Symbols per pattern, definition from a pattern to the files it matches, and formatting of a .dockerignore. */
import { posix } from 'node:path';
import { tidyWhitespace, withinRange } from '../../engine/format';
import type { DocumentSymbolInfo, FeatureContext, FileSpan, FormatOptions, OffsetEdit, Span } from '../../engine/types';
import { isExcluded, type DockerignoreModel } from './patterns';

type Ctx = FeatureContext<DockerignoreModel>;

/** Each pattern, as the outline shows it: what it excludes or re-includes. */
export function symbols(ctx: Ctx): DocumentSymbolInfo[] {
  return ctx.model.patterns.map((p) => ({
    name: ctx.text.slice(p.start, p.end),
    detail: p.error ? 'malformed' : p.negated ? 're-includes' : 'excludes',
    kind: p.negated ? 'constant' : 'string',
    span: { start: p.start, end: p.end },
    selection: { start: p.start, end: p.end },
  }));
}

const MAX_FILES = 5000;
const MAX_RESULTS = 200;

/**
 * From a pattern to the files of the build context (the folder of the .dockerignore) it matches, a folder it matches
 * counting for every file in it; at most 200, from the first 5,000 files of the context.
 */
export function definition(ctx: Ctx, offset: number): FileSpan[] {
  const pattern = ctx.model.patterns.find((p) => offset >= p.start && offset <= p.end);
  if (!pattern?.matcher || !ctx.path.startsWith('/') || !ctx.workspace.filesUnder) return [];
  const dir = posix.dirname(ctx.path);
  const only = { patterns: [{ ...pattern, negated: false }], text: '' } as DockerignoreModel;
  const out: FileSpan[] = [];
  for (const file of ctx.workspace.filesUnder(dir, MAX_FILES)) {
    const rel = posix.relative(dir, file);
    if (rel && isExcluded(only, rel).excluded) out.push({ path: file, start: 0, end: 0 });
    if (out.length >= MAX_RESULTS) break;
  }
  return out;
}

/** Docker trims each line: trailing whitespace goes, and one final newline stays. */
export function format(ctx: Ctx, _options: FormatOptions, range?: Span): OffsetEdit[] {
  return withinRange(tidyWhitespace(ctx.text), range);
}
