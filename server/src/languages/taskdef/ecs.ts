/** ECS facts the rules share: the generated model, Fargate sizes, regions, containers. */
import type { Node } from 'jsonc-parser';
import modelData from './data/model.json';
import { get, items, str, num, isTemplated, props, keyOf } from './json';
import { fact, strings } from './limits';

export interface ShapeDef {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'double' | 'float' | 'timestamp';
  members?: Record<string, string | { shape: string; deprecated?: boolean }>;
  required?: string[];
  member?: string;
  key?: string;
  value?: string;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  deprecated?: boolean;
}

export const MODEL = modelData as unknown as {
  source: string;
  root: string;
  readOnly: string[];
  regions: Record<string, string[]>;
  shapes: Record<string, ShapeDef>;
};

export function shape(name: string): ShapeDef {
  return MODEL.shapes[name];
}
export function memberShape(structure: string, key: string): string | undefined {
  const m = MODEL.shapes[structure]?.members?.[key];
  return m === undefined ? undefined : typeof m === 'string' ? m : m.shape;
}
export function memberNames(structure: string): string[] {
  return Object.keys(MODEL.shapes[structure]?.members ?? {});
}
/** The member names of each structure of the model, as a set (built once, when the module loads). */
const MEMBER_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(MODEL.shapes).map(([name, s]) => [name, new Set(Object.keys(s.members ?? {}))]),
);
/** Whether `key` is a member of the structure (memberNames(structure).includes(key), without the array). */
export function isMember(structure: string, key: string): boolean {
  return MEMBER_SETS.get(structure)?.has(key) ?? false;
}

export const ALL_REGIONS: readonly string[] = Object.values(MODEL.regions).flat();
export function isRegion(s: string): boolean {
  return ALL_REGIONS.includes(s);
}

/** Fargate task sizes: cpu units → allowed memory MiB (Linux; Windows starts at 1024 cpu), from data/limits.json. */
export const FARGATE_SIZES: ReadonlyArray<{ cpu: number; memory: number[] }> = fact('fargate-sizes').sizes!.map(
  (s) => ({
    cpu: s.cpu,
    memory: s.memory ?? range(s.from!, s.to!, s.step!),
  }),
);
/** The task cpu values Windows containers on Fargate accept. */
export const FARGATE_WINDOWS_CPU: readonly number[] = (fact('fargate-windows-cpu').values ?? []).map(Number);
function range(a: number, b: number, step: number): number[] {
  const r: number[] = [];
  for (let v = a; v <= b; v += step) r.push(v);
  return r;
}

/** Task-level cpu: "256", "1024", "1 vCPU", "0.5 vcpu" → cpu units; undefined when unknown. */
export function parseCpu(s: string): number | undefined {
  const t = s.trim();
  let m = /^(\d+)$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(t);
  if (m) return Math.round(Number(m[1]) * 1024);
  return undefined;
}

/** Task-level memory: "512", "2 GB", "0.5GB" → MiB; undefined when unknown. */
export function parseMemory(s: string): number | undefined {
  const t = s.trim();
  let m = /^(\d+)$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(t);
  if (m) return Math.round(Number(m[1]) * 1024);
  m = /^(\d+)\s*mb$/i.exec(t);
  if (m) return Number(m[1]);
  return undefined;
}

/** A numeric-or-string task size node: value, or undefined when absent/templated/unparsable. */
export function taskSize(n: Node | undefined, parse: (s: string) => number | undefined): number | undefined {
  if (!n) return undefined;
  if (n.type === 'number') return n.value as number;
  const s = str(n);
  if (s === undefined || isTemplated(s)) return undefined;
  return parse(s);
}

export function compatibilities(td: Node | undefined): string[] {
  return items(get(td, 'requiresCompatibilities'))
    .map((n) => str(n))
    .filter((s): s is string => s !== undefined);
}
export function isFargate(td: Node | undefined): boolean {
  return compatibilities(td).includes('FARGATE');
}
export function osFamily(td: Node | undefined): string | undefined {
  return str(get(get(td, 'runtimePlatform'), 'operatingSystemFamily'));
}
export function isWindows(td: Node | undefined): boolean {
  return (osFamily(td) ?? '').startsWith('WINDOWS');
}
/** The network mode as written; `bridge` is the default on EC2. */
export function networkMode(td: Node | undefined): string | undefined {
  return str(get(td, 'networkMode'));
}

