#!/usr/bin/env node
/**
 * Generates the ECS task definition schema and the compact model the taskdef rules read, from the
 * ECS API model that botocore ships (data/ecs/<version>/service-2.json.gz). Only facts are carried
 * over (names, types, enums, required flags, bounds); AWS's description sentences are not.
 *
 *   node scripts/gen-ecs-schema.mjs            write schemas/ecs-task-definition.schema.json and
 *                                              server/src/languages/taskdef/data/model.json
 *   node scripts/gen-ecs-schema.mjs --print    print {"schema": "...", "model": "..."} (the exact
 *                                              file texts) instead of writing, for the drift test
 *   node scripts/gen-ecs-schema.mjs --check    exit 1 when a committed file differs from the output
 *   BOTOCORE_DIR=/path/to/botocore             use that botocore instead of asking python3
 *
 * Exits 0 with "skip: ..." on stderr (and prints nothing with --print) when botocore is absent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { factsDate } from './lib/provenance.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_OUT = path.join(ROOT, 'schemas/ecs-task-definition.schema.json');
const MODEL_OUT = path.join(ROOT, 'server/src/languages/taskdef/data/model.json');
const COMMON_OUT = path.join(ROOT, 'common/ecs-task-definition.ts');

function findBotocore() {
  if (process.env.BOTOCORE_DIR) return fs.existsSync(process.env.BOTOCORE_DIR) ? process.env.BOTOCORE_DIR : undefined;
  for (const py of ['python3', 'python']) {
    try {
      const dir = execFileSync(py, ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (dir && fs.existsSync(dir)) return dir;
    } catch {
      /* try the next one */
    }
  }
  return undefined;
}

function loadService(botocoreDir) {
  const ecsDir = path.join(botocoreDir, 'data', 'ecs');
  if (!fs.existsSync(ecsDir)) return undefined;
  const version = fs
    .readdirSync(ecsDir)
    .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
    .sort()
    .pop();
  if (!version) return undefined;
  const gz = path.join(ecsDir, version, 'service-2.json.gz');
  const plain = path.join(ecsDir, version, 'service-2.json');
  const text = fs.existsSync(gz)
    ? zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8')
    : fs.existsSync(plain)
      ? fs.readFileSync(plain, 'utf8')
      : undefined;
  if (!text) return undefined;
  // Region codes (for awslogs-region and ARNs) come from botocore's endpoint partitions.
  const endpoints = path.join(botocoreDir, 'data', 'endpoints.json');
  const partitions = fs.existsSync(endpoints) ? JSON.parse(fs.readFileSync(endpoints, 'utf8')).partitions : [];
  const regions = {};
  for (const p of partitions) regions[p.partition] = Object.keys(p.regions ?? {}).sort();
  // botocore's own release, e.g. 1.43.11 (the ECS API version alone does not change when the model does).
  const init = path.join(botocoreDir, '__init__.py');
  const release = fs.existsSync(init) ? /__version__ = '([^']+)'/.exec(fs.readFileSync(init, 'utf8'))?.[1] : undefined;
  return { version, release, service: JSON.parse(text), regions };
}

/** Every shape reachable from `root`, sorted by name so the output is stable. */
function reachable(shapes, root) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = shapes[name];
    for (const k of ['member', 'key', 'value']) if (s[k]) visit(s[k].shape);
    for (const m of Object.values(s.members ?? {})) visit(m.shape);
  };
  visit(root);
  return [...seen].sort();
}

const PRIMITIVE = {
  string: 'string',
  integer: 'integer',
  long: 'integer',
  boolean: 'boolean',
  double: 'number',
  float: 'number',
  timestamp: 'string',
};

function compactShape(s) {
  const out = { type: s.type };
  if (s.type === 'structure') {
    out.members = Object.fromEntries(
      Object.entries(s.members).map(([k, m]) => [k, m.deprecated ? { shape: m.shape, deprecated: true } : m.shape]),
    );
    if (s.required?.length) out.required = [...s.required];
  }
  if (s.type === 'list') out.member = s.member.shape;
  if (s.type === 'map') {
    out.key = s.key.shape;
    out.value = s.value.shape;
  }
  if (s.enum) out.enum = [...s.enum];
  for (const k of ['min', 'max', 'pattern']) if (s[k] !== undefined) out[k] = s[k];
  if (s.deprecated) out.deprecated = true;
  return out;
}

