/** Completions, hovers and symbols through the real service. `|` marks the cursor. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Completion } from '../../server/src/engine/types';
import { memoryService } from '../helpers/context';
import { applyEdits } from '../../server/src/engine/fixes';
import { MODEL } from '../../server/src/languages/taskdef/ecs';
import { fieldDoc } from '../../server/src/languages/taskdef/docs';

const PATH = '/ws/ecs/task-definition.json';
const service = memoryService();
const settings = service.settingsFor(PATH);

function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
function complete(marked: string): Completion[] {
  const { text, offset } = at(marked);
  return service.complete({ path: PATH, text, kind: 'taskdef' }, offset, settings);
}
const labels = (items: Completion[]) => items.map((i) => i.label);
/** The text after accepting `label` (snippet tab stops stripped to their defaults). */
function accept(marked: string, label: string): string {
  const { text } = at(marked);
  const item = complete(marked).find((i) => i.label === label);
  assert.ok(item, `no completion ${label}`);
  const { offset } = at(marked);
  const edit = { start: item.replace?.start ?? offset, end: item.replace?.end ?? offset };
  const newText = (item.insertText ?? item.label)
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
  return applyEdits(text, [{ start: edit.start, end: edit.end, newText }]);
}
function hover(marked: string): string | undefined {
  const { text, offset } = at(marked);
  const h = service.hover({ path: PATH, text, kind: 'taskdef' }, offset, settings);
  return h?.markdown;
}

