/**
 * What other files may know of an ECS task definition: its family, its containers (name, image, container ports,
 * health check) and where a container is named inside the file (`dependsOn`, `volumesFrom`, `links`), and the CPU
 * architecture it runs on. Plain data with offsets into the JSON, computed once per parse; the checks across files
 * (`server/src/links/`) read only this.
 */
import type { Node } from 'jsonc-parser';
import type { ParsedFile } from '../../engine/types';
import { containers } from './ecs';
import { get, isTemplated, items, num, propNode, str } from './json';
import { capabilityName, DEFAULT_CAPABILITIES, type Privileges } from '../../text/container-security';

/** Whether a value is a placeholder filled in before registration (`${IMAGE}`, `<IMAGE>`, `{{ image }}`). */
export { isTemplated } from './json';
import type { TaskDefModel } from './parse';

export interface Span {
  start: number;
  end: number;
}

export interface ContainerFacts extends Span {
  name?: string;
  /** The name's text inside its quotes. */
  nameSpan?: Span;
  image?: string;
  imageSpan?: Span;
  /** `portMappings[].containerPort`, with the number's offsets. */
  ports: (Span & { port: number })[];
  /** `healthCheck.command` as written. */
  healthCheck?: { command: string[]; span: Span };
  /** What it may do beyond an ordinary container (with the task's host namespaces); set when it names an image. */
  privileges?: Privileges;
}

export interface TaskDefFacts {
  /** Whether the JSON has a `containerDefinitions` key (what makes a file a task definition). */
  hasContainerDefinitions: boolean;
  /** Whether the JSON does not parse (a file being typed). */
  broken: boolean;
  /** The literal `family`, and its text inside the quotes; undefined when missing or templated. */
  family?: { value: string; span: Span };
  containers: ContainerFacts[];
  cpuArchitecture?: { value: string; span: Span };
  /**
   * Where container names are written: each container's own name (`declaration`) and the places that name another
   * container of the task (`dependsOn[].containerName`, `volumesFrom[].sourceContainer`, `links`).
   */
  containerNames: (Span & { name: string; declaration: boolean })[];
}

const span = (n: Node): Span => ({ start: n.offset, end: n.offset + n.length });

/** The content range of a JSON string node, when it is written without escapes. */
function jsonContent(n: Node | undefined, text: string): Span | undefined {
  if (n?.type !== 'string' || n.length !== (n.value as string).length + 2 || text[n.offset] !== '"') return undefined;
  return { start: n.offset + 1, end: n.offset + n.length - 1 };
}

export function factsOfFile(file: ParsedFile<TaskDefModel>): TaskDefFacts {
  const td = file.model.taskDef;
  const out: TaskDefFacts = {
    hasContainerDefinitions: !!td?.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions'),
    broken: file.model.problems.length > 0,
    containers: [],
    containerNames: [],
  };
  if (!td) return out;
  const familyNode = get(td, 'family');
  const family = str(familyNode);
  if (familyNode && family && !/[$<{]/.test(family))
    out.family = {
      value: family,
      span: { start: familyNode.offset + 1, end: familyNode.offset + familyNode.length - 1 },
    };
  const arch = get(get(td, 'runtimePlatform'), 'cpuArchitecture');
  if (str(arch)) out.cpuArchitecture = { value: str(arch)!, span: span(arch!) };
  const addName = (n: Node | undefined, declaration: boolean, name = str(n)) => {
    const c = jsonContent(n, file.text);
    if (c && name)
      out.containerNames.push({
        name,
        start: c.start,
        end: declaration || !name.includes(':') ? c.end : c.start + name.length,
        declaration,
      });
  };
  for (const c of containers(td)) {
    // (literals, not `{ ...span(n), name }`: V8 makes a spread followed by more properties 20x slower)
    const tc: ContainerFacts = {
      start: c.node.offset,
      end: c.node.offset + c.node.length,
      name: c.name,
      nameSpan: c.nameNode && span(c.nameNode),
      ports: [],
    };
    const image = get(c.node, 'image');
    if (str(image) !== undefined) {
      tc.image = str(image);
      tc.imageSpan = span(image!);
    }
    for (const pm of items(get(c.node, 'portMappings'))) {
      const cp = get(pm, 'containerPort');
      if (num(cp) !== undefined) tc.ports.push({ start: cp!.offset, end: cp!.offset + cp!.length, port: num(cp)! });
    }
    if (tc.imageSpan) tc.privileges = privilegesOf(td, c.node, tc.imageSpan);
    const cmd = get(get(c.node, 'healthCheck'), 'command');
    if (cmd?.type === 'array') tc.healthCheck = { command: items(cmd).map((n) => str(n) ?? ''), span: span(cmd) };
    out.containers.push(tc);
    addName(c.nameNode, true);
    for (const d of items(get(c.node, 'dependsOn'))) addName(get(d, 'containerName'), false);
    for (const v of items(get(c.node, 'volumesFrom'))) addName(get(v, 'sourceContainer'), false);
    // links: "name" or "name:alias"
    for (const l of items(get(c.node, 'links'))) {
      const s = str(l);
      if (s) addName(l, false, s.split(':')[0]);
    }
  }
  return out;
}

/** A container's privileges as its task definition sets them (`host` namespaces are the task's). */
function privilegesOf(td: Node, c: Node, image: Span): Privileges {
  const at = (obj: Node, key: string) => {
    const p = propNode(obj, key)!;
    return span(p);
  };
  const out: Privileges = { image, capAdd: [] };
  if (get(c, 'privileged')?.value === true) out.privileged = at(c, 'privileged');
  const user = get(c, 'user');
  const u = str(user)?.trim() ?? '';
  if (user && u && !isTemplated(u)) out.user = { ...span(user), value: u };
  for (const n of items(get(get(get(c, 'linuxParameters'), 'capabilities'), 'add'))) {
    const name = capabilityName(str(n) ?? '');
    if (name && !DEFAULT_CAPABILITIES.has(name)) out.capAdd.push({ ...span(n), name });
  }
  if (get(c, 'readonlyRootFilesystem')?.value === true) out.readOnlyRoot = at(c, 'readonlyRootFilesystem');
  if (str(get(td, 'networkMode')) === 'host') out.hostNetwork = at(td, 'networkMode');
  if (str(get(td, 'pidMode')) === 'host') out.hostPid = at(td, 'pidMode');
  if (str(get(td, 'ipcMode')) === 'host') out.hostIpc = at(td, 'ipcMode');
  return out;
}
