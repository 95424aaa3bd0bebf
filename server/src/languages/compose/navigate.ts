/** Hover, go to definition, rename and document symbols for compose files. */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type {
  DocumentSymbolInfo,
  FeatureContext,
  FileEdits,
  FileSpan,
  HoverResult,
  Occurrence,
} from '../../engine/types';
import type { ComposeModel, Declared, ResourceSection } from './parse';
import { RESOURCE_SECTIONS, parseCompose } from './parse';
import { relatedModels, resolveFrom, resourceRefs, serviceRefs } from './refs';
import { keyDoc } from './complete';
import { shapeAt } from './spec';
import { entry, keyText, nodeEnd, nodeStart, str, type YNode } from '../../yaml/view';

const within = (o: number, s: number, e: number) => o >= s && o <= e;

/** The key under the offset and the path of keys to it ('[]' for list items). */
export function keyAt(model: ComposeModel, offset: number): { path: string[]; start: number; end: number } | undefined {
  const walk = (
    node: YNode | null | undefined,
    path: string[],
    depth: number,
  ): { path: string[]; start: number; end: number } | undefined => {
    if (!node || depth > 60) return undefined;
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        const k = p.key as YNode;
        const key = keyText(k);
        if (k && within(offset, nodeStart(k), nodeEnd(k)))
          return { path: [...path, key], start: nodeStart(k), end: nodeEnd(k) };
        const v = p.value as YNode | null;
        if (v && within(offset, nodeStart(v), nodeEnd(v))) return walk(v, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      for (const i of node.items as YNode[])
        if (i && within(offset, nodeStart(i), nodeEnd(i))) return walk(i, [...path, '[]'], depth + 1);
    }
    return undefined;
  };
  return walk(model.root, [], 0);
}

type Target = { kind: 'service'; name: string } | { kind: ResourceSection; name: string };

/** What name is under the offset: a declaration or a reference. */
function targetAt(model: ComposeModel, offset: number): Target | undefined {
  for (const s of model.services) if (within(offset, s.keyStart, s.keyEnd)) return { kind: 'service', name: s.name };
  for (const r of serviceRefs(model)) if (within(offset, r.start, r.end)) return { kind: 'service', name: r.name };
  for (const section of RESOURCE_SECTIONS)
    for (const d of model.resources[section])
      if (within(offset, d.keyStart, d.keyEnd)) return { kind: section, name: d.name };
  for (const r of resourceRefs(model)) if (within(offset, r.start, r.end)) return { kind: r.section, name: r.name };
  return undefined;
}

function declarationOf(model: ComposeModel, t: Target): Declared | undefined {
  return t.kind === 'service'
    ? model.services.find((s) => s.name === t.name)
    : model.resources[t.kind].find((d) => d.name === t.name);
}

function occurrences(model: ComposeModel, t: Target): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const decl = declarationOf(model, t);
  if (decl) out.push({ start: decl.keyStart, end: decl.keyEnd });
  if (t.kind === 'service')
    for (const r of serviceRefs(model)) {
      if (r.name === t.name) out.push(r);
    }
  else for (const r of resourceRefs(model)) if (r.section === t.kind && r.name === t.name) out.push(r);
  return out;
}

