/**
 * What other files may know of a compose file: its services, each with how it is built (context, Dockerfile, target,
 * build args), the ports it publishes and exposes, its health check, its command line and the services it waits for
 * to be healthy. Plain data with offsets into the compose text, computed once per parse; the checks across files
 * (`server/src/links/`) read only this, and `completionSite` tells them where a completion from another file fits.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { FeatureContext, Fix, ParsedFile } from '../../engine/types';
import { contentRange } from '../../yaml/scalar';
import { entries, entry, items, nodeEnd, nodeStart, str, type YNode } from '../../yaml/view';
import { buildInfo, isLocal } from './build';
import { cursorContext } from './cursor';
import { firstPort, healthcheckBlock, healthcheckTest } from './healthcheck-skeleton';
import type { ComposeModel, ServiceModel } from './parse';
import { parsePortSpec } from './ports';
import { isTrue, spanOf, itemSpan } from './security';
import { capabilityName, DEFAULT_CAPABILITIES, type Privileges } from '../../text/container-security';
import { keyIndent } from './refs';

export interface Span {
  start: number;
  end: number;
}

export interface BuildFacts {
  /** The context and Dockerfile as written, and resolved to workspace paths. */
  context: string;
  contextPath: string;
  dockerfile: string;
  dockerfilePath: string;
  /** Where `build.context` / `build.dockerfile` / `build.target` are written: the node, and its text inside quotes. */
  contextNode?: Span;
  dockerfileNode?: Span;
  targetNode?: Span;
  targetContent?: Span;
  contextContent?: Span;
  dockerfileContent?: Span;
  /** The `build` key. */
  key: Span;
  target?: string;
  /** `dockerfile_inline`, and its text when literal. */
  inline: boolean;
  inlineText?: string;
  remote: boolean;
  /** A Dockerfile of the workspace: not inline, not remote, no variable in its paths. */
  local: boolean;
  /** The names of `build.args` as written (mapping keys, or the NAME of `NAME=value` items), name offsets. */
  args: (Span & { name: string })[];
}

export interface ServiceFacts {
  name: string;
  key: Span;
  image?: string;
  /** What it may do beyond an ordinary container; set when the service names its image. */
  privileges?: Privileges;
  build?: BuildFacts;
  /** Container-side ports of `ports:` (short or long syntax), with the node of each. */
  ports: (Span & { port: number; endPort: number })[];
  /** `expose:` ports. */
  expose: number[];
  /** A port value with a variable: the ports are not fully known. */
  portsDynamic: boolean;
  /** The health check's `test` (list or string) and its node; undefined when absent or disabled. */
  healthcheck?: { command: string[] | string; node: Span };
  healthcheckState: 'none' | 'disabled' | 'set';
  /** Whether `command` or `entrypoint` is set: the service, not the image, decides what runs (and listens). */
  overridesCommand: boolean;
  /** `depends_on` entries with `condition: service_healthy`, by the key naming the service. */
  waitsHealthy: (Span & { name: string })[];
  /**
   * The quick fix that adds a health check fitting the image, when the service's mapping can take one and it is of use:
   * the service has none and a service of the file waits for it to be healthy.
   */
  addHealthcheck?: Fix;
}

export interface ComposeFacts {
  services: ServiceFacts[];
}

const span = (n: YNode | null | undefined): Span | undefined =>
  n ? { start: nodeStart(n), end: nodeEnd(n) } : undefined;

function buildFacts(model: ComposeModel, svc: ServiceModel, path: string): BuildFacts | undefined {
  const info = buildInfo(model, svc, path);
  const key = svc.get('build');
  if (!info || !key) return undefined;
  const out: BuildFacts = {
    context: info.context,
    contextPath: info.contextPath,
    dockerfile: info.dockerfile,
    dockerfilePath: info.dockerfilePath,
    contextNode: span(info.contextNode),
    dockerfileNode: span(info.dockerfileNode),
    targetNode: span(info.targetNode),
    targetContent: info.targetNode ? contentRange(info.targetNode) : undefined,
    contextContent: info.contextNode ? contentRange(info.contextNode) : undefined,
    dockerfileContent: info.dockerfileNode ? contentRange(info.dockerfileNode) : undefined,
    key: { start: key.keyStart, end: key.keyEnd },
    target: info.target,
    inline: info.inline,
    inlineText: info.inlineText,
    remote: info.remote,
    local: isLocal(info),
    args: [],
  };
  const build = key.value;
  const argsNode = isMap(build) ? entry(build, model.doc, 'args')?.value : undefined;
  if (isMap(argsNode)) {
    for (const p of argsNode.items) {
      const k = str(p.key as never);
      if (k !== undefined && isScalar(p.key)) {
        const start = contentRange(p.key).start;
        out.args.push({ name: k, start, end: start + k.length });
      }
    }
  } else if (isSeq(argsNode)) {
    for (const it of items(argsNode, model.doc)) {
      const v = str(it);
      if (v !== undefined && isScalar(it)) {
        const name = v.split('=')[0];
        const start = contentRange(it).start;
        out.args.push({ name, start, end: start + name.length });
      }
    }
  }
  // only names written as they read (no escapes), so the offsets point at them
  out.args = out.args.filter((a) => model.text.slice(a.start, a.end) === a.name);
  return out;
}

