// The classifier against real SDK errors: exception classes from the clients, and the
// credential providers' own failures produced from temporary config files.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ClientException,
  InvalidParameterException,
  AccessDeniedException,
  ClusterNotFoundException,
  ServiceNotFoundException,
} from '@aws-sdk/client-ecs';
import { ThrottlingException } from '@aws-sdk/client-cloudwatch-logs';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { classifyAwsError, createAwsSession } from '../../client/src/aws';

const meta = { $metadata: { httpStatusCode: 400 } };

describe('classifyAwsError', () => {
  let dir: string;
  let savedHome: string | undefined;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-aws-'));
    savedHome = process.env.HOME;
    process.env.HOME = dir; // the SSO token cache lives under ~/.aws/sso/cache
  });
  after(() => {
    process.env.HOME = savedHome;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says to configure credentials when a profile has none', async () => {
    const configFilepath = path.join(dir, 'config');
    const filepath = path.join(dir, 'credentials');
    fs.writeFileSync(configFilepath, '[profile other]\nregion = eu-west-1\n');
    fs.writeFileSync(filepath, '');
    const err = await fromIni({ profile: 'missing', configFilepath, filepath })().then(
      () => undefined,
      (e: unknown) => e,
    );
    const c = classifyAwsError(err, { profile: 'missing' });
    assert.equal(c.kind, 'no-credentials', c.detail);
    assert.match(c.message, /profile "missing"/);
    assert.match(c.message, /aws configure/);
  });

  it('says to run aws sso login when the SSO session has no valid token', async () => {
    const configFilepath = path.join(dir, 'config-sso');
    fs.writeFileSync(
      configFilepath,
      '[profile corp]\nsso_session = corp\nsso_account_id = ' +
        '123456789012\nsso_role_name = Dev\nregion = eu-west-1\n[sso-session corp]\nsso_start_url ' +
        '= https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
    );
    const err = await fromSSO({ profile: 'corp', configFilepath, filepath: path.join(dir, 'none') })().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err, 'fromSSO fails without a cached token');
    const c = classifyAwsError(err, { profile: 'corp' });
    assert.equal(c.kind, 'sso-expired', c.detail);
    assert.match(c.message, /aws sso login --profile corp/);
  });

  it('names the missing permission on access denied', () => {
    const err = new AccessDeniedException({
      message: 'User: arn:aws:iam::1:user/ci is not authorized to perform: ecs:UpdateService on resource: x',
      ...meta,
    });
    const c = classifyAwsError(err, { profile: 'ci' });
    assert.equal(c.kind, 'access-denied');
    assert.match(c.message, /ecs:UpdateService/);
  });

  it('reads ECS not-found and invalid task definition errors', () => {
    assert.equal(
      classifyAwsError(new ClusterNotFoundException({ message: 'Cluster not found.', ...meta }), { cluster: 'prod' })
        .kind,
      'cluster-not-found',
    );
    assert.equal(
      classifyAwsError(new ServiceNotFoundException({ message: 'Service not found.', ...meta })).kind,
      'service-not-found',
    );
    const invalid = new ClientException({ message: 'Container.image should not be null or empty.', ...meta });
    const c = classifyAwsError(invalid, { operation: 'register' });
    assert.equal(c.kind, 'invalid-task-definition');
    assert.match(c.message, /Container\.image should not be null or empty\./);
    assert.equal(classifyAwsError(invalid, { operation: 'update-service' }).kind, 'invalid-parameter');
    const codeDeploy = new InvalidParameterException({
      message:
        'Unable to update task definition on services with a CODE_DEPLOY ' +
        'deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
      ...meta,
    });
    assert.equal(
      classifyAwsError(codeDeploy, { operation: 'update-service', service: 'web' }).kind,
      'codedeploy-service',
    );
  });

  it('marks throttling as retryable and never returns a stack', () => {
    const c = classifyAwsError(new ThrottlingException({ message: 'Rate exceeded', ...meta }));
    assert.equal(c.kind, 'throttled');
    assert.equal(c.retryable, true);
    const odd = new Error('first line\n    at something (file.js:1:1)');
    assert.equal(classifyAwsError(odd).detail, 'first line');
  });

  it('reports an unreachable endpoint from a real connection failure', async () => {
    const session = createAwsSession({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', maxAttempts: 1 });
    process.env.AWS_ACCESS_KEY_ID = 'testing';
    process.env.AWS_SECRET_ACCESS_KEY = 'testing';
    try {
      const err = await session.identity().then(
        () => undefined,
        (e: unknown) => e,
      );
      const c = classifyAwsError(err);
      assert.equal(c.kind, 'endpoint-unreachable', c.detail);
    } finally {
      session.destroy();
    }
  });
});