export function hover(ctx: FeatureContext<ComposeModel>, offset: number): HoverResult | undefined {
  const { model } = ctx;
  const ref = serviceRefs(model).find((r) => within(offset, r.start, r.end));
  const res = ref ? undefined : resourceRefs(model).find((r) => within(offset, r.start, r.end));
  const named = ref
    ? { kind: 'service' as const, name: ref.name }
    : res
      ? { kind: res.section, name: res.name }
      : undefined;
  if (named) {
    const r = ref ?? res!;
    let decl = declarationOf(model, named);
    let text = ctx.text;
    let where = '';
    if (!decl)
      // an override file beside it or an `include`d file may define it
      for (const m of relatedModels(model, ctx.path, ctx.workspace)) {
        decl = declarationOf(m, named);
        if (decl) {
          text = m.text;
          where = `Defined in \`${m.path.slice(m.path.lastIndexOf('/') + 1)}\`:\n\n`;
          break;
        }
      }
    // Defined nowhere: the finding (CP020, CP023) says so, and the editor shows it in this hover already.
    if (!decl) return undefined;
    const start = text.lastIndexOf('\n', decl.keyStart - 1) + 1;
    const end = decl.value ? nodeEnd(decl.value) : decl.keyEnd;
    let body = text.slice(start, end).replace(/(?<!\s)\s+$/, '');
    const lines = body.split('\n');
    if (lines.length > 20) body = lines.slice(0, 20).join('\n') + '\n  # ...';
    const indent = /^\s*/.exec(body)![0].length;
    body = body
      .split('\n')
      .map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length)))
      .join('\n');
    return {
      markdown: where + '```yaml\n' + body + '\n```',
      span: { start: r.start, end: r.end },
    };
  }
  const declared = model.services.find((d) => within(offset, d.keyStart, d.keyEnd));
  const declaredRes = declared
    ? undefined
    : RESOURCE_SECTIONS.flatMap((section) => model.resources[section].map((d) => ({ section, d }))).find((x) =>
        within(offset, x.d.keyStart, x.d.keyEnd),
      );
  if (declared || declaredRes) {
    const name = declared ? declared.name : declaredRes!.d.name;
    const users = declared
      ? serviceRefs(model)
          .filter((r) => r.name === name)
          .map((r) => `\`${r.service.name}\` (${r.kind})`)
      : resourceRefs(model)
          .filter((r) => r.section === declaredRes!.section && r.name === name)
          .map((r) => `\`${r.service.name}\``);
    const what = declared ? 'Service' : declaredRes!.section.replace(/s$/, '').replace(/^./, (c) => c.toUpperCase());
    const d = declared ?? declaredRes!.d;
    return {
      markdown:
        `**${what} ` +
        `\`${name}\`**\n\n${users.length ? `Used by ${[...new Set(users)].join(', ')}.` : 'Not used by another service in this file.'}`,
      span: { start: d.keyStart, end: d.keyEnd },
    };
  }
  const key = keyAt(model, offset);
  if (!key) return undefined;
  const shape = shapeAt(key.path);
  if (!shape) return undefined;
  const title = key.path
    .filter((p) => p !== '[]')
    .slice(-2)
    .join('.');
  return {
    markdown: `**${title}**\n\n${keyDoc(shape)}`,
    span: { start: key.start, end: key.end },
  };
}

export function definition(ctx: FeatureContext<ComposeModel>, offset: number): FileSpan[] {
  const other = extendsInOtherFile(ctx, offset);
  if (other) return other;
  const t = targetAt(ctx.model, offset);
  if (!t) return [];
  const decl = declarationOf(ctx.model, t);
  return decl ? [{ path: ctx.path, start: decl.keyStart, end: decl.keyEnd }] : [];
}

/** `extends: { file: other.yaml, service: x }`: from the file or the service name to x in that file. */
function extendsInOtherFile(ctx: FeatureContext<ComposeModel>, offset: number): FileSpan[] | undefined {
  const { doc } = ctx.model;
  for (const svc of ctx.model.services) {
    const ext = svc.get('extends')?.value;
    if (!ext || !isMap(ext)) continue;
    const fileNode = entry(ext, doc, 'file')?.value;
    const serviceNode = entry(ext, doc, 'service')?.value;
    const file = str(fileNode);
    if (!fileNode || !file) continue;
    const on = (n: YNode | null | undefined) => !!n && within(offset, nodeStart(n), nodeEnd(n));
    if (!on(fileNode) && !on(serviceNode)) continue;
    const path = resolveFrom(ctx.path, file);
    // the index parses only files it recognises as compose files; any name may be extended
    const parsed = ctx.workspace.get(path);
    const text = parsed?.text ?? ctx.workspace.readText(path);
    if (text === undefined) return [];
    const model = Array.isArray((parsed?.model as ComposeModel | undefined)?.services)
      ? (parsed!.model as ComposeModel)
      : parseCompose(text, path);
    const target = model.services.find((s) => s.name === str(serviceNode));
    if (target) return [{ path, start: target.keyStart, end: target.keyEnd }];
    return [{ path, start: 0, end: 0 }];
  }
  return undefined;
}

