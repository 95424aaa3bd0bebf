/**
 * What services name: other services (depends_on, links, volumes_from, extends, network_mode...)
 * and top-level resources (volumes, networks, secrets, configs, models), with the offsets of each
 * name. Shared by the semantic rules and the editor features (definition, rename, completion).
 */
import { posix } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { WorkspaceIndex } from '../../engine/types';
import { parseCompose, type ComposeModel, type ResourceSection, type ServiceModel } from './parse';
import { entries, entry, items, nodeStart, str, type YNode } from '../../yaml/view';

export type ServiceRefKind = 'depends_on' | 'links' | 'volumes_from' | 'extends' | 'network_mode' | 'ipc' | 'pid';

export interface NameRef {
  name: string;
  start: number;
  end: number;
  service: ServiceModel;
}
export interface ServiceRef extends NameRef {
  kind: ServiceRefKind;
}
export interface ResourceRef extends NameRef {
  section: ResourceSection;
}

/** Offset of a scalar's first content character (after an opening quote). */
export function contentStart(node: YNode, text: string): number {
  const s = nodeStart(node);
  const c = text[s];
  return c === '"' || c === "'" ? s + 1 : s;
}

function partRef(node: YNode, text: string, part: string, at = 0): { start: number; end: number } {
  const start = contentStart(node, text) + at;
  return { start, end: start + part.length };
}

const refCache = new WeakMap<ComposeModel, ServiceRef[]>();

export function serviceRefs(model: ComposeModel): ServiceRef[] {
  const cached = refCache.get(model);
  if (cached) return cached;
  const out: ServiceRef[] = [];
  const { doc, text } = model;
  for (const svc of model.services) {
    const add = (kind: ServiceRefKind, name: string, r: { start: number; end: number }) => {
      if (name && !name.includes('$')) out.push({ kind, name, service: svc, ...r });
    };
    const dep = svc.get('depends_on')?.value;
    if (dep && isSeq(dep))
      for (const i of items(dep, doc)) {
        const s = str(i);
        if (s !== undefined) add('depends_on', s, partRef(i, text, s));
      }
    else if (dep && isMap(dep))
      for (const e of entries(dep, doc)) add('depends_on', e.key, { start: e.keyStart, end: e.keyEnd });
    for (const i of items(svc.get('links')?.value, doc)) {
      const s = str(i);
      if (s === undefined) continue;
      const name = s.split(':')[0];
      add('links', name, partRef(i, text, name));
    }
    for (const i of items(svc.get('volumes_from')?.value, doc)) {
      const s = str(i);
      if (s === undefined || s.startsWith('container:')) continue;
      const name = s.startsWith('service:') ? s.slice(8).split(':')[0] : s.split(':')[0];
      add('volumes_from', name, partRef(i, text, name, s.startsWith('service:') ? 8 : 0));
    }
    const ext = svc.get('extends')?.value;
    if (ext && isScalar(ext)) {
      const s = str(ext);
      if (s) add('extends', s, partRef(ext, text, s));
    } else if (ext && isMap(ext) && !entry(ext, doc, 'file')) {
      const n = entry(ext, doc, 'service')?.value;
      const s = str(n);
      if (n && s) add('extends', s, partRef(n, text, s));
    }
    for (const kind of ['network_mode', 'ipc', 'pid'] as const) {
      const n = svc.get(kind)?.value;
      const s = str(n);
      if (n && s?.startsWith('service:')) add(kind, s.slice(8), partRef(n, text, s.slice(8), 8));
    }
  }
  refCache.set(model, out);
  return out;
}

const resCache = new WeakMap<ComposeModel, ResourceRef[]>();

/** Is a volume source a named volume (not a host path)? */
export function isNamedVolume(source: string): boolean {
  return !!source && !/^[./~\\$]/.test(source) && !/^[a-zA-Z]:[\\/]/.test(source) && !source.includes('/');
}

