// The session takes profile and region the way the AWS CLI does: a named profile from the
// shared config files supplies both region and credentials through the SDK's default chain.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAwsSession, classifyAwsError } from '../../client/src/aws';
import { motoSkip, startMoto, type MotoHandle } from './moto';

describe('AWS session from a named profile', { skip: motoSkip }, () => {
  let moto: MotoHandle;
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const vars = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_PROFILE',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
  ];

  before(async () => {
    moto = await startMoto();
    for (const v of vars) saved[v] = process.env[v];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-profile-'));
    fs.writeFileSync(path.join(dir, 'config'), '[profile staging]\nregion = eu-central-1\n[profile noregion]\n');
    fs.writeFileSync(
      path.join(dir, 'credentials'),
      '[staging]\naws_access_key_id = AKIDSTAGING\naws_secret_access_key = ' +
        'dummy\n[noregion]\naws_access_key_id = AKIDNOREGION\naws_secret_access_key = dummy\n',
    );
    for (const v of vars) delete process.env[v];
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  });
  after(async () => {
    for (const v of vars) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
    fs.rmSync(dir, { recursive: true, force: true });
    await moto?.stop();
  });

  it("takes the profile's region and credentials", async () => {
    const session = createAwsSession({ profile: 'staging', endpoint: moto.endpoint });
    try {
      assert.equal(await session.region(), 'eu-central-1');
      const id = await session.identity();
      assert.match(id.account, /^\d{12}$/);
      assert.equal((await session.sts.config.credentials()).accessKeyId, 'AKIDSTAGING');
    } finally {
      session.destroy();
    }
  });

  it('the region setting wins over the profile', async () => {
    const session = createAwsSession({ profile: 'staging', region: 'ap-southeast-2', endpoint: moto.endpoint });
    try {
      assert.equal(await session.region(), 'ap-southeast-2');
    } finally {
      session.destroy();
    }
  });

  it('a profile without a region gives a region-missing message', async () => {
    const session = createAwsSession({ profile: 'noregion', endpoint: moto.endpoint });
    try {
      const err = await session.region().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.equal(classifyAwsError(err).kind, 'region-missing');
    } finally {
      session.destroy();
    }
  });

  it('an unknown profile gives a no-credentials message naming it', async () => {
    const session = createAwsSession({ profile: 'nope', region: 'us-east-1', endpoint: moto.endpoint, maxAttempts: 1 });
    try {
      const err = await session.identity().then(
        () => undefined,
        (e: unknown) => e,
      );
      const c = classifyAwsError(err, { profile: 'nope' });
      assert.equal(c.kind, 'no-credentials', c.detail);
      assert.match(c.message, /profile "nope"/);
    } finally {
      session.destroy();
    }
  });
});
