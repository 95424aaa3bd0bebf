// Prepare a task definition file for RegisterTaskDefinition: accept both the plain form and
// the `{"taskDefinition": {...}}` wrapper printed by `aws ecs describe-task-definition`,
// drop the fields ECS fills in itself (sending them back is rejected), and substitute
// `${VAR}` placeholders in string values.
import { parse, type ParseError, printParseErrorCode } from 'jsonc-parser';

import { READ_ONLY_TASK_DEFINITION_FIELDS } from '../../../common/ecs-task-definition';

export { READ_ONLY_TASK_DEFINITION_FIELDS };

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface PreparedTaskDefinition {
  /** The RegisterTaskDefinition input, ready to send (undefined when the text does not parse). */
  input: Record<string, unknown> | undefined;
  family: string | undefined;
  /** Read-only fields that were present and removed. */
  stripped: string[];
  /** Placeholder names that had no value (the input still contains them). */
  unresolved: string[];
  /** Placeholder names that were replaced. */
  substituted: string[];
  /** Problems that make the file unusable (syntax errors, not an object, no containerDefinitions). */
  errors: string[];
}

export function parseTaskDefinitionText(text: string): { value: unknown; errors: string[] } {
  const problems: ParseError[] = [];
  // Comments are tolerated (the object is sent, not the text); trailing commas are not, as the AWS CLI rejects them.
  const value = parse(text, problems, { allowTrailingComma: false, disallowComments: false });
  const errors = problems.map((p) => `${printParseErrorCode(p.error)} at offset ${p.offset}`);
  return { value, errors };
}

/** Every `${NAME}` placeholder in the string values of a JSON value, in order of first appearance. */
export function findPlaceholders(value: unknown): string[] {
  const found = new Set<string>();
  walkStrings(value, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) found.add(m[1]!);
    return s;
  });
  return [...found];
}

/** Replace `${NAME}` in string values with `vars[NAME]`; names without a value stay as they are. */
export function substitutePlaceholders(
  value: unknown,
  vars: Readonly<Record<string, string>>,
): { value: unknown; substituted: string[]; unresolved: string[] } {
  const substituted = new Set<string>();
  const unresolved = new Set<string>();
  const out = walkStrings(value, (s) =>
    s.replace(PLACEHOLDER, (whole, name: string) => {
      if (Object.hasOwn(vars, name)) {
        substituted.add(name);
        return vars[name]!;
      }
      unresolved.add(name);
      return whole;
    }),
  );
  return { value: out, substituted: [...substituted], unresolved: [...unresolved] };
}

function walkStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => walkStrings(v, fn));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walkStrings(v, fn);
    return out;
  }
  return value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The task definition object itself, unwrapping `{"taskDefinition": {...}}`; tags of the wrapper are kept. */
export function unwrapTaskDefinition(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value.taskDefinition) && !('containerDefinitions' in value)) {
    const inner = { ...value.taskDefinition };
    if (Array.isArray(value.tags) && value.tags.length > 0 && !('tags' in inner)) inner.tags = value.tags;
    return inner;
  }
  return value;
}

export function prepareTaskDefinition(
  source: string | unknown,
  vars: Readonly<Record<string, string>> = {},
): PreparedTaskDefinition {
  const result: PreparedTaskDefinition = {
    input: undefined,
    family: undefined,
    stripped: [],
    unresolved: [],
    substituted: [],
    errors: [],
  };
  let value: unknown = source;
  if (typeof source === 'string') {
    const parsed = parseTaskDefinitionText(source);
    if (parsed.errors.length > 0) {
      result.errors.push(...parsed.errors.map((e) => `JSON syntax: ${e}`));
      return result;
    }
    value = parsed.value;
  }
  const td = unwrapTaskDefinition(value);
  if (!td) {
    result.errors.push('A task definition must be a JSON object.');
    return result;
  }
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(td)) {
    if ((READ_ONLY_TASK_DEFINITION_FIELDS as readonly string[]).includes(k)) result.stripped.push(k);
    else input[k] = v;
  }
  if (!Array.isArray(input.containerDefinitions) || input.containerDefinitions.length === 0) {
    result.errors.push('The task definition has no containerDefinitions.');
  }
  const sub = substitutePlaceholders(input, vars);
  result.input = sub.value as Record<string, unknown>;
  result.substituted = sub.substituted;
  result.unresolved = sub.unresolved;
  result.family = typeof result.input.family === 'string' ? result.input.family : undefined;
  if (!result.family) result.errors.push('The task definition has no "family".');
  return result;
}