function ports(model: ComposeModel, svc: ServiceModel): Pick<ServiceFacts, 'ports' | 'expose' | 'portsDynamic'> {
  const out: Pick<ServiceFacts, 'ports' | 'expose' | 'portsDynamic'> = { ports: [], expose: [], portsDynamic: false };
  for (const it of items(svc.get('ports')?.value, model.doc)) {
    if (isScalar(it)) {
      const s = str(it);
      if (s === undefined) continue;
      if (s.includes('$')) {
        out.portsDynamic = true;
        continue;
      }
      const p = parsePortSpec(s);
      if (!p.target || (p.protocol && p.protocol.toLowerCase() !== 'tcp')) continue;
      out.ports.push({ start: nodeStart(it), end: nodeEnd(it), port: p.target.start, endPort: p.target.end });
    } else if (isMap(it)) {
      const t = entry(it, model.doc, 'target')?.value;
      const proto = str(entry(it, model.doc, 'protocol')?.value);
      const s = str(t);
      if (!t || s === undefined) continue;
      if (s.includes('$')) {
        out.portsDynamic = true;
        continue;
      }
      if (proto && proto.toLowerCase() !== 'tcp') continue;
      const n = Number(s.split('-')[0]);
      if (Number.isInteger(n))
        out.ports.push({ start: nodeStart(t), end: nodeEnd(t), port: n, endPort: Number(s.split('-')[1] ?? n) });
    }
  }
  for (const it of items(svc.get('expose')?.value, model.doc)) {
    const s = str(it);
    if (s === undefined) continue;
    if (s.includes('$')) {
      out.portsDynamic = true;
      continue;
    }
    const n = Number(s.split(/[-/]/)[0]);
    if (Number.isInteger(n)) out.expose.push(n);
  }
  return out;
}