/**
 * The files Compose merges with this one by default: `compose.yaml` with `compose.override.yaml`
 * (and the `docker-compose`/`.yml` spellings), in the same folder, either way round.
 */
export function mergedFiles(path: string): string[] {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const m = /^(docker-compose|compose)(\.override)?\.ya?ml$/.exec(path.slice(slash + 1));
  if (!m) return [];
  const names = m[2] ? [`${m[1]}.yaml`, `${m[1]}.yml`] : [`${m[1]}.override.yaml`, `${m[1]}.override.yml`];
  return names.map((n) => dir + n);
}

/** Renames a service or a resource with every reference, here and in the files merged with this one. */
export function rename(ctx: FeatureContext<ComposeModel>, offset: number, newName: string): FileEdits[] | undefined {
  const t = targetAt(ctx.model, offset);
  if (!t || !/^[a-zA-Z0-9._-]+$/.test(newName)) return undefined;
  const edits = occurrences(ctx.model, t).map((o) => ({ start: o.start, end: o.end, newText: newName }));
  if (!edits.length) return undefined;
  const out = [{ path: ctx.path, edits }];
  for (const other of ctx.workspace ? mergedFiles(ctx.path) : []) {
    const file = ctx.workspace.get(other);
    if (file?.kind !== 'compose') continue;
    const spots = occurrences(file.model as ComposeModel, t);
    if (spots.length)
      out.push({
        path: other,
        edits: spots.map((o) => ({ start: o.start, end: o.end, newText: newName })),
      });
  }
  return out;
}

export function symbols(ctx: FeatureContext<ComposeModel>): DocumentSymbolInfo[] {
  const { model } = ctx;
  const out: DocumentSymbolInfo[] = [];
  for (const top of model.top) {
    if (top.merged) continue;
    const end = top.rawValue ? Math.max(nodeEnd(top.rawValue), top.keyEnd) : top.keyEnd;
    const sym: DocumentSymbolInfo = {
      name: top.key,
      kind: top.key === 'services' ? 'namespace' : 'module',
      span: { start: top.keyStart, end: end },
      selection: { start: top.keyStart, end: top.keyEnd },
      children: [],
    };
    const decls: Declared[] =
      top.key === 'services'
        ? model.services
        : (RESOURCE_SECTIONS as readonly string[]).includes(top.key)
          ? model.resources[top.key as ResourceSection]
          : [];
    for (const d of decls) {
      const dEnd = d.value ? Math.max(nodeEnd(d.value), d.keyEnd) : d.keyEnd;
      const image =
        top.key === 'services' && d.value && isMap(d.value)
          ? (d.value.items.find((p) => isPair(p) && keyText(p.key) === 'image')?.value as any)
          : undefined;
      sym.children!.push({
        name: d.name,
        detail: image && isScalar(image) ? String(image.value) : undefined,
        kind: top.key === 'services' ? 'class' : top.key === 'networks' ? 'interface' : 'variable',
        span: { start: d.keyStart, end: dEnd },
        selection: { start: d.keyStart, end: d.keyEnd },
      });
    }
    out.push(sym);
  }
  return out;
}

/** A service's or a resource's declaration and every reference to it, here and in the files merged with this one. */
export function references(ctx: FeatureContext<ComposeModel>, offset: number): Occurrence[] {
  const t = targetAt(ctx.model, offset);
  if (!t) return [];
  const spotsOf = (path: string, model: ComposeModel): Occurrence[] => {
    const decl = declarationOf(model, t);
    return occurrences(model, t).map((o) => ({
      path,
      start: o.start,
      end: o.end,
      kind: decl && o.start === decl.keyStart ? ('write' as const) : ('read' as const),
    }));
  };
  const out = spotsOf(ctx.path, ctx.model);
  for (const other of ctx.workspace ? mergedFiles(ctx.path) : []) {
    const file = ctx.workspace.get(other);
    if (file?.kind === 'compose') out.push(...spotsOf(other, file.model as ComposeModel));
  }
  return out;
}
