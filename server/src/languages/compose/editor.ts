/** Formatting and document links of a compose file (references live with definition and rename, in navigate.ts). */
import { isMap, isScalar } from 'yaml';
import { protectedBy, tidyWhitespace, withinRange } from '../../engine/format';
import type { DocLink, FeatureContext, FormatOptions, OffsetEdit, Span } from '../../engine/types';
import { whitespaceContent } from '../../yaml/format';
import { entry, items, nodeEnd, str, type YNode } from '../../yaml/view';
import { localBuild } from './build';
import type { ComposeModel } from './parse';
import { contentStart, resolveFrom } from './refs';

type Ctx = FeatureContext<ComposeModel>;

/**
 * What is safe to change in YAML without a formatter that keeps comments: trailing whitespace and one final newline,
 * never inside block scalars or scalars written across lines. A file that does not parse is left alone.
 */
export function format(ctx: Ctx, _options: FormatOptions, range?: Span): OffsetEdit[] {
  const { doc } = ctx.model;
  if (!doc || doc.errors.length) return [];
  return withinRange(tidyWhitespace(ctx.text, protectedBy(whitespaceContent(doc, ctx.text))), range);
}

/** The span of a plain or quoted scalar's text. */
function valueSpan(node: YNode, text: string, value: string): Span {
  const start = contentStart(node, text);
  return { start, end: Math.min(start + value.length, nodeEnd(node)) };
}

/**
 * The paths a compose file names, where they exist: `build.context` and `build.dockerfile`, `env_file`, the `file` of
 * top-level secrets and configs, `extends.file`, `include`, and bind-mount sources.
 */
export function documentLinks(ctx: Ctx): DocLink[] {
  const { model, text } = ctx;
  const out: DocLink[] = [];
  if (!model.doc || !ctx.path.startsWith('/')) return out;
  const add = (node: YNode | null | undefined, resolved?: string) => {
    const value = str(node);
    if (!node || !value || value.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return;
    const path = resolved ?? resolveFrom(ctx.path, value);
    if (!ctx.workspace.exists(path)) return;
    out.push({ ...valueSpan(node, text, value), path });
  };
  for (const svc of model.services) {
    const b = localBuild(model, svc, ctx.path);
    if (b) {
      add(b.contextNode, b.contextPath);
      add(b.dockerfileNode, b.dockerfilePath);
    }
    const env = svc.get('env_file')?.value;
    if (env && isScalar(env)) add(env);
    for (const i of items(env, model.doc)) add(isMap(i) ? entry(i, model.doc, 'path')?.value : i);
    const ext = svc.get('extends')?.value;
    if (ext && isMap(ext)) add(entry(ext, model.doc, 'file')?.value);
    for (const v of items(svc.get('volumes')?.value, model.doc)) {
      if (isScalar(v)) {
        const s = str(v) ?? '';
        const src = s.split(':')[0];
        if (/^\.\.?(\/|$)/.test(src) && s.includes(':')) {
          const path = resolveFrom(ctx.path, src);
          if (ctx.workspace.exists(path)) out.push({ ...valueSpan(v, text, src), path });
        }
      } else if (isMap(v) && str(entry(v, model.doc, 'type')?.value) === 'bind')
        add(entry(v, model.doc, 'source')?.value);
    }
  }
  for (const section of ['secrets', 'configs'] as const)
    for (const d of model.resources[section])
      if (d.value && isMap(d.value)) add(entry(d.value, model.doc, 'file')?.value);
  const inc = model.top.find((e) => e.key === 'include')?.value;
  for (const i of items(inc, model.doc)) {
    if (isScalar(i)) add(i);
    else if (isMap(i)) {
      const p = entry(i, model.doc, 'path')?.value;
      if (p && isScalar(p)) add(p);
      else for (const x of items(p, model.doc)) add(x);
      add(entry(i, model.doc, 'env_file')?.value);
    }
  }
  return out;
}