function schemaFor(shapes, name) {
  const s = shapes[name];
  if (s.type === 'structure') return { $ref: `#/definitions/${name}` };
  if (s.type === 'list') {
    const o = { type: 'array', items: schemaFor(shapes, s.member.shape) };
    if (s.min !== undefined) o.minItems = s.min;
    if (s.max !== undefined) o.maxItems = s.max;
    return o;
  }
  if (s.type === 'map') {
    const o = { type: 'object', additionalProperties: schemaFor(shapes, s.value.shape) };
    const key = shapes[s.key.shape];
    if (key.enum) o.propertyNames = { enum: [...key.enum] };
    return o;
  }
  const type = PRIMITIVE[s.type];
  if (!type) throw new Error(`unhandled shape type ${s.type} (${name})`);
  const o = { type };
  if (s.enum) o.enum = [...s.enum];
  if (type === 'string') {
    if (s.min !== undefined) o.minLength = s.min;
    if (s.max !== undefined) o.maxLength = s.max;
    if (s.pattern !== undefined) o.pattern = s.pattern;
  } else {
    if (s.min !== undefined) o.minimum = s.min;
    if (s.max !== undefined) o.maximum = s.max;
  }
  return o;
}

function structureSchema(shapes, name) {
  const s = shapes[name];
  const o = { type: 'object', properties: {} };
  for (const [k, m] of Object.entries(s.members)) {
    const p = schemaFor(shapes, m.shape);
    o.properties[k] = m.deprecated || shapes[m.shape].deprecated ? { ...p, deprecated: true } : p;
  }
  if (s.required?.length) o.required = [...s.required];
  o.additionalProperties = false;
  return o;
}

/**
 * The files' texts. `release` is botocore's version; `date` the day the facts last changed (see lib/provenance.mjs:
 * kept from the committed model while the facts stay the same).
 */
export function generate(service, version, regions = {}, release = undefined, date = undefined) {
  const shapes = service.shapes;
  const root = 'RegisterTaskDefinitionRequest';
  const names = reachable(shapes, root);
  const request = shapes[root];
  const described = shapes.TaskDefinition?.members ?? {};
  // Fields describe-task-definition prints that register-task-definition does not accept.
  const readOnly = Object.keys(described).filter((k) => !(k in request.members));

  const facts = {
    source: `botocore ${release ?? '(version unknown)'} ecs ${version} ${root}`,
    root,
    readOnly,
    regions,
    shapes: Object.fromEntries(names.map((n) => [n, compactShape(shapes[n])])),
  };
  const stamped = date ?? factsDate(MODEL_OUT, facts, { ignore: ['source'] });
  const { source, ...rest } = facts;
  const model = { source, date: stamped, ...rest };
  const from = `botocore ${release ?? ''} (ECS model ${version}, facts of ${stamped})`.replace('  ', ' ');

  const rootSchema = structureSchema(shapes, root);
  const definitions = {};
  for (const n of names) if (n !== root && shapes[n].type === 'structure') definitions[n] = structureSchema(shapes, n);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://shipshape.invalid/schemas/ecs-task-definition.schema.json',
    title: 'Amazon ECS task definition (RegisterTaskDefinition input)',
    $comment: `Generated by scripts/gen-ecs-schema.mjs from ${from}; do not edit.`,
    ...rootSchema,
    definitions,
  };
  // What the client (deploy) and the server (TD rules) both need, in the one place both may import.
  const common =
    `// Generated by scripts/gen-ecs-schema.mjs; do not edit.\n// Source: ${from}.\n\n` +
    '/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not accept. */\n' +
    `export const READ_ONLY_TASK_DEFINITION_FIELDS = [\n${readOnly.map((f) => `  '${f}',\n`).join('')}] as const;\n`;
  return {
    schema: JSON.stringify(schema, null, 2) + '\n',
    model: JSON.stringify(model, null, 1) + '\n',
    common,
  };
}

function main() {
  const print = process.argv.includes('--print');
  const dir = findBotocore();
  const loaded = dir && loadService(dir);
  if (!loaded) {
    process.stderr.write('skip: botocore with data/ecs/*/service-2.json(.gz) not found\n');
    return;
  }
  const out = generate(loaded.service, loaded.version, loaded.regions, loaded.release);
  if (print) {
    process.stdout.write(JSON.stringify(out));
    return;
  }
  if (process.argv.includes('--check')) {
    const stale = [
      [SCHEMA_OUT, out.schema],
      [MODEL_OUT, out.model],
      [COMMON_OUT, out.common],
    ].filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
    for (const [file] of stale) process.stderr.write(`${path.relative(ROOT, file)} is stale\n`);
    if (stale.length) process.exit(1);
    process.stderr.write(`the ECS schema and model are up to date (botocore ${loaded.release})\n`);
    return;
  }
  fs.mkdirSync(path.dirname(SCHEMA_OUT), { recursive: true });
  fs.mkdirSync(path.dirname(MODEL_OUT), { recursive: true });
  fs.writeFileSync(SCHEMA_OUT, out.schema);
  fs.writeFileSync(MODEL_OUT, out.model);
  fs.writeFileSync(COMMON_OUT, out.common);
  process.stderr.write(
    `wrote ${path.relative(ROOT, SCHEMA_OUT)}, ${path.relative(ROOT, MODEL_OUT)} and ${path.relative(ROOT, COMMON_OUT)} from ecs ${loaded.version}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