export function resourceRefs(model: ComposeModel): ResourceRef[] {
  const cached = resCache.get(model);
  if (cached) return cached;
  const out: ResourceRef[] = [];
  const { doc, text } = model;
  for (const svc of model.services) {
    const add = (section: ResourceSection, name: string, r: { start: number; end: number }) => {
      if (name && !name.includes('$')) out.push({ section, name, service: svc, ...r });
    };
    for (const v of items(svc.get('volumes')?.value, doc)) {
      if (isScalar(v)) {
        const s = str(v) ?? '';
        const parts = s.split(':');
        if (parts.length >= 2 && isNamedVolume(parts[0])) add('volumes', parts[0], partRef(v, text, parts[0]));
      } else if (isMap(v)) {
        const type = str(entry(v, doc, 'type')?.value);
        const src = entry(v, doc, 'source')?.value;
        const s = str(src);
        if (type === 'volume' && src && s && isNamedVolume(s)) add('volumes', s, partRef(src, text, s));
      }
    }
    const nets = svc.get('networks')?.value;
    if (nets && isSeq(nets))
      for (const i of items(nets, doc)) {
        const s = str(i);
        if (s) add('networks', s, partRef(i, text, s));
      }
    else if (nets && isMap(nets))
      for (const e of entries(nets, doc)) add('networks', e.key, { start: e.keyStart, end: e.keyEnd });
    const listed = (section: 'secrets' | 'configs', list: YNode | null | undefined) => {
      for (const i of items(list, doc)) {
        if (isScalar(i)) {
          const s = str(i);
          if (s) add(section, s, partRef(i, text, s));
        } else if (isMap(i)) {
          const src = entry(i, doc, 'source')?.value;
          const s = str(src);
          if (src && s) add(section, s, partRef(src, text, s));
        }
      }
    };
    listed('secrets', svc.get('secrets')?.value);
    listed('configs', svc.get('configs')?.value);
    const build = svc.get('build')?.value;
    if (build && isMap(build)) listed('secrets', entry(build, doc, 'secrets')?.value);
    const models = svc.get('models')?.value;
    if (models && isSeq(models))
      for (const i of items(models, doc)) {
        const s = str(i);
        if (s) add('models', s, partRef(i, text, s));
      }
    else if (models && isMap(models))
      for (const e of entries(models, doc)) add('models', e.key, { start: e.keyStart, end: e.keyEnd });
  }
  resCache.set(model, out);
  return out;
}

/**
 * Names Compose picks up and merges by default or by convention: compose.yaml, compose.override.yaml,
 * docker-compose.prod.yml...
 */
const STANDARD_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];
const MERGED_NAME = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/;

/** Other compose files in the same folder (override files, per-environment files) that Compose merges with this one. */
export function siblingModels(path: string, workspace: WorkspaceIndex): ComposeModel[] {
  const dir = posix.dirname(path);
  const out: ComposeModel[] = [];
  if (!MERGED_NAME.test(posix.basename(path))) return out;
  let listed: string[] = [];
  try {
    listed = workspace.list('compose');
  } catch {
    listed = [];
  }
  // the index may not have scanned the folder: also ask for the names Compose itself looks for
  const candidates = new Set([
    ...STANDARD_NAMES.map((n) => posix.join(dir, n)),
    ...listed.filter((p) => posix.dirname(p) === dir),
  ]);
  for (const p of candidates) {
    if (p === path || !MERGED_NAME.test(posix.basename(p))) continue;
    let f;
    try {
      f = workspace.get(p);
    } catch {
      f = undefined;
    }
    const m = f?.model as ComposeModel | undefined;
    if (m && Array.isArray(m.services)) {
      out.push(m);
      workspace.dependOn?.(path, p);
    }
  }
  return out;
}

/** Compose files brought in by `include` (their services, volumes and networks join the project). */
export function includedModels(model: ComposeModel, path: string, workspace: WorkspaceIndex): ComposeModel[] {
  const out: ComposeModel[] = [];
  const inc = model.top.find((e) => e.key === 'include')?.value;
  const files: string[] = [];
  for (const i of items(inc, model.doc)) {
    if (isScalar(i)) {
      const s = str(i);
      if (s) files.push(s);
    } else if (isMap(i)) {
      const p = entry(i, model.doc, 'path')?.value;
      if (p && isScalar(p)) {
        const s = str(p);
        if (s) files.push(s);
      } else
        for (const x of items(p, model.doc)) {
          const s = str(x);
          if (s) files.push(s);
        }
    }
  }
  for (const f of files) {
    if (f.includes('$')) continue;
    const full = resolveFrom(path, f);
    workspace.dependOn?.(path, full);
    const parsed = workspace.get(full);
    const m = parsed?.model as ComposeModel | undefined;
    if (m && Array.isArray(m.services)) {
      out.push(m);
      continue;
    }
    const text = workspace.readText(full);
    if (text !== undefined) out.push(parseCompose(text, full));
  }
  return out;
}

/** The models Compose merges with this one: sibling override files and included files. */
export function relatedModels(model: ComposeModel, path: string, workspace: WorkspaceIndex): ComposeModel[] {
  return [...siblingModels(path, workspace), ...includedModels(model, path, workspace)];
}

/** The folder of the compose file, and a path resolved against it. */
export function resolveFrom(composePath: string, rel: string): string {
  return posix.resolve(posix.dirname(composePath) || '/', rel);
}

/** Reads the `.env` beside the compose file into a map (KEY=value lines; quotes removed). */
export function readDotEnv(composePath: string, workspace: WorkspaceIndex): Map<string, string> | undefined {
  const envPath = resolveFrom(composePath, '.env');
  let text: string | undefined;
  try {
    text = workspace.readText(envPath);
  } catch {
    text = undefined;
  }
  workspace.dependOn?.(composePath, envPath);
  if (text === undefined) return undefined;
  const vars = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m) continue;
    let v = m[2] ?? '';
    if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1);
    vars.set(m[1], v);
  }
  return vars;
}

/** Indentation (as text) of a mapping's keys, from its first key's column. */
export function keyIndent(text: string, keyStart: number): string {
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  return text.slice(lineStart, keyStart).replace(/\S/g, ' ');
}
