// ECS task definition: examples/ecs/task-definition.json gives containerPort as a string (TD002) and
// a cpu/memory pair Fargate refuses (TD101), and uses a `latest` image (TD300).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  at,
  breakAndRepair,
  closeAll,
  codes,
  completions,
  create,
  eventually,
  fixAll,
  hoverText,
  label,
  only,
  open,
  outline,
  quickFix,
  rangeOf,
  remove,
  shipshapeDiagnostics,
  waitForCodes,
  waitForNoCodes,
} from './helpers';

const FILE = 'ecs/task-definition.json';
const EXPECTED = ['TD002', 'TD101', 'TD300'];

describe('taskdef', () => {
  afterEach(closeAll);

  it("reports the example's mistakes with codes and ranges", async () => {
    const editor = await open(FILE);
    const ds = await waitForCodes(editor.document.uri, EXPECTED);
    const port = only(ds, 'TD002');
    assert.deepEqual(port.range, rangeOf(editor.document, '"3000"'));
    assert.equal(port.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(at(only(ds, 'TD101').range).split('-')[0], '6:13');
    assert.equal(only(ds, 'TD300').severity, vscode.DiagnosticSeverity.Information);
  });

  it('quick fixes: the port becomes a number and Fargate gets a valid cpu/memory pair', async () => {
    const editor = await open(FILE);
    const uri = editor.document.uri;
    let text = await quickFix(editor, 'TD002', /^Write 3000 as a number$/);
    assert.match(text, /"containerPort": 3000,/);
    await waitForNoCodes(uri, ['TD002']);
    text = await quickFix(editor, 'TD101', /^Use cpu \d+ with memory \d+$/);
    assert.doesNotThrow(() => JSON.parse(text));
    await waitForNoCodes(uri, ['TD101']);
    // The memory chosen is one Fargate offers for 256 CPU units.
    const { cpu, memory } = JSON.parse(text) as { cpu: string; memory: string };
    assert.ok(cpu === '256' ? ['512', '1024', '2048'].includes(memory) : true, `cpu ${cpu} memory ${memory}`);
  });

  it('source.fixAll.shipshape turns `aws ecs describe-task-definition` output into a registrable file', async () => {
    const described = {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/hello:4',
        family: 'hello',
        revision: 4,
        status: 'ACTIVE',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],
        registeredAt: '2024-01-01T00:00:00Z',
      },
    };
    const editor = await create('ecs/described.json', JSON.stringify(described, null, 2) + '\n');
    try {
      await waitForCodes(editor.document.uri, ['TD006']);
      const text = await fixAll(editor);
      const fixed = JSON.parse(text) as Record<string, unknown>;
      assert.equal(fixed.family, 'hello');
      for (const k of ['taskDefinition', 'taskDefinitionArn', 'revision', 'status', 'registeredAt'])
        assert.ok(!(k in fixed), `${k} is still there`);
      await waitForNoCodes(editor.document.uri, ['TD006', 'TD007']);
    } finally {
      await remove('ecs/described.json');
    }
  });

  it('completes Fargate memory sizes for the chosen cpu, and enum values', async () => {
    const editor = await open(FILE);
    const uri = editor.document.uri;
    await waitForCodes(uri, ['TD101']);
    const mem = rangeOf(editor.document, '"256"', 1); // the value of "memory"
    const items = await eventually(
      () => completions(uri, mem.start.translate(0, 1)),
      (xs) => xs.some((x) => label(x) === '512'),
      'memory completions',
    );
    for (const m of ['512', '1024', '2048'])
      assert.ok(
        items.some((x) => label(x) === m),
        `no ${m} in ${items.map(label).join(', ')}`,
      );
    const nm = rangeOf(editor.document, '"awsvpc"');
    const modes = (await completions(uri, nm.start.translate(0, 1))).map(label);
    for (const m of ['bridge', 'host', 'awsvpc', 'none'])
      assert.ok(modes.includes(m), `no ${m} in ${modes.join(', ')}`);
  });

  it('hovers a key with its type and Fargate sizes', async () => {
    const editor = await open(FILE);
    const uri = editor.document.uri;
    await waitForCodes(uri, ['TD101']);
    const text = await hoverText(uri, rangeOf(editor.document, '"cpu"').start.translate(0, 2));
    assert.match(text, /256 → 512, 1024, 2048/);
  });

  it('lists the family, its containers and their ports as document symbols', async () => {
    const editor = await open(FILE);
    const names = await eventually(
      () => outline(editor.document.uri),
      (xs) => xs.includes('hello-shipshape'),
      'symbols',
    );
    assert.ok(names.includes('hello-shipshape/web'), names.join(', '));
  });

  it('reports a syntax error where it is (TD000) and clears it on undo', async () => {
    const uri = (await open(FILE)).document.uri;
    await breakAndRepair(FILE, '"cpu": "256",', '"cpu": "256",,', 'TD000');
    assert.ok(!codes(shipshapeDiagnostics(uri)).includes('TD000'));
  });
});
