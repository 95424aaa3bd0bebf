// The deploy path (register, update, force deployment, rollout watch, errors) against a
// real moto_server. moto runs with MOTO_ECS_SERVICE_RUNNING=2: a service with desiredCount
// <= 2 reports its deployment COMPLETED, one with 3 stays IN_PROGRESS forever.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeTaskDefinitionCommand,
  DescribeServicesCommand,
} from '@aws-sdk/client-ecs';
import {
  createAwsSession,
  type AwsSession,
  prepareTaskDefinition,
  registerTaskDefinition,
  deployService,
  watchRollout,
  listClusters,
  listServices,
  nameFromArn,
  classifyAwsError,
  serviceConsoleUrl,
  type RolloutProgress,
} from '../../client/src/aws';
import { motoSkip, startMoto, type MotoHandle, defaultNetwork, uniqueName } from './moto';
import { loadSnippets } from '../snippets/catalog';

function describeTaskDefinitionOutput(family: string): string {
  // What `aws ecs describe-task-definition` prints, with a placeholder to fill in.
  return JSON.stringify(
    {
      taskDefinition: {
        taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:7`,
        family,
        revision: 7,
        status: 'ACTIVE',
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
        compatibilities: ['EC2', 'FARGATE'],
        registeredAt: '2026-01-01T00:00:00Z',
        registeredBy: 'arn:aws:iam::123456789012:user/ci',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: 'web',
            image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${IMAGE_TAG}',
            essential: true,
            portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': `/ecs/${family}`,
                'awslogs-region': 'us-east-1',
                'awslogs-stream-prefix': 'ecs',
              },
            },
          },
        ],
      },
      tags: [{ key: 'team', value: 'shipshape' }],
    },
    null,
    2,
  );
}

describe('ECS deploy against moto_server', { skip: motoSkip }, () => {
  let moto: MotoHandle;
  let session: AwsSession;
  let network: { subnets: string[]; securityGroups: string[] };
  const cluster = uniqueName('cluster');

  async function createService(name: string, family: string, desiredCount: number): Promise<void> {
    await session.ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: name,
        taskDefinition: family,
        desiredCount,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: network.subnets.slice(0, 1),
            securityGroups: network.securityGroups,
            assignPublicIp: 'DISABLED',
          },
        },
        deploymentConfiguration: {
          deploymentCircuitBreaker: { enable: true, rollback: true },
          minimumHealthyPercent: 100,
          maximumPercent: 200,
        },
      }),
    );
  }

  async function registerFamily(family: string, tag: string) {
    const prepared = prepareTaskDefinition(describeTaskDefinitionOutput(family), { IMAGE_TAG: tag });
    assert.deepEqual(prepared.errors, []);
    return registerTaskDefinition(session.ecs, prepared.input!);
  }

  before(async () => {
    moto = await startMoto();
    session = createAwsSession({ endpoint: moto.endpoint, region: 'us-east-1' });
    network = await defaultNetwork(moto.endpoint);
    assert.ok(network.subnets.length > 0 && network.securityGroups.length === 1, 'moto has a default VPC');
    await session.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  });

  after(async () => {
    session?.destroy();
    await moto?.stop();
  });

  it('resolves the region and the caller identity', async () => {
    assert.equal(await session.region(), 'us-east-1');
    const id = await session.identity();
    assert.match(id.account, /^\d{12}$/);
    assert.match(id.arn, /^arn:aws:/);
  });

  it('registers a wrapped task definition without its read-only fields, with placeholders filled in', async () => {
    const family = uniqueName('web');
    const prepared = prepareTaskDefinition(describeTaskDefinitionOutput(family), { IMAGE_TAG: 'v1.2.3' });
    assert.deepEqual(prepared.unresolved, []);
    assert.deepEqual(prepared.stripped.sort(), [
      'compatibilities',
      'registeredAt',
      'registeredBy',
      'requiresAttributes',
      'revision',
      'status',
      'taskDefinitionArn',
    ]);
    const first = await registerTaskDefinition(session.ecs, prepared.input!);
    assert.equal(first.family, family);
    assert.equal(first.revision, 1, "moto numbers revisions from 1, not from the file's 7");
    const second = await registerFamily(family, 'v1.2.4');
    assert.equal(second.revision, 2);
    const described = await session.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: second.arn }));
    assert.equal(
      described.taskDefinition?.containerDefinitions?.[0]?.image,
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.4',
    );
  });

  it('lists clusters and services for the quick picks', async () => {
    const family = uniqueName('api');
    await registerFamily(family, 'v1');
    const service = uniqueName('svc');
    await createService(service, family, 1);
    const clusters = await listClusters(session.ecs);
    assert.ok(clusters.map(nameFromArn).includes(cluster));
    const services = await listServices(session.ecs, cluster);
    assert.deepEqual(services.map(nameFromArn), [service]);
  });

  it('updates a service to the new revision, forces a new deployment and sees it complete', async () => {
    const family = uniqueName('web');
    await registerFamily(family, 'v1');
    const service = uniqueName('web-svc');
    await createService(service, family, 2);
    const rev2 = await registerFamily(family, 'v2');
    const started = await deployService(session.ecs, { cluster, service, taskDefinition: rev2.arn });
    assert.equal(started.service.taskDefinition, rev2.arn);
    assert.ok(started.deploymentId, 'UpdateService returns the PRIMARY deployment id');
    const progress: RolloutProgress[] = [];
    const result = await watchRollout(session.ecs, {
      cluster,
      service,
      deploymentId: started.deploymentId,
      knownEventIds: started.knownEventIds,
      intervalMs: 50,
      timeoutMs: 5_000,
      onProgress: (p) => progress.push(p),
    });
    assert.equal(result.outcome, 'COMPLETED');
    assert.equal(result.last?.running, 2);
    assert.equal(result.last?.desired, 2);
    assert.equal(progress.length, result.polls);
    const described = await session.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    assert.equal(described.services?.[0]?.taskDefinition, rev2.arn);
    assert.equal(
      serviceConsoleUrl(await session.region(), cluster, service),
      `https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/${cluster}/services/${service}/deployments?region=us-east-1`,
    );
  });

  it('forces a new deployment without a new task definition (a new deployment id)', async () => {
    const family = uniqueName('worker');
    const rev = await registerFamily(family, 'v1');
    const service = uniqueName('worker-svc');
    await createService(service, family, 1);
    const before = await session.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    const beforeId = before.services?.[0]?.deployments?.[0]?.id;
    const started = await deployService(session.ecs, { cluster, service });
    assert.ok(started.deploymentId);
    assert.notEqual(started.deploymentId, beforeId);
    assert.equal(started.service.taskDefinition, rev.arn);
    const result = await watchRollout(session.ecs, {
      cluster,
      service,
      deploymentId: started.deploymentId,
      intervalMs: 50,
      timeoutMs: 5_000,
    });
    assert.equal(result.outcome, 'COMPLETED');
  });

  it('times out on a rollout that never completes, backing off between polls', async () => {
    const family = uniqueName('slow');
    await registerFamily(family, 'v1');
    const service = uniqueName('slow-svc');
    await createService(service, family, 3); // moto runs 2 of 3: IN_PROGRESS forever
    const started = await deployService(session.ecs, { cluster, service });
    const states: string[] = [];
    const t0 = Date.now();
    const result = await watchRollout(session.ecs, {
      cluster,
      service,
      deploymentId: started.deploymentId,
      intervalMs: 40,
      maxIntervalMs: 400,
      backoff: 2,
      timeoutMs: 900,
      onProgress: (p) => states.push(`${p.state} ${p.running}/${p.desired}`),
    });
    const elapsed = Date.now() - t0;
    assert.equal(result.outcome, 'TIMEOUT');
    assert.ok(elapsed >= 900 && elapsed < 5_000, `ended after ${elapsed} ms`);
    assert.ok(
      states.every((s) => s === 'IN_PROGRESS 2/3'),
      states.join(', '),
    );
    // Without back-off 900 ms / 40 ms would be ~22 polls; doubling keeps it to a handful.
    assert.ok(result.polls >= 2 && result.polls <= 8, `${result.polls} polls`);
  });

  it('stops waiting at once when cancelled mid-wait', async () => {
    const family = uniqueName('cancel');
    await registerFamily(family, 'v1');
    const service = uniqueName('cancel-svc');
    await createService(service, family, 3);
    const started = await deployService(session.ecs, { cluster, service });
    const controller = new AbortController();
    let polls = 0;
    let firstPoll!: () => void;
    const polled = new Promise<void>((r) => (firstPoll = r));
    const watching = watchRollout(session.ecs, {
      cluster,
      service,
      deploymentId: started.deploymentId,
      signal: controller.signal,
      intervalMs: 5_000,
      timeoutMs: 60_000,
      onProgress: () => {
        polls++;
        firstPoll();
      },
    });
    await polled; // now it sleeps 5 s before the next poll
    await new Promise((r) => setTimeout(r, 100));
    const abortedAt = Date.now();
    controller.abort();
    const result = await watching;
    assert.equal(result.outcome, 'CANCELLED');
    assert.ok(Date.now() - abortedAt < 2_500, 'does not sit out the 5 s interval');
    assert.equal(polls, 1);
  });

  it('reports a missing cluster and a missing service as not-found errors with a clear message', async () => {
    const missingCluster = uniqueName('nope');
    await assert.rejects(deployService(session.ecs, { cluster: missingCluster, service: 'web' }), (err: unknown) => {
      const c = classifyAwsError(err, { cluster: missingCluster, service: 'web', region: 'us-east-1' });
      assert.equal(c.kind, 'cluster-not-found');
      assert.match(c.message, new RegExp(`Cluster "${missingCluster}" was not found in region us-east-1`));
      return true;
    });
    await assert.rejects(deployService(session.ecs, { cluster, service: 'missing-service' }), (err: unknown) => {
      assert.equal(classifyAwsError(err, { cluster, service: 'missing-service' }).kind, 'service-not-found');
      return true;
    });
    await assert.rejects(
      watchRollout(session.ecs, { cluster, service: 'missing-service', intervalMs: 10, timeoutMs: 1_000 }),
      (err: unknown) => {
        assert.equal(classifyAwsError(err, { cluster, service: 'missing-service' }).kind, 'service-not-found');
        return true;
      },
    );
    await assert.rejects(listServices(session.ecs, missingCluster), (err: unknown) => {
      assert.equal(classifyAwsError(err, { cluster: missingCluster }).kind, 'cluster-not-found');
      return true;
    });
  });

  it('reports an unknown task definition revision on update', async () => {
    const family = uniqueName('gone');
    await registerFamily(family, 'v1');
    const service = uniqueName('gone-svc');
    await createService(service, family, 1);
    await assert.rejects(
      deployService(session.ecs, { cluster, service, taskDefinition: `${family}:99` }),
      (err: unknown) => {
        const c = classifyAwsError(err, {
          operation: 'update-service',
          cluster,
          service,
          taskDefinition: `${family}:99`,
        });
        assert.equal(c.kind, 'task-definition-not-found', `${c.kind}: ${c.detail}`);
        return true;
      },
    );
  });

  it('registers the Fargate task definition snippet as expanded with its defaults', async () => {
    const snippet = loadSnippets().find((x) => x.prefix === 'ecs-taskdef-fargate')!;
    const prepared = prepareTaskDefinition(snippet.expanded);
    assert.deepEqual(prepared.errors, []);
    const registered = await registerTaskDefinition(session.ecs, prepared.input!);
    const described = await session.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: registered.arn }));
    const c = described.taskDefinition?.containerDefinitions?.[0];
    assert.equal(c?.logConfiguration?.options?.['awslogs-group'], '/ecs/my-app');
    assert.equal(c?.secrets?.[0]?.name, 'DATABASE_URL');
    assert.deepEqual(c?.healthCheck?.command?.[0], 'CMD-SHELL');
  });
});