export interface AwsLogsTarget {
  container: string;
  logGroup: string;
  region: string | undefined;
  /** `awslogs-stream-prefix/container-name/` as ECS names the streams, when a prefix is set. */
  streamPrefix: string | undefined;
}

/** The awslogs destinations of a task definition's containers (for "Tail CloudWatch Logs"). */
export function awsLogsTargets(value: unknown): AwsLogsTarget[] {
  const td = unwrapTaskDefinition(value);
  const out: AwsLogsTarget[] = [];
  if (!td || !Array.isArray(td.containerDefinitions)) return out;
  for (const c of td.containerDefinitions) {
    if (!isObject(c) || !isObject(c.logConfiguration)) continue;
    const lc = c.logConfiguration;
    if (lc.logDriver !== 'awslogs' || !isObject(lc.options)) continue;
    const group = lc.options['awslogs-group'];
    if (typeof group !== 'string' || group === '') continue;
    const name = typeof c.name === 'string' ? c.name : '';
    const prefix = lc.options['awslogs-stream-prefix'];
    const region = lc.options['awslogs-region'];
    out.push({
      container: name,
      logGroup: group,
      region: typeof region === 'string' && region !== '' ? region : undefined,
      streamPrefix: typeof prefix === 'string' && prefix !== '' ? `${prefix}/${name ? `${name}/` : ''}` : undefined,
    });
  }
  return out;
}

/** Does this JSON text look like a task definition (plain or wrapped)? Used for CodeLens. */
export function looksLikeTaskDefinition(text: string): boolean {
  if (!/"containerDefinitions"\s*:/.test(text)) return false;
  const { value } = parseTaskDefinitionText(text);
  const td = unwrapTaskDefinition(value);
  return !!td && Array.isArray(td.containerDefinitions);
}

/** The region of an ECR image host (`123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1` → eu-west-1). */
export function ecrImageRegion(image: string): string | undefined {
  return /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?\//.exec(image)?.[1];
}

export interface RegionHint {
  region: string;
  /** Where it was read, for the user: `awslogs-region of container web`. */
  source: string;
}

/**
 * The region a task definition names: a container's `awslogs-region` (its log group lives there, and
 * usually the service too), else the region of an ECR image host. Placeholders left unfilled are skipped.
 */
export function taskDefinitionRegion(value: unknown): RegionHint | undefined {
  const td = unwrapTaskDefinition(value);
  if (!td || !Array.isArray(td.containerDefinitions)) return undefined;
  const containers = td.containerDefinitions.filter(isObject);
  const label = (c: Record<string, unknown>) => (typeof c.name === 'string' && c.name ? ` of container ${c.name}` : '');
  const valid = (r: unknown): r is string => typeof r === 'string' && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(r);
  for (const c of containers) {
    const lc = c.logConfiguration;
    const r = isObject(lc) && isObject(lc.options) ? lc.options['awslogs-region'] : undefined;
    if (valid(r)) return { region: r, source: `awslogs-region${label(c)}` };
  }
  for (const c of containers) {
    const r = typeof c.image === 'string' ? ecrImageRegion(c.image) : undefined;
    if (r) return { region: r, source: `the ECR image${label(c)}` };
  }
  return undefined;
}

/**
 * Whether an error-level finding would make RegisterTaskDefinition fail, and so blocks a deploy: the
 * task definition's own API and validation rules (TD0xx model, TD1xx launch type, TD2xx containers). Not
 * practices (TD3xx) nor findings about other files (XF…: a workflow naming a container that is not there
 * breaks that workflow, not this registration).
 */
export function blocksRegistration(code: string): boolean {
  return /^TD[0-2]\d\d$/.test(code);
}
