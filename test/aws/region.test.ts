// Where a command's region comes from: the setting, the region a task definition names (awslogs-region,
// an ECR image host), AWS_REGION or the profile; and a deploy from a file that names its region registers
// there (against moto_server, which keeps each region apart).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  blocksRegistration,
  chooseRegion,
  createAwsSession,
  ecrImageRegion,
  prepareTaskDefinition,
  profileRegion,
  registerTaskDefinition,
  regionChainSource,
  taskDefinitionRegion,
} from '../../client/src/aws';
import { motoSkip, startMoto, type MotoHandle, uniqueName } from './moto';

const td = (containers: unknown[]) => ({ family: 'web', containerDefinitions: containers });

describe('the region a task definition names', () => {
  it("is a container's awslogs-region first, then its ECR image's host", () => {
    const logs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1' } };
    const image = '123456789012.dkr.ecr.ap-southeast-2.amazonaws.com/web:1';
    assert.deepEqual(taskDefinitionRegion(td([{ name: 'web', image, logConfiguration: logs }])), {
      region: 'eu-west-1',
      source: 'awslogs-region of container web',
    });
    assert.deepEqual(taskDefinitionRegion(td([{ name: 'web', image }])), {
      region: 'ap-southeast-2',
      source: 'the ECR image of container web',
    });
    assert.equal(taskDefinitionRegion(td([{ name: 'web', image: 'nginx:1.27' }])), undefined);
    const placeholder = { ...logs, options: { ...logs.options, 'awslogs-region': '${AWS_REGION}' } };
    assert.equal(taskDefinitionRegion(td([{ image: 'nginx', logConfiguration: placeholder }])), undefined);
    assert.equal(ecrImageRegion('123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/x:1'), 'us-gov-west-1');
    assert.equal(ecrImageRegion('public.ecr.aws/nginx/nginx:1'), undefined);
  });

  it("comes after the region setting for a deploy, before it for a tail (the log group's own)", () => {
    const file = { region: 'eu-west-1', source: 'awslogs-region in ecs/td.json' };
    assert.deepEqual(chooseRegion({ fallback: file }), file);
    assert.deepEqual(chooseRegion({ setting: 'us-east-2', fallback: file }), {
      region: 'us-east-2',
      source: 'setting "shipshape.aws.region"',
    });
    assert.deepEqual(chooseRegion({ setting: 'us-east-2', preferred: file }), file);
    assert.equal(chooseRegion({ setting: ' ' }), undefined);
    assert.equal(regionChainSource(undefined, { AWS_REGION: 'eu-north-1' }), 'AWS_REGION');
    assert.equal(regionChainSource(undefined, { AWS_PROFILE: 'ops' }), 'profile "ops" in ~/.aws/config');
  });

  it("is read from a profile's region in ~/.aws/config for the status bar", () => {
    const config = '[default]\nregion = us-east-1\n\n[profile ops]\noutput = json\nregion=eu-central-1 # prod\n';
    assert.equal(profileRegion(config, 'default'), 'us-east-1');
    assert.equal(profileRegion(config, 'ops'), 'eu-central-1');
    assert.equal(profileRegion(config, 'dev'), undefined);
  });
});

describe('what blocks a deploy', () => {
  it('only findings that fail the registration: not practices, not findings about other files', () => {
    for (const code of ['TD000', 'TD001', 'TD101', 'TD212']) assert.equal(blocksRegistration(code), true, code);
    for (const code of ['XF005', 'XF008', 'XF040', 'TD300', 'TD306', 'SS001', ''])
      assert.equal(blocksRegistration(code), false, code);
  });
});

describe('a deploy in the region the file names, against moto_server', { skip: motoSkip }, () => {
  let moto: MotoHandle;
  before(async () => {
    moto = await startMoto();
  });
  after(async () => {
    await moto?.stop();
  });

  it('registers in that region, with no region setting and no AWS_REGION', async () => {
    const family = uniqueName('regional');
    const text = JSON.stringify({
      family,
      containerDefinitions: [
        {
          name: 'web',
          image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1',
          memory: 256,
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web' },
          },
        },
      ],
    });
    const prepared = prepareTaskDefinition(text);
    const chosen = chooseRegion({ fallback: taskDefinitionRegion(prepared.input) });
    assert.equal(chosen?.region, 'eu-west-1');
    const saved = process.env.AWS_REGION;
    delete process.env.AWS_REGION;
    const session = createAwsSession({ endpoint: moto.endpoint, region: chosen?.region });
    const elsewhere = createAwsSession({ endpoint: moto.endpoint, region: 'us-east-1' });
    try {
      assert.equal(await session.region(), 'eu-west-1');
      await registerTaskDefinition(session.ecs, prepared.input!);
      const here = await session.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }));
      assert.match(here.taskDefinition?.taskDefinitionArn ?? '', /^arn:aws:ecs:eu-west-1:/);
      await assert.rejects(elsewhere.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family })));
    } finally {
      session.destroy();
      elsewhere.destroy();
      if (saved !== undefined) process.env.AWS_REGION = saved;
    }
  });
});