export interface Container {
  node: Node;
  name?: string;
  nameNode?: Node;
}
export function containers(td: Node | undefined): Container[] {
  return items(get(td, 'containerDefinitions'))
    .filter((n) => n.type === 'object')
    .map((node) => {
      const nameNode = get(node, 'name');
      return { node, name: str(nameNode), nameNode };
    });
}
export function isEssential(c: Node): boolean {
  return get(c, 'essential')?.value !== false;
}

export function intValue(n: Node | undefined): number | undefined {
  return num(n);
}

/** A JSON object's members as a plain record of nodes. */
export function members(obj: Node | undefined): Map<string, Node> {
  const m = new Map<string, Node>();
  for (const p of props(obj)) m.set(keyOf(p), p);
  return m;
}

/** Log drivers Fargate accepts. */
export const FARGATE_LOG_DRIVERS = strings('fargate-log-drivers');

/** Options each log driver understands (for completions and the awslogs rule). */
export const LOG_DRIVER_OPTIONS: Record<string, string[]> = {
  awslogs: strings('awslogs-options'),
  splunk: strings('splunk-options'),
  awsfirelens: [
    'Name',
    'region',
    'log_group_name',
    'log_stream_prefix',
    'log_stream_name',
    'auto_create_group',
    'delivery_stream',
    'stream',
    'Host',
    'Port',
    'Index',
    'tls',
    'retry_limit',
    'log-driver-buffer-limit',
  ],
  fluentd: [
    'fluentd-address',
    'fluentd-async',
    'fluentd-buffer-limit',
    'fluentd-retry-wait',
    'fluentd-max-retries',
    'fluentd-sub-second-precision',
    'tag',
    'labels',
    'env',
  ],
  gelf: [
    'gelf-address',
    'gelf-compression-type',
    'gelf-compression-level',
    'gelf-tcp-max-reconnect',
    'gelf-tcp-reconnect-delay',
    'tag',
    'labels',
    'env',
  ],
  'json-file': ['max-size', 'max-file', 'labels', 'env', 'compress'],
  journald: ['tag', 'labels', 'env'],
  syslog: [
    'syslog-address',
    'syslog-facility',
    'syslog-tls-ca-cert',
    'syslog-tls-cert',
    'syslog-tls-key',
    'syslog-tls-skip-verify',
    'syslog-format',
    'tag',
    'labels',
    'env',
  ],
  logentries: ['logentries-token', 'line-only'],
};

/** An account id, or a placeholder word standing for one ("account", "ACCOUNT_ID"). */
const ACCOUNT = String.raw`(\d{12}|[A-Za-z][A-Za-z_-]*)`;
const PARTITION = 'arn:aws(-[a-z]+)*';
/** IAM role ARN (a path is allowed). */
export const ROLE_ARN = new RegExp(String.raw`^${PARTITION}:iam::${ACCOUNT}:role\/[\w+=,.@\/-]+$`);
/** A bare IAM role name. */
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
export const SECRETS_MANAGER_ARN = new RegExp(
  String.raw`^${PARTITION}:secretsmanager:[a-z0-9-]+:${ACCOUNT}:secret:[\w\/+=.@-]+(:[^:]*){0,3}$`,
);
export const SSM_PARAMETER_ARN = new RegExp(String.raw`^${PARTITION}:ssm:[a-z0-9-]+:${ACCOUNT}:parameter\/?[\w.\/-]+$`);
export const SSM_PARAMETER_NAME = /^\/?[\w./-]+$/;
export const S3_OBJECT_ARN = new RegExp(String.raw`^${PARTITION}:s3:::[a-z0-9.-]+\/.+$`);
/** Any ARN: arn:partition:service:region:account:resource. */
export const GENERIC_ARN = /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:[^:]*:.+$/;

/** Whether an image reference points at a private ECR repository. */
export function isPrivateEcr(image: string): boolean {
  return /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image);
}
