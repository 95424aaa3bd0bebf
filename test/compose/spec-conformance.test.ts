/**
 * Our spec model accepts every form the reference Compose schema accepts (compose-go's, the one Docker
 * Compose loads: JSON Schema 2020-12 with `$defs`), and rejects what it rejects: samples of every accepted form (each oneOf branch, each type, each key) are generated
 * from the reference schema's facts and judged by both the reference (through ajv, when present) and
 * our validator; so are wrong-typed and unknown-key mutations, and the real files of the corpus.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify, parse } from 'yaml';
import { parseCompose } from '../../server/src/languages/compose/parse';
import { validate as validateIn } from '../../server/src/languages/compose/spec';
import { createOnce } from '../../server/src/engine/once';
import type { ComposeModel } from '../../server/src/languages/compose/parse';

const validate = (model: ComposeModel) => validateIn({ model, once: createOnce() });

const repoRoot = resolve(__dirname, '../../..');
function shared(rel: string): string | undefined {
  for (const base of [resolve(repoRoot, '..'), resolve(repoRoot, '../..')]) {
    const p = resolve(base, 'shared', rel);
    if (existsSync(p)) return p;
  }
  return undefined;
}
const schemaPath = shared('data/schemas/compose-go-schema.json');
let Ajv: any;
try {
  Ajv = require('ajv/dist/2020').default;
} catch {
  Ajv = undefined;
}
const REF = /^#\/(\$defs|definitions)\//;

/** Samples for the patterns the reference uses on keys and strings. */
const PATTERN_SAMPLES: Record<string, string> = {
  '^[a-zA-Z0-9._-]+$': 'name1',
  '^.+$': 'opt',
  '.+': 'KEY',
  '^[a-z]+$': 'nofile',
  '^x-': 'x-ext',
  '[a-zA-Z0-9][a-zA-Z0-9_.-]+': 'my-container',
  'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+': 'missing',
};

type Json = unknown;

function makeForms(schema: any, defs: any) {
  const memo = new Map<any, Json[]>();
  const forms = (s: any, depth: number): Json[] => {
    if (s === true || s === undefined || (s && Object.keys(s).length === 0)) return ['anything'];
    if (s.$ref) return forms(defs[s.$ref.replace(REF, '')], depth);
    if (memo.has(s)) return memo.get(s)!;
    if (depth > 12) return [];
    const out: Json[] = [];
    if (s.oneOf) for (const b of s.oneOf) out.push(...forms(b, depth + 1));
    const types: string[] = s.type
      ? Array.isArray(s.type)
        ? s.type
        : [s.type]
      : s.oneOf
        ? []
        : s.properties
          ? ['object']
          : ['string'];
    for (const t of types) {
      if (s.enum) {
        if (t === 'string') out.push(...s.enum);
        continue;
      }
      if (t === 'string') out.push(s.pattern ? sampleFor(s.pattern) : 'text');
      else if (t === 'integer') out.push(s.minimum !== undefined ? s.minimum : 1);
      else if (t === 'number') out.push(s.minimum !== undefined ? s.minimum + 0.5 : 1.5);
      else if (t === 'boolean') out.push(true);
      else if (t === 'null') out.push(null);
      else if (t === 'array') {
        const itemForms = s.items ? forms(s.items, depth + 1) : ['a'];
        out.push(itemForms.length ? [itemForms[0]] : []);
        if (!s.uniqueItems) out.push(itemForms.slice(0, 2));
        else {
          const distinct = dedupe(itemForms).slice(0, 3);
          if (distinct.length > 1) out.push(distinct);
        }
        for (const f of itemForms.slice(1)) out.push([f]);
      } else if (t === 'object') out.push(...objectForms(s, depth));
    }
    memo.set(s, out);
    return out;
  };
  const objectForms = (s: any, depth: number): Json[] => {
    const base: Record<string, Json> = {};
    for (const r of s.required ?? []) {
      const f = forms(s.properties?.[r] ?? {}, depth + 1);
      base[r] = f[0];
    }
    const out: Json[] = [{ ...base }];
    for (const [k, v] of Object.entries<any>(s.properties ?? {}))
      for (const f of forms(v, depth + 1)) out.push({ ...base, [k]: f });
    for (const [re, v] of Object.entries<any>(s.patternProperties ?? {})) {
      const key = sampleFor(re);
      for (const f of forms(v, depth + 1)) out.push({ ...base, [key]: f });
    }
    return out;
  };
  return forms(schema, 0);
}