describe('taskdef completions', () => {
  it('top-level keys from the model, required first, present ones left out', () => {
    const items = complete('{ "family": "web", | }');
    const l = labels(items);
    assert.ok(l.includes('containerDefinitions') && l.includes('networkMode') && l.includes('runtimePlatform'));
    assert.ok(!l.includes('family'));
    const cd = items.find((i) => i.label === 'containerDefinitions')!;
    assert.match(String(cd.detail), /required/);
    assert.ok(cd.sortText! < items.find((i) => i.label === 'networkMode')!.sortText!);
    assert.equal(accept('{ "family": "web", | }', 'networkMode'), '{ "family": "web", "networkMode": "bridge" }');
  });
  it('container keys with our short docs', () => {
    const items = complete('{ "containerDefinitions": [{ "name": "a", | }] }');
    const hc = items.find((i) => i.label === 'healthCheck')!;
    assert.match(hc.documentation ?? '', /healthy/);
    assert.ok(labels(items).includes('readonlyRootFilesystem'));
  });
  it('replaces a half-typed key', () => {
    assert.equal(
      accept('{ "containerDefinitions": [{ "ima|" }] }', 'image'),
      '{ "containerDefinitions": [{ "image": "" }] }',
    );
  });
  it('enum values and booleans', () => {
    assert.deepEqual(labels(complete('{ "networkMode": "|" }')), ['bridge', 'host', 'awsvpc', 'none']);
    assert.deepEqual(labels(complete('{ "containerDefinitions": [{ "essential": | }] }')), ['true', 'false']);
    assert.equal(accept('{ "networkMode": "aw|" }', 'awsvpc'), '{ "networkMode": "awsvpc" }');
  });
  it('Fargate memory for the chosen cpu, and cpu for the chosen memory', () => {
    assert.deepEqual(labels(complete('{ "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "|" }')), [
      '512',
      '1024',
      '2048',
    ]);
    assert.deepEqual(labels(complete('{ "cpu": "1 vCPU", "memory": | }')), [
      '2048',
      '3072',
      '4096',
      '5120',
      '6144',
      '7168',
      '8192',
    ]);
    assert.deepEqual(labels(complete('{ "cpu": "|", "memory": "4096" }')), ['512', '1024', '2048']);
  });
  it('log driver options per driver, and region codes', () => {
    const aws = labels(
      complete(
        '{ "containerDefinitions": [{ "logConfiguration": { "logDriver": ' +
          '"awslogs", "options": { "awslogs-group": "g", | } } }] }',
      ),
    );
    assert.ok(
      aws.includes('awslogs-region') && aws.includes('awslogs-stream-prefix') && !aws.includes('awslogs-group'),
    );
    const splunk = labels(
      complete('{ "containerDefinitions": [{ "logConfiguration": { "logDriver": "splunk", "options": { | } } }] }'),
    );
    assert.ok(splunk.includes('splunk-token') && !splunk.includes('awslogs-region'));
    const regions = labels(
      complete(
        '{ "containerDefinitions": [{ "logConfiguration": { "logDriver": ' +
          '"awslogs", "options": { "awslogs-region": "|" } } }] }',
      ),
    );
    assert.ok(regions.includes('eu-west-1') && regions.includes('us-gov-west-1') && regions.includes('cn-north-1'));
  });
  it('log drivers say which Fargate lacks', () => {
    const items = complete(
      '{ "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{ ' +
        '"logConfiguration": { "logDriver": "|" } }] }',
    );
    assert.equal(items.find((i) => i.label === 'json-file')!.detail, 'not on Fargate');
    assert.equal(items.find((i) => i.label === 'awslogs')!.detail, 'log driver');
  });
  it('ARN skeletons for roles and secrets', () => {
    assert.equal(
      accept('{ "executionRoleArn": | }', 'arn:aws:iam::…:role/…'),
      '{ "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" }',
    );
    const secrets = labels(
      complete('{ "containerDefinitions": [{ "secrets": [{ "name": "X", "valueFrom": "|" }] }] }'),
    );
    assert.deepEqual(secrets, ['Secrets Manager secret', 'Secrets Manager secret JSON key', 'SSM parameter']);
  });
  it('dependsOn offers the other containers', () => {
    const text =
      '{ "containerDefinitions": [{ "name": "web", "dependsOn": [{ ' +
      '"containerName": "|" }] }, { "name": "db" }, { "name": "cache" }] }';
    assert.deepEqual(labels(complete(text)), ['db', 'cache']);
  });
  it('inside the describe wrapper too', () => {
    assert.ok(labels(complete('{ "taskDefinition": { "family": "a", | } }')).includes('containerDefinitions'));
  });
  it('the editor keeps the items while typing inside a JSON string (filter text starts with the quote)', () => {
    // VS Code filters each item's filterText (else its label) against the text from the start of
    // the item's range to the cursor; a fuzzy match whose first character must match the start.
    const shown = (marked: string) => {
      const { text, offset } = at(marked);
      return complete(marked)
        .filter((i) => {
          const word = text.slice(i.replace?.start ?? offset, offset).toLowerCase();
          const candidate = (i.filterText ?? i.label).toLowerCase();
          if (word === '') return true;
          if (candidate[0] !== word[0]) return false;
          let j = 0;
          for (const ch of candidate) if (ch === word[j]) j++;
          return j === word.length;
        })
        .map((i) => i.label);
    };
    const fargate = '{ "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "|" }';
    assert.deepEqual(shown(fargate), ['512', '1024', '2048']);
    assert.deepEqual(shown(fargate.replace('|', '10|')), ['1024']);
    assert.equal(complete(fargate).find((i) => i.label === '1024')!.filterText, '"1024"');
    const sizes = complete(fargate);
    assert.deepEqual(
      [...sizes].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label),
      ['512', '1024', '2048'],
    );
    assert.deepEqual(shown('{ "networkMode": "aw|" }'), ['awsvpc']);
    assert.ok(
      shown('{ "containerDefinitions": [{ "secrets": [{ "name": "X", "valueFrom": "arn:aws:ssm|" }] }] }').includes(
        'SSM parameter',
      ),
    );
    assert.ok(shown('{ "containerDefinitions": [{ "ima|" }] }').includes('image'));
    assert.ok(
      shown(
        '{ "containerDefinitions": [{ "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-r|" } } }] }',
      ).includes('awslogs-region'),
    );
    // Outside a string (an empty range, or a bare number) the filter text is the plain value.
    assert.deepEqual(shown('{ "cpu": "1 vCPU", "memory": | }'), [
      '2048',
      '3072',
      '4096',
      '5120',
      '6144',
      '7168',
      '8192',
    ]);
    assert.equal(complete('{ "family": "web", | }').find((i) => i.label === 'networkMode')!.filterText, 'networkMode');
  });
  it('nothing outside the model, and no crash on broken text', () => {
    assert.deepEqual(complete('{ "containerDefinitions": [{ "dockerLabels": { | } }] }'), []);
    complete('{ "containerDefinitions": [{ "na|');
    complete('|');
  });
});

