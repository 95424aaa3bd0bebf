#!/usr/bin/env node
/**
 * Generates server/src/languages/workflow/data/workflow-schema.json and action-schema.json, the facts of GitHub's own
 * workflow and action metadata schemas (`workflow-v1.0.json` and `action-v1.0.json` of the installed
 * @actions/workflow-parser, MIT): every definition's keys,
 * value types, one-of forms, required keys, constant and non-empty strings, allowed values, and the
 * `context` lists that say which expression contexts and special functions each place allows. No
 * description text is copied: hover text stays our own (server/src/languages/workflow/schema-docs.ts).
 * The parser's built-in definitions (null, boolean, number, string, sequence, mapping, any) are added.
 *
 * Usage: node scripts/gen-workflow-schema.mjs [--check]
 *   --check: exit 1 when the committed file differs from what the installed package gives.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factsDate } from './lib/provenance.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const require = createRequire(import.meta.url);
// The package exports no package.json: find its folder on the resolution paths.
const pkgDir = (require.resolve.paths('@actions/workflow-parser') ?? [])
  .map((d) => resolve(d, '@actions/workflow-parser'))
  .find((d) => existsSync(resolve(d, 'package.json')));
if (!pkgDir) {
  console.error('@actions/workflow-parser is not installed (npm ci)');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(resolve(pkgDir, 'package.json'), 'utf8'));
/** One definition in our shape: only facts, keys sorted as in the source. */
function convert(name, d) {
  const out = {};
  if (d.context?.length) out.context = [...d.context];
  if (d.mapping) {
    const m = {};
    if (d.mapping.properties) {
      m.properties = {};
      for (const [k, v] of Object.entries(d.mapping.properties)) {
        const type = typeof v === 'string' ? v : v.type;
        m.properties[k] = typeof v === 'object' && v.required ? { type, required: true } : type;
      }
    }
    if (d.mapping['loose-key-type']) m.looseKeyType = d.mapping['loose-key-type'];
    if (d.mapping['loose-value-type']) m.looseValueType = d.mapping['loose-value-type'];
    out.mapping = m;
  }
  if (d.sequence) out.sequence = d.sequence['item-type'];
  if (d['one-of']) out.oneOf = [...d['one-of']];
  if (d['allowed-values']) out.allowedValues = [...d['allowed-values']];
  if (d.string) {
    const s = {};
    if (d.string.constant !== undefined) s.constant = d.string.constant;
    if (d.string['require-non-empty']) s.nonEmpty = true;
    if (d.string['ignore-case']) s.ignoreCase = true;
    if (d.string['is-expression']) s.isExpression = true;
    out.string = s;
  }
  if (d.boolean) out.boolean = true;
  if (d.number) out.number = true;
  if (d.null) out.null = true;
  const known = new Set([
    'description',
    'context',
    'mapping',
    'sequence',
    'one-of',
    'allowed-values',
    'string',
    'boolean',
    'number',
    'null',
  ]);
  for (const k of Object.keys(d))
    if (!known.has(k)) throw new Error(`definition ${name}: unknown schema key "${k}" (update the generator)`);
  return out;
}

const BUILTINS = {
  // The parser's built-in definitions (TemplateSchema's constructor).
  null: { null: true },
  boolean: { boolean: true },
  number: { number: true },
  string: { string: {} },
  sequence: { sequence: 'any' },
  mapping: { mapping: { looseKeyType: 'string', looseValueType: 'any' } },
  any: { oneOf: ['null', 'boolean', 'number', 'string', 'sequence', 'mapping'] },
  'non-empty-string': { string: { nonEmpty: true } },
  'sequence-of-non-empty-string': { sequence: 'non-empty-string' },
};

// Every referenced definition must exist, so the interpreter never meets a dangling name.
const refs = (d) => [
  ...Object.values(d.mapping?.properties ?? {}).map((p) => (typeof p === 'string' ? p : p.type)),
  d.mapping?.looseKeyType,
  d.mapping?.looseValueType,
  d.sequence,
  ...(d.oneOf ?? []),
];

/** One schema file of the package → our JSON text. */
function generate(base, root) {
  const schemaFile = [`dist/${base}.json`, `dist/${base}.min.json`]
    .map((f) => resolve(pkgDir, f))
    .find((f) => existsSync(f));
  if (!schemaFile) {
    console.error(`${base}.json not found in ${pkgDir}`);
    process.exit(2);
  }
  const raw = readFileSync(schemaFile, 'utf8');
  const definitions = { ...BUILTINS };
  for (const [name, d] of Object.entries(JSON.parse(raw).definitions)) definitions[name] = convert(name, d);
  for (const [name, d] of Object.entries(definitions))
    for (const r of refs(d)) if (r && !definitions[r]) throw new Error(`definition ${name} refers to unknown ${r}`);
  return {
    source: `${pkg.name}@${pkg.version} ${schemaFile.slice(pkgDir.length + 1)}`,
    sha256: createHash('sha256').update(raw).digest('hex'),
    root,
    definitions,
  };
}

/** The file's text: `date` is the day its facts last changed (kept from the committed file while they stay the same). */
function stamped(outPath, facts) {
  const { source, ...rest } = facts;
  return JSON.stringify({ source, date: factsDate(outPath, facts), ...rest }, null, 1) + '\n';
}

const outputs = [
  ['workflow-schema.json', generate('workflow-v1.0', 'workflow-root-strict')],
  ['action-schema.json', generate('action-v1.0', 'action-root-strict')],
];
let stale = false;
for (const [file, facts] of outputs) {
  const outPath = resolve(root, 'server/src/languages/workflow/data', file);
  const json = stamped(outPath, facts);
  if (check) {
    const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
    if (current !== json) {
      console.error(
        `${outPath} is stale: the installed ${pkg.name}@${pkg.version} schema differs; ` +
          'run node scripts/gen-workflow-schema.mjs',
      );
      stale = true;
    }
  } else {
    writeFileSync(outPath, json);
    console.log(`wrote ${outPath} (${json.length} bytes)`);
  }
}
if (check && stale) process.exit(1);
if (check) console.log('workflow-schema.json and action-schema.json are up to date');
