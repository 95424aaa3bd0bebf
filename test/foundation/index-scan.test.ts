/**
 * The workspace index learns task definitions by content too, not only by name: the start-up scan
 * (lsp/scan.ts, over a real folder) and file-watcher events (Workspace.changedOnDisk).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { scanWorkspace } from '../../server/src/lsp/scan';
import { detectKind } from '../../server/src/service/detect';
import { memoryService } from '../helpers/context';

const TASK_DEF = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1' }] });

test('the start-up scan finds a task definition by its content, and leaves other JSON alone', () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-scan-')));
  try {
    fs.mkdirSync(path.join(root, 'ecs'));
    fs.writeFileSync(path.join(root, 'ecs', 'web.json'), TASK_DEF);
    fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "app" }');
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM nginx:1\n');
    const found = Object.fromEntries(scanWorkspace(root, detectKind).map(([p, k]) => [path.relative(root, p), k]));
    assert.deepEqual(found, { 'ecs/web.json': 'taskdef', Dockerfile: 'dockerfile' });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a JSON task definition that appears on disk joins the index (file-watcher event)', () => {
  const files: Record<string, string> = { '/ws/Dockerfile': 'FROM nginx:1\n' };
  const service = memoryService(files);
  assert.deepEqual(service.workspace.list('taskdef'), []);
  files['/ws/ecs/web.json'] = TASK_DEF;
  service.workspace.changedOnDisk('/ws/ecs/web.json');
  assert.deepEqual(service.workspace.list('taskdef'), ['/ws/ecs/web.json']);
  files['/ws/ecs/web.json'] = '{ "name": "not a task definition" }';
  service.workspace.changedOnDisk('/ws/ecs/web.json');
  assert.deepEqual(service.workspace.list('taskdef'), []);
});
