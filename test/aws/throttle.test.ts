// Back-off on throttling, through the real SDK: a proxy in front of moto_server answers the
// first FilterLogEvents / DescribeServices calls the way AWS does when it throttles (HTTP 400,
// awsJson `__type: ThrottlingException`), then passes requests through to moto.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { createAwsSession, type AwsSession, LogTail, watchRollout } from '../../client/src/aws';
import { motoSkip, startMoto, type MotoHandle, uniqueName, defaultNetwork } from './moto';

interface ThrottlingProxy {
  endpoint: string;
  /** Throttle the next `n` requests whose X-Amz-Target ends with `target`. */
  throttle(target: string, n: number): void;
  throttled: number;
  close(): Promise<void>;
}

function startProxy(upstream: string): Promise<ThrottlingProxy> {
  const budget = new Map<string, number>();
  const state = { throttled: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.split('.').pop() ?? '';
      const left = budget.get(op) ?? 0;
      if (left > 0) {
        budget.set(op, left - 1);
        state.throttled++;
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'throttled' });
        res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
        return;
      }
      const headers = { ...req.headers } as Record<string, string>;
      delete headers['host'];
      delete headers['content-length'];
      fetch(upstream + (req.url ?? '/'), {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      })
        .then(async (r) => {
          const body = Buffer.from(await r.arrayBuffer());
          const out: Record<string, string> = {};
          r.headers.forEach((v, k) => {
            if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'content-encoding') out[k] = v;
          });
          res.writeHead(r.status, out);
          res.end(body);
        })
        .catch((err: Error) => {
          res.writeHead(502);
          res.end(err.message);
        });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        endpoint: `http://127.0.0.1:${port}`,
        throttle: (t, n) => budget.set(t, n),
        get throttled() {
          return state.throttled;
        },
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

describe('back-off when AWS throttles', { skip: motoSkip }, () => {
  let moto: MotoHandle;
  let proxy: ThrottlingProxy;
  let direct: AwsSession;
  let throttled: AwsSession;

  before(async () => {
    moto = await startMoto();
    proxy = await startProxy(moto.endpoint);
    direct = createAwsSession({ endpoint: moto.endpoint, region: 'us-east-1' });
    // One attempt per call, so the SDK's own retries do not hide the throttling from our loop.
    throttled = createAwsSession({ endpoint: proxy.endpoint, region: 'us-east-1', maxAttempts: 1 });
  });
  after(async () => {
    direct?.destroy();
    throttled?.destroy();
    await proxy?.close();
    await moto?.stop();
  });

  it('a log tail doubles its interval on ThrottlingException, keeps going, and resets after a good poll', async () => {
    const group = `/ecs/${uniqueName('throttle')}`;
    await direct.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await direct.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' }));
    await direct.logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: 's',
        logEvents: [{ timestamp: Date.now() - 1000, message: 'hello' }],
      }),
    );
    proxy.throttle('FilterLogEvents', 3);
    const intervals: number[] = [];
    const got: string[] = [];
    const tail = new LogTail(throttled.logs, {
      logGroupName: group,
      intervalMs: 30,
      maxIntervalMs: 200,
      onEvents: (e) => got.push(...e.map((x) => x.message)),
      onThrottle: (ms) => intervals.push(ms),
      onError: () => false,
    });
    const done = tail.start();
    const until = Date.now() + 15_000;
    while (got.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    tail.stop();
    await done;
    assert.deepEqual(intervals, [60, 120, 200], 'doubles up to the maximum');
    assert.deepEqual(got, ['hello'], 'still receives the events afterwards');
    assert.equal(tail.currentIntervalMs, 30, 'back to the normal interval');
    assert.equal(proxy.throttled, 3);
  });

  it('the rollout watcher rides out throttled DescribeServices calls', async () => {
    const { subnets, securityGroups } = await defaultNetwork(moto.endpoint);
    const cluster = uniqueName('tc');
    const family = uniqueName('tf');
    await direct.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    await direct.ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 128 }],
      }),
    );
    const service = uniqueName('ts');
    await direct.ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: service,
        taskDefinition: family,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: subnets.slice(0, 1), securityGroups } },
      }),
    );
    proxy.throttle('DescribeServices', 2);
    const before = proxy.throttled;
    const result = await watchRollout(throttled.ecs, {
      cluster,
      service,
      intervalMs: 20,
      maxIntervalMs: 100,
      timeoutMs: 15_000,
    });
    assert.equal(result.outcome, 'COMPLETED');
    assert.equal(proxy.throttled - before, 2);
    assert.equal(result.polls, 1, 'throttled calls are not counted as polls');
  });
});