function sampleFor(pattern: string): string {
  const s = PATTERN_SAMPLES[pattern];
  if (s === undefined) throw new Error(`no sample for pattern ${pattern}: add one`);
  return s;
}
function dedupe(list: Json[]): Json[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function ours(value: Json): string[] {
  const text = stringify(value);
  const model = parseCompose(text, '/ws/compose.yaml');
  assert.deepEqual(model.problems, [], `sample is valid YAML:\n${text}`);
  return validate(model).map((i) => `${i.kind} ${i.path} ${i.name}`);
}

describe('compose spec model against the reference schema', {
  skip: !schemaPath && 'reference schema not found',
}, () => {
  const schema = schemaPath ? JSON.parse(readFileSync(schemaPath, 'utf8')) : {};
  const defs = schema.$defs ?? schema.definitions ?? {};
  const documents = schemaPath
    ? dedupe(makeForms({ ...schema, definitions: undefined, $defs: undefined }, defs)).filter(
        (d) => d && typeof d === 'object' && !Array.isArray(d),
      )
    : [];
  let reference: ((v: Json) => boolean) | undefined;
  if (Ajv && schemaPath) {
    const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
    const copy = { ...schema };
    delete copy.$schema;
    const fn = ajv.compile(copy);
    reference = (v) => fn(v) as boolean;
  }

  it('generates samples of every accepted form', () => {
    assert.ok(documents.length > 500, `only ${documents.length} samples`);
  });

  it('every generated form that the reference accepts, we accept', (t) => {
    const failures: string[] = [];
    let accepted = 0;
    for (const d of documents) {
      if (reference && !reference(d)) continue; // a sample the generator got wrong (e.g. oneOf overlap): not a form the reference accepts
      accepted++;
      const issues = ours(d);
      if (issues.length) failures.push(`${issues.join('; ')}\n${stringify(d)}`);
    }
    t.diagnostic(
      `${documents.length} samples, ${accepted} accepted by the ` +
        `reference${reference ? '' : ' (ajv absent: all assumed accepted)'}`,
    );
    assert.ok(accepted > 500, `only ${accepted} accepted samples`);
    assert.deepEqual(failures.slice(0, 5), []);
  });

  it('wrong types and unknown keys that the reference rejects, we reject', {
    skip: !reference && 'ajv is not installed: the reference verdicts are unknown',
  }, (t) => {
    const mutants: Json[] = [];
    const wrongValues: Json[] = [12345, 'str', true, ['a'], { k: 'v' }, 1.5, null];
    // mutate each key of each sample document, one at a time, at every depth of a bounded walk
    const mutate = (root: any, node: any, depth: number) => {
      if (!node || typeof node !== 'object' || depth > 6) return;
      for (const k of Object.keys(node)) {
        const keep = node[k];
        for (const w of wrongValues) {
          node[k] = w;
          mutants.push(structuredClone(root));
        }
        node[k] = keep;
        mutate(root, keep, depth + 1);
      }
      if (!Array.isArray(node)) {
        node.bogus_key = 1;
        mutants.push(structuredClone(root));
        delete node.bogus_key;
      }
    };
    // every 3rd sample is enough to touch every key; bounded so the test stays quick on 2 cores
    for (let i = 0; i < documents.length && mutants.length < 8000; i += 3) {
      const c = structuredClone(documents[i]) as any;
      mutate(c, c, 0);
    }
    const failures: string[] = [];
    let rejected = 0,
      agreed = 0;
    for (const m of mutants) {
      const refOk = reference!(m);
      const ourIssues = ours(m);
      if (!refOk) {
        rejected++;
        if (ourIssues.length) agreed++;
        else failures.push(`reference rejects, we accept:\n${stringify(m)}`);
      } else if (ourIssues.length) failures.push(`reference accepts, we reject (${ourIssues[0]}):\n${stringify(m)}`);
    }
    t.diagnostic(`${mutants.length} mutants, ${rejected} rejected by the reference, ${agreed} of them by us too`);
    assert.ok(rejected > 1000, `only ${rejected} rejected mutants`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} disagreements of ${mutants.length}`);
  });

  const corpus = shared('corpus/compose');
  it('the real files of the corpus get the same verdict from both', {
    skip: (!corpus || !reference) && 'corpus or ajv absent',
  }, () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = resolve(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(e.name)) files.push(p);
      }
    };
    walk(corpus!);
    assert.ok(files.length > 0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const model = parseCompose(text, f);
      if (model.problems.length) continue;
      const refOk = reference!(parse(text, { merge: true }));
      assert.equal(validate(model).length === 0, refOk, f);
    }
  });
});

describe('keys compose-go accepts that the spec repository lacks', () => {
  it('pre_start hooks are known, and their keys are checked', () => {
    const ok = parseCompose(
      'services:\n  app:\n    image: myorg/app:1.4\n    pre_start:\n      - image: myorg/migrate:1.4\n' +
        '        command: ["migrate", "up"]\n        environment:\n          DATABASE_URL: postgres://db/app\n' +
        '        per_replica: false\n',
      '/ws/compose.yaml',
    );
    assert.deepEqual(validate(ok), []);
    const typo = parseCompose(
      'services:\n  app:\n    image: myorg/app:1.4\n    pre_start:\n      - image: myorg/migrate:1.4\n' +
        '        comand: ["migrate", "up"]\n',
      '/ws/compose.yaml',
    );
    assert.deepEqual(
      validate(typo).map((i) => `${i.kind} ${i.name} ${i.suggestion}`),
      ['unknownKey comand command'],
    );
  });
});
