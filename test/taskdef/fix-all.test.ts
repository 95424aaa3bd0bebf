/** Fix-all (safe fixes only) turns describe-task-definition output into a registrable file. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, memoryService } from '../helpers/context';
import { applyEdits } from '../../server/src/engine/fixes';
import { J, F } from './util';

const service = memoryService();
function fixAll(text: string): string {
  const p = '/ws/task-definition.json';
  return applyEdits(text, service.fixAll({ path: p, text, kind: 'taskdef' }, service.settingsFor(p)));
}
const codes = (text: string) => {
  const p = '/ws/task-definition.json';
  return service.validate({ path: p, text, kind: 'taskdef' }, service.settingsFor(p)).findings.map((f) => f.code);
};

describe('taskdef fix-all', () => {
  for (const name of ['describe-output.json', 'read-only-fields.json']) {
    it(`err/${name}: unwraps and strips, leaving valid JSON without TD006/TD007`, () => {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'taskdef', 'err', name), 'utf8');
      const fixed = fixAll(text);
      const parsed = JSON.parse(fixed);
      assert.ok(parsed.family && parsed.containerDefinitions);
      for (const k of [
        'taskDefinition',
        'taskDefinitionArn',
        'revision',
        'status',
        'requiresAttributes',
        'compatibilities',
        'registeredAt',
        'registeredBy',
      ])
        assert.ok(!(k in parsed), k);
      const left = codes(fixed);
      assert.ok(!left.includes('TD006') && !left.includes('TD007') && !left.includes('TD000'), left.join(','));
    });
  }
  it('a full describe-task-definition --include TAGS output, read-only field last', () => {
    const inner = JSON.parse(F());
    const described = J({
      taskDefinition: { ...inner, revision: 4, status: 'ACTIVE', registeredAt: '2024-01-01T00:00:00Z' },
      tags: [{ key: 'team', value: 'a' }],
    });
    const fixed = JSON.parse(fixAll(described));
    assert.deepEqual(fixed, { ...inner, tags: [{ key: 'team', value: 'a' }] });
  });
  it('never touches a clean file', () => {
    assert.equal(fixAll(F()), F());
  });
});
