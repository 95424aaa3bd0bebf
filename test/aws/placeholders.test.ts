// Placeholder values typed at deploy time are kept in SecretStorage only, and what earlier versions left in
// workspaceState is removed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LEGACY_PLACEHOLDER_KEY,
  PlaceholderValues,
  type SecretStore,
  type StateStore,
} from '../../client/src/aws-commands/placeholders';

function stores() {
  const secrets = new Map<string, string>();
  const state = new Map<string, unknown>();
  const secretStore: SecretStore = {
    get: async (k) => secrets.get(k),
    store: async (k, v) => void secrets.set(k, v),
    delete: async (k) => void secrets.delete(k),
  };
  const stateStore: StateStore = {
    get: <T>(k: string) => state.get(k) as T | undefined,
    update: async (k, v) => void (v === undefined ? state.delete(k) : state.set(k, v)),
  };
  return { secrets, state, secretStore, stateStore };
}

describe('placeholder values', () => {
  it('are kept in SecretStorage, per file, and never in workspaceState', async () => {
    const s = stores();
    const values = new PlaceholderValues(s.secretStore, s.stateStore);
    await values.set('file:///w/ecs/td.json', { DB_TOKEN: 's3cr3t-value' });
    assert.deepEqual(await values.get('file:///w/ecs/td.json'), { DB_TOKEN: 's3cr3t-value' });
    assert.deepEqual(await values.get('file:///w/other.json'), {});
    assert.equal(s.state.size, 0);
    assert.ok([...s.secrets.values()].some((v) => v.includes('s3cr3t-value')));
  });

  it('forgets what earlier versions left in workspaceState', async () => {
    const s = stores();
    s.state.set(LEGACY_PLACEHOLDER_KEY, { 'file:///w/td.json': { DB_TOKEN: 'old' } });
    s.state.set('shipshape.aws.deployTargets', { x: 1 });
    await new PlaceholderValues(s.secretStore, s.stateStore).forgetLegacy();
    assert.deepEqual([...s.state.keys()], ['shipshape.aws.deployTargets']);
  });

  it('reads a damaged entry as nothing remembered', async () => {
    const s = stores();
    s.secrets.set('shipshape.aws.placeholderValues:f', '{not json');
    assert.deepEqual(await new PlaceholderValues(s.secretStore, s.stateStore).get('f'), {});
  });
});
