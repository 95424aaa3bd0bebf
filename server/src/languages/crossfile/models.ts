/**
 * Other kinds' models, read through the workspace index: "the containers of the task definition at
 * path", "the stages, ARGs and EXPOSEd ports of the Dockerfile at path". Each returns undefined when
 * the file is absent or of another kind, so a rule stays silent.
 */
import type { Node } from 'jsonc-parser';
import type { ParsedFile, WorkspaceIndex } from '../../engine/types';
import type { DockerfileModel, Stage } from '../dockerfile/parse';
import type { TaskDefModel } from '../taskdef/parse';
import { containers } from '../taskdef/ecs';
import { get, items, num, str } from '../taskdef/json';

export interface Span {
  start: number;
  end: number;
}
export interface TaskContainer extends Span {
  name?: string;
  nameSpan?: Span;
  image?: string;
  imageSpan?: Span;
  ports: (Span & { port: number })[];
  /** healthCheck.command as written. */
  healthCheck?: { command: string[]; span: Span };
}
export interface TaskDefView {
  file: ParsedFile<TaskDefModel>;
  family?: string;
  containers: TaskContainer[];
  cpuArchitecture?: { value: string; span: Span };
}

const span = (n: Node): Span => ({ start: n.offset, end: n.offset + n.length });

export function taskDefAt(ws: WorkspaceIndex, path: string): TaskDefView | undefined {
  const file = ws.get(path);
  if (file?.kind !== 'taskdef') return undefined;
  return taskDefView(file as ParsedFile<TaskDefModel>);
}

export function taskDefView(file: ParsedFile<TaskDefModel>): TaskDefView | undefined {
  const td = file.model.taskDef;
  if (!td) return undefined;
  const view: TaskDefView = { file, family: str(get(td, 'family')), containers: [] };
  const arch = get(get(td, 'runtimePlatform'), 'cpuArchitecture');
  if (str(arch)) view.cpuArchitecture = { value: str(arch)!, span: span(arch!) };
  for (const c of containers(td)) {
    const tc: TaskContainer = { ...span(c.node), name: c.name, nameSpan: c.nameNode && span(c.nameNode), ports: [] };
    const image = get(c.node, 'image');
    if (str(image) !== undefined) {
      tc.image = str(image);
      tc.imageSpan = span(image!);
    }
    for (const pm of items(get(c.node, 'portMappings'))) {
      const cp = get(pm, 'containerPort');
      if (num(cp) !== undefined) tc.ports.push({ ...span(cp!), port: num(cp)! });
    }
    const cmd = get(get(c.node, 'healthCheck'), 'command');
    if (cmd?.type === 'array') tc.healthCheck = { command: items(cmd).map((n) => str(n) ?? ''), span: span(cmd) };
    view.containers.push(tc);
  }
  return view;
}

export function dockerfileAt(ws: WorkspaceIndex, path: string): ParsedFile<DockerfileModel> | undefined {
  const file = ws.get(path);
  if (file?.kind !== 'dockerfile') return undefined;
  const m = file.model as DockerfileModel;
  return m && Array.isArray(m.stages) ? (file as ParsedFile<DockerfileModel>) : undefined;
}

/** The stage a build produces: the named target, else the last one. */
export function builtStage(m: DockerfileModel, target?: string): Stage | undefined {
  if (target === undefined) return m.finalStage;
  const t = target.toLowerCase();
  return m.stages.find((s) => s.name?.toLowerCase() === t);
}

/** A stage and the earlier stages it builds on (`FROM builder`), nearest first. */
export function stageChain(m: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (
    let s: Stage | undefined = stage;
    s && !out.includes(s);
    s = s.parentStage === undefined ? undefined : m.stages[s.parentStage]
  )
    out.push(s);
  return out;
}

/** The TCP ports a built stage EXPOSEs (inherited through `FROM <stage>`); ranges expanded up to 64 ports. */
export function exposedPorts(m: DockerfileModel, stage: Stage): { port: number; span: Span }[] {
  const chain = new Set(stageChain(m, stage).map((s) => s.index));
  const out: { port: number; span: Span }[] = [];
  for (const p of m.exposedPorts) {
    if (!chain.has(p.stage) || p.port === undefined || (p.protocol && p.protocol.toLowerCase() !== 'tcp')) continue;
    const last = p.endPort !== undefined && p.endPort - p.port < 64 ? p.endPort : p.port;
    for (let n = p.port; n <= last; n++) out.push({ port: n, span: { start: p.start, end: p.end } });
  }
  return out;
}

/** Whether any EXPOSE in the built chain uses a variable (then the ports are unknown). */
export function exposesDynamic(m: DockerfileModel, stage: Stage): boolean {
  const chain = new Set(stageChain(m, stage).map((s) => s.index));
  return m.exposedPorts.some((p) => chain.has(p.stage) && p.port === undefined);
}

/** The ARG names a Dockerfile declares anywhere (global or in a stage). */
export function declaredArgs(m: DockerfileModel): string[] {
  return [...new Set(m.args.map((a) => a.name))];
}

/** Build arguments BuildKit and Docker define themselves: passing them never needs an ARG. */
export const PREDEFINED_ARGS = new Set([
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'BUILDKIT_INLINE_CACHE',
  'BUILDKIT_CACHE_MOUNT_NS',
  'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME',
  'BUILDKIT_SYNTAX',
  'SOURCE_DATE_EPOCH',
  'BUILDKIT_BUILD_NAME',
]);
