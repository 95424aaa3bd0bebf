/**
 * The committed schema and model are exactly what scripts/gen-ecs-schema.mjs makes from botocore's
 * ECS model; skipped where botocore (Python) is not installed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'gen-ecs-schema.mjs');
const SCHEMA = path.join(REPO_ROOT, 'schemas', 'ecs-task-definition.schema.json');
const MODEL = path.join(REPO_ROOT, 'server', 'src', 'languages', 'taskdef', 'data', 'model.json');

function generated(): { schema: string; model: string; common: string } | undefined {
  const out = execFileSync(process.execPath, [SCRIPT, '--print'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.trim() ? JSON.parse(out) : undefined;
}

describe('ECS schema generator', () => {
  const fresh = generated();
  it('committed schema and model match the generator output', {
    skip: fresh ? false : 'botocore not installed',
  }, () => {
    assert.equal(fs.readFileSync(SCHEMA, 'utf8'), fresh!.schema, 'run `node scripts/gen-ecs-schema.mjs`');
    assert.equal(fs.readFileSync(MODEL, 'utf8'), fresh!.model, 'run `node scripts/gen-ecs-schema.mjs`');
    const common = path.join(REPO_ROOT, 'common', 'ecs-task-definition.ts');
    assert.equal(fs.readFileSync(common, 'utf8'), fresh!.common, 'run `node scripts/gen-ecs-schema.mjs`');
  });

  it('the schema is draft-07, closed, and every $ref resolves', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(schema.required, ['family', 'containerDefinitions']);
    assert.equal(schema.additionalProperties, false);
    const refs = JSON.stringify(schema).match(/"#\/definitions\/(\w+)"/g) ?? [];
    assert.ok(refs.length > 30);
    for (const r of refs) assert.ok(schema.definitions[r.slice(15, -1)], r);
    assert.deepEqual(schema.properties.networkMode.enum, ['bridge', 'host', 'awsvpc', 'none']);
    assert.equal(schema.definitions.PortMapping.properties.containerPort.type, 'integer');
    assert.equal(schema.properties.tags.maxItems, 50);
    assert.equal(schema.definitions.ContainerDefinition.additionalProperties, false);
  });

  it('carries no AWS description sentences', () => {
    const text = fs.readFileSync(SCHEMA, 'utf8') + fs.readFileSync(MODEL, 'utf8');
    assert.doesNotMatch(text, /"(description|documentation)"/);
    assert.doesNotMatch(text, /<p>|Amazon Elastic Container Service Developer Guide/);
  });

  it('skips cleanly when botocore is absent', () => {
    const r = execFileSync(process.execPath, [SCRIPT, '--print'], {
      encoding: 'utf8',
      env: { ...process.env, BOTOCORE_DIR: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(r, '');
  });
});