function healthcheck(model: ComposeModel, svc: ServiceModel): Pick<ServiceFacts, 'healthcheck' | 'healthcheckState'> {
  const hc = svc.get('healthcheck');
  if (!hc) return { healthcheckState: 'none' };
  const t = entry(hc.value, model.doc, 'test')?.value;
  const disabled =
    str(entry(hc.value, model.doc, 'disable')?.value) === 'true' ||
    /^\s*\[\s*["']?NONE/.test(model.text.slice(t?.range?.[0] ?? 0, t?.range?.[1] ?? 0));
  if (disabled) return { healthcheckState: 'disabled' };
  if (!t) return { healthcheckState: 'set' };
  if (isScalar(t)) {
    const s = str(t);
    return { healthcheckState: 'set', healthcheck: s === undefined ? undefined : { command: s, node: span(t)! } };
  }
  const list = items(t, model.doc).map((n) => str(n) ?? '');
  return { healthcheckState: 'set', healthcheck: list.length ? { command: list, node: span(t)! } : undefined };
}

function addHealthcheck(model: ComposeModel, svc: ServiceModel): Fix | undefined {
  if (!svc.value || !isMap(svc.value) || (svc.value as { flow?: boolean }).flow || !svc.entries.length)
    return undefined;
  const own = svc.entries.filter((e) => !e.merged);
  if (!own.length) return undefined;
  const indent = keyIndent(model.text, own[0].keyStart);
  // insert after the last line of the service, before the line break
  let at = nodeEnd(svc.value);
  while (at > 0 && /[\r\n]/.test(model.text[at - 1])) at--;
  const image = str(svc.get('image')?.value) ?? '';
  const test = healthcheckTest(image, firstPort(model, svc));
  return {
    title: `Add a healthcheck to "${svc.name}"`,
    safe: false,
    edits: [{ start: at, end: at, newText: `\n${healthcheckBlock(indent, test)}` }],
  };
}

/** A service's privileges as its compose file sets them (merged keys are placed at the service's name). */
function privilegesOf(model: ComposeModel, svc: ServiceModel): Privileges | undefined {
  const image = svc.get('image');
  if (!image || str(image.value) === undefined) return undefined;
  const out: Privileges = { image: spanOf(svc, image), capAdd: [] };
  const e = (key: string) => svc.get(key);
  const flag = (key: string) => {
    const x = e(key);
    return x && isTrue(x.value) ? spanOf(svc, x) : undefined;
  };
  const host = (key: string) => {
    const x = e(key);
    return x && str(x.value)?.trim().toLowerCase() === 'host' ? spanOf(svc, x) : undefined;
  };
  out.privileged = flag('privileged');
  out.readOnlyRoot = flag('read_only');
  out.hostNetwork = host('network_mode');
  out.hostPid = host('pid');
  out.hostIpc = host('ipc');
  const user = e('user');
  const u = user ? (str(user.value)?.trim() ?? '') : '';
  if (user && u && !u.includes('$')) out.user = { ...spanOf(svc, user), value: u };
  const caps = e('cap_add');
  if (caps)
    for (const it of items(caps.value, model.doc)) {
      const name = capabilityName(str(it) ?? '');
      if (name && !DEFAULT_CAPABILITIES.has(name)) out.capAdd.push({ ...itemSpan(svc, caps, it), name });
    }
  for (const k of ['privileged', 'readOnlyRoot', 'hostNetwork', 'hostPid', 'hostIpc'] as const)
    if (out[k] === undefined) delete out[k];
  return out;
}

export function composeFacts(model: ComposeModel, path: string): ComposeFacts {
  const waits = model.services.map((svc) => {
    const waitsHealthy: ServiceFacts['waitsHealthy'] = [];
    const dep = svc.get('depends_on')?.value;
    if (dep && isMap(dep))
      for (const e of entries(dep, model.doc))
        if (str(entry(e.value, model.doc, 'condition')?.value) === 'service_healthy')
          waitsHealthy.push({ name: e.key, start: e.keyStart, end: e.keyEnd });
    return waitsHealthy;
  });
  // the services another one waits healthy for: the only ones whose health-check fix is read
  const awaited = new Set(waits.flatMap((w) => w.map((x) => x.name)));
  return {
    services: model.services.map((svc, i) => {
      const overridesCommand = ['command', 'entrypoint'].some((k) => {
        const v = svc.get(k)?.value;
        return !!v && !(isScalar(v) && (v.value === null || v.value === ''));
      });
      // (built by assignment, not `{ ...ports(), ... }`: V8 makes a spread followed by more properties 20x slower)
      const out = {
        name: svc.name,
        key: { start: svc.keyStart, end: svc.keyEnd },
        image: str(svc.get('image')?.value),
        privileges: privilegesOf(model, svc),
        build: buildFacts(model, svc, path),
      } as ServiceFacts;
      Object.assign(out, ports(model, svc), healthcheck(model, svc));
      out.overridesCommand = overridesCommand;
      out.waitsHealthy = waits[i];
      out.addHealthcheck =
        out.healthcheckState === 'none' && awaited.has(svc.name) ? addHealthcheck(model, svc) : undefined;
      return out;
    }),
  };
}

/** The facts of a parsed compose file (the language's `facts` hook). */
export function factsOfFile(file: ParsedFile<ComposeModel>): ComposeFacts {
  return composeFacts(file.model, file.path);
}

/** The facts of a compose file given as text (one named by `extends.file`, whatever its name). */
export { parseCompose } from './parse';

/**
 * Where a completion from another file fits at the cursor of a compose file: a build arg of a service (at a key of
 * `build.args`, or a list item), or its `build.target`. The links layer fills it from the Dockerfile.
 */
export type CompletionSite =
  | { kind: 'build-arg'; service: string; at: 'key' | 'item'; given: string[]; replace: Span }
  | { kind: 'build-target'; service: string; replace: Span };

export function completionSite(ctx: FeatureContext<unknown>, offset: number): CompletionSite | undefined {
  const model = ctx.model as ComposeModel;
  const cur = cursorContext(ctx.text, offset);
  const path = cur.path;
  const replace = { start: cur.prefixStart, end: offset };
  const service = path[0] === 'services' && path.length >= 2 ? path[1] : undefined;
  if (!service || !model.services.some((s) => s.name === service)) return undefined;
  const last = path[path.length - 1];
  if (
    cur.at !== 'value' &&
    path[2] === 'build' &&
    path[3] === 'args' &&
    (cur.at === 'key' ? path.length === 4 : path.length === 5 && last === '[]')
  )
    return { kind: 'build-arg', service, at: cur.at === 'key' ? 'key' : 'item', given: [...cur.siblings], replace };
  if (cur.at === 'value' && path.length === 3 && path[2] === 'build' && cur.key === 'target')
    return { kind: 'build-target', service, replace };
  return undefined;
}