describe('taskdef hovers', () => {
  it('a key: type, required, our words', () => {
    const h = hover('{ "fam|ily": "web" }')!;
    assert.match(h, /\*\*family\*\*: a string, required/);
    assert.match(h, /revision/);
  });
  it('an enum lists its values', () => {
    assert.match(hover('{ "networkMode": "aws|vpc" }')!, /`awsvpc`/);
  });
  it('health check bounds', () => {
    assert.match(
      hover('{ "containerDefinitions": [{ "healthCheck": { "inter|val": 30 } }] }')!,
      /5–300 seconds, default 30/,
    );
  });
  it('task cpu shows the Fargate sizes', () => {
    assert.match(hover('{ "c|pu": "256" }')!, /256 → 512, 1024, 2048/);
  });
  it('nothing on punctuation or unknown keys', () => {
    assert.equal(hover('{| "family": "web" }'), undefined);
    assert.equal(hover('{ "bana|na": 1 }'), undefined);
  });
});

describe('taskdef symbols', () => {
  it('the family, its containers with their ports, and volumes', () => {
    const text = JSON.stringify(
      {
        family: 'web',
        containerDefinitions: [
          {
            name: 'app',
            image: 'nginx:1.27',
            portMappings: [{ containerPort: 80 }, { containerPort: 8443, hostPort: 443, protocol: 'tcp' }],
          },
          { name: 'sidecar', image: 'envoy:1' },
        ],
        volumes: [{ name: 'data' }],
      },
      null,
      2,
    );
    const [root] = service.symbols({ path: PATH, text, kind: 'taskdef' }, settings);
    assert.equal(root.name, 'web');
    assert.deepEqual(
      root.children!.map((c) => c.name),
      ['app', 'sidecar', 'data'],
    );
    assert.deepEqual(
      root.children![0].children!.map((c) => c.name),
      ['80/tcp', '443→8443/tcp'],
    );
    assert.match(String(root.children![0].detail), /nginx:1\.27 · ports 80\/tcp, 443→8443\/tcp/);
  });
  it('no symbols for an empty document', () => {
    assert.deepEqual(service.symbols({ path: PATH, text: '', kind: 'taskdef' }, settings), []);
  });
});

describe('taskdef field docs', () => {
  it('every member of the model has a short description of our own', () => {
    const missing: string[] = [];
    for (const [name, s] of Object.entries(MODEL.shapes))
      for (const k of Object.keys(s.members ?? {})) if (!fieldDoc(name, k)) missing.push(`${name}.${k}`);
    assert.deepEqual(missing, []);
  });
});

describe('taskdef skeletons', () => {
  it('an empty file offers whole task definitions that are clean once filled in', () => {
    const items = complete('|');
    assert.deepEqual(
      items.map((i) => i.label),
      ['Fargate task definition', 'EC2 task definition'],
    );
    for (const item of items) {
      const text = accept('|', item.label as string);
      const findings = service
        .validate({ path: PATH, text, kind: 'taskdef' }, settings)
        .findings.filter((f) => f.severity === 'error');
      assert.deepEqual(
        findings.map((f) => f.message),
        [],
        text,
      );
    }
  });
});
