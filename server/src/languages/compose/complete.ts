/** Completion in compose files: keys with docs, names of services and resources, values, skeletons. */
import type { Completion, FeatureContext } from '../../engine/types';
import type { ComposeModel, ResourceSection } from './parse';
import { cursorContext, type CursorContext } from './cursor';
import { describeTypes, keysOf, resolveShape, shapeAt, stepShape, type Shape } from './spec';
import { argNames, buildInfo, loadDockerfile, stageNames } from './build';
import { firstPort, healthcheckTest } from './healthcheck-skeleton';
import { str } from '../../yaml/view';
import imageData from './data/images.json';

const SERVICE_LISTS = new Set(['depends_on', 'links', 'volumes_from']);
const RESOURCE_LISTS: Record<string, ResourceSection> = {
  volumes: 'volumes',
  networks: 'networks',
  secrets: 'secrets',
  configs: 'configs',
  models: 'models',
};

export function keyDoc(shape: Shape | undefined): string {
  const s = resolveShape(shape);
  if (!s || !shape) return '';
  const parts: string[] = [];
  if (s.deprecated || shape.deprecated) parts.push('**Deprecated.**');
  const doc = shape.doc ?? s.doc;
  if (doc) parts.push(doc);
  parts.push(`Accepts ${describeTypes(s)}.`);
  const values = enumValues(s);
  if (values.length) parts.push(`Values: ${values.map((v) => `\`${v}\``).join(', ')}.`);
  return parts.join('\n\n');
}

function enumValues(shape: Shape | undefined): string[] {
  const s = resolveShape(shape);
  if (!s) return [];
  const out = new Set<string>();
  for (const v of s.enum ?? []) out.add(String(v));
  for (const v of s.suggest ?? []) out.add(v);
  for (const b of s.oneOf ?? []) for (const v of enumValues(b)) out.add(v);
  return [...out];
}

function isBlock(shape: Shape | undefined): 'map' | 'list' | undefined {
  const s = resolveShape(shape);
  if (!s) return undefined;
  const types = new Set<string>(s.t ?? []);
  for (const b of s.oneOf ?? []) for (const t of resolveShape(b)?.t ?? []) types.add(t);
  if (types.has('string') || types.has('number') || types.has('integer') || types.has('boolean')) return undefined;
  if (types.has('object') && !types.has('array')) return 'map';
  if (types.has('array') && !types.has('object')) return 'list';
  return undefined;
}

export function complete(ctx: FeatureContext<ComposeModel>, offset: number): Completion[] {
  const cur = cursorContext(ctx.text, offset);
  const span = { start: cur.prefixStart, end: offset };
  const items: Completion[] = [];
  const value = (
    label: string,
    detail?: string,
    doc?: string,
    kind: Completion['kind'] = 'value',
    insert?: string,
  ): void => {
    items.push({
      label,
      kind,
      detail,
      documentation: doc,
      replace: span,
      insertText: insert ?? label,
    });
  };
  const service =
    cur.path[0] === 'services' && cur.path.length >= 2
      ? ctx.model.services.find((s) => s.name === cur.path[1])
      : undefined;
  const serviceNames = () => ctx.model.services.map((s) => s.name).filter((n) => n !== service?.name);

  if (cur.at === 'key' || cur.at === 'item') {
    const path = cur.at === 'item' ? cur.path : cur.path;
    const last = path[path.length - 1];
    const owner = path[path.length - 2];
    // names where keys are names: depends_on mapping, networks mapping
    if (cur.at === 'key' && path.length === 3 && path[0] === 'services' && last === 'depends_on') {
      for (const n of serviceNames())
        items.push({
          label: n,
          kind: 'reference',
          detail: 'service',
          replace: span,
          insertText: `${n}:\n${' '.repeat(cur.indent + 2)}condition: service_started`,
        });
      return items;
    }
    if (cur.at === 'key' && path.length === 3 && path[0] === 'services' && last === 'networks') {
      for (const d of ctx.model.resources.networks) value(d.name, 'network', undefined, 'reference', `${d.name}:`);
      return items;
    }
    if (cur.at === 'item' && last === '[]' && path[0] === 'services' && path.length === 4) {
      if (SERVICE_LISTS.has(owner)) {
        for (const n of serviceNames()) value(n, 'service', undefined, 'reference');
        return items;
      }
      const section = RESOURCE_LISTS[owner];
      if (section) {
        for (const d of ctx.model.resources[section])
          value(
            d.name,
            section.replace(/s$/, ''),
            undefined,
            'reference',
            section === 'volumes' ? `${d.name}:` : d.name,
          );
      }
    }
    // build args: the ARGs the service's Dockerfile declares (mapping keys, or `- NAME=` items)
    if (
      path[0] === 'services' &&
      path[2] === 'build' &&
      path[3] === 'args' &&
      (cur.at === 'key' ? path.length === 4 : path.length === 5 && last === '[]') &&
      service
    ) {
      const info = buildInfo(ctx.model, service, ctx.path);
      const df = info ? loadDockerfile(ctx.workspace, ctx.path, info) : undefined;
      const given = new Set(cur.siblings);
      for (const name of df ? argNames(df.model) : []) {
        if (given.has(name)) continue;
        items.push({
          label: name,
          kind: 'variable',
          detail: `ARG of ${info!.dockerfile}`,
          replace: span,
          insertText: cur.at === 'key' ? `${name}: ` : `${name}=`,
        });
      }
      return items;
    }
    if (cur.at === 'item' && owner === 'test' && path[path.length - 3] === 'healthcheck') {
      for (const w of ['CMD', 'CMD-SHELL', 'NONE']) value(w, 'healthcheck test form');
      return items;
    }
    // keys of the mapping at the path (for an item: keys of a mapping item)
    const shape = shapeAt(path);
    if (!shape) return items;
    const present = new Set(cur.siblings);
    for (const [key, sub] of keysOf(shape)) {
      if (present.has(key)) continue;
      const block = isBlock(sub);
      const newText = block === 'map' || block === 'list' ? `${key}:\n${' '.repeat(cur.indent + 2)}` : `${key}: `;
      items.push({
        label: key,
        kind: 'property',
        detail: describeTypes(sub),
        documentation: keyDoc(sub),
        replace: span,
        insertText: newText,
        deprecated: resolveShape(sub)?.deprecated ? true : undefined,
      });
    }
    if (path.length === 2 && path[0] === 'services' && service && !present.has('healthcheck')) {
      const image = str(service.get('image')?.value) ?? '';
      const test = healthcheckTest(image, firstPort(ctx.model, service));
      const ind = ' '.repeat(cur.indent + 2);
      items.push({
        label: 'healthcheck (skeleton)',
        kind: 'snippet',
        detail: `a healthcheck for ${image || 'this service'}`,
        snippet: true,
        replace: span,
        insertText:
          `healthcheck:\n${ind}test: ` +
          `${test.replace(/\$/g, '\\$')}\n${ind}interval: \${1:10s}\n${ind}timeout: ` +
          `\${2:5s}\n${ind}retries: \${3:5}\n${ind}start_period: \${4:10s}`,
      });
    }
    if (path.length === 0 && !present.has('services')) {
      items.push({
        label: 'services (skeleton)',
        kind: 'snippet',
        snippet: true,
        replace: span,
        insertText:
          'services:\n  ${1:app}:\n    image: ${2:nginx:1.27-alpine}\n    ports:\n      - "${3:8080}:${4:80}"',
      });
    }
    return items;
  }

  // value of a key
  if (cur.key === undefined) return items;
  const key = cur.key;
  const path = cur.path;
  const inService = path.length === 2 && path[0] === 'services';
  if (inService && key === 'image') {
    for (const img of (imageData as { images: { name: string; tags: string[]; what: string }[] }).images) {
      for (const tag of img.tags) value(`${img.name}:${tag}`, img.what, undefined, 'value');
    }
    return items;
  }
  if (
    path.length === 3 &&
    path[0] === 'services' &&
    path[2] === 'extends' &&
    key === 'service' &&
    !cur.siblings.includes('file')
  ) {
    for (const n of serviceNames()) value(n, 'service', undefined, 'reference');
    return items;
  }
  // flow lists: `depends_on: [db, |]`, `networks: [|]`
  if (
    inService &&
    /\[[^\]]*$/.test(ctx.text.slice(ctx.lines.offset({ line: ctx.lines.position(offset).line, character: 0 }), offset))
  ) {
    if (SERVICE_LISTS.has(key)) {
      for (const n of serviceNames()) value(n, 'service', undefined, 'reference');
      return items;
    }
    const section = RESOURCE_LISTS[key];
    if (section) {
      for (const d of ctx.model.resources[section])
        value(d.name, section.replace(/s$/, ''), undefined, 'reference', section === 'volumes' ? `${d.name}:` : d.name);
      return items;
    }
  }
  if (inService && key === 'extends') {
    for (const n of serviceNames()) value(n, 'service', undefined, 'reference');
    return items;
  }
  if (inService && (key === 'network_mode' || key === 'ipc' || key === 'pid')) {
    for (const n of serviceNames()) value(`service:${n}`, 'share the namespace of a service', undefined, 'reference');
  }
  if (path.length === 3 && path[0] === 'services' && path[2] === 'build' && key === 'target' && service) {
    const info = buildInfo(ctx.model, service, ctx.path);
    const df = info ? loadDockerfile(ctx.workspace, ctx.path, info) : undefined;
    if (df) for (const s of stageNames(df.model)) value(s, `stage of ${info!.dockerfile}`, undefined, 'enumMember');
    return items;
  }
  if (path.length === 3 && path[0] === 'services' && path[2] === 'healthcheck' && key === 'test' && service) {
    const image = str(service.get('image')?.value) ?? '';
    value(
      healthcheckTest(image, firstPort(ctx.model, service)),
      `fits ${image || 'a web service'}`,
      undefined,
      'snippet',
    );
    value('["CMD-SHELL", ""]', 'shell command', undefined, 'snippet');
    value('["NONE"]', "turn the image's healthcheck off", undefined, 'snippet');
  }
  const shape = stepShape(shapeAt(path), key);
  for (const v of enumValues(shape)) value(v, undefined, undefined, 'enumMember', v === 'no' ? '"no"' : v);
  const s = resolveShape(shape);
  const types = new Set<string>([...(s?.t ?? []), ...(s?.oneOf ?? []).flatMap((b) => resolveShape(b)?.t ?? [])]);
  if (types.has('boolean') && !enumValues(shape).length) {
    value('true');
    value('false');
  }
  return items;
}

export type { CursorContext };
