// The CloudWatch Logs tail against a real moto_server: follow, paging, de-duplication,
// the stream prefix (moto ignores it, so our own check is what is tested), several tails, stop.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  createAwsSession,
  type AwsSession,
  LogTail,
  type TailEvent,
  classifyAwsError,
  listLogGroups,
  formatLogEvent,
} from '../../client/src/aws';
import { motoSkip, startMoto, type MotoHandle, uniqueName } from './moto';

describe('CloudWatch Logs tail against moto_server', { skip: motoSkip }, () => {
  let moto: MotoHandle;
  let session: AwsSession;

  before(async () => {
    moto = await startMoto();
    session = createAwsSession({ endpoint: moto.endpoint, region: 'us-east-1' });
  });
  after(async () => {
    session?.destroy();
    await moto?.stop();
  });

  async function group(streams: string[]): Promise<string> {
    const name = `/ecs/${uniqueName('app')}`;
    await session.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    for (const s of streams)
      await session.logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: s }));
    return name;
  }

  async function put(logGroupName: string, logStreamName: string, events: Array<[number, string]>): Promise<void> {
    await session.logs.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName,
        logEvents: events.map(([timestamp, message]) => ({ timestamp, message })),
      }),
    );
  }

  function waitFor(pred: () => boolean, ms = 15_000): Promise<void> {
    const until = Date.now() + ms;
    return new Promise((resolve, reject) => {
      const tick = () =>
        pred() ? resolve() : Date.now() > until ? reject(new Error('timed out waiting')) : setTimeout(tick, 20);
      tick();
    });
  }

  it('starts 10 minutes back by default and receives events put while it follows', async () => {
    const g = await group(['ecs/web/1']);
    const now = Date.now();
    await put(g, 'ecs/web/1', [
      [now - 20 * 60_000, 'too old'],
      [now - 60_000, 'boot'],
      [now - 30_000, 'listening on :8080'],
    ]);
    const got: TailEvent[] = [];
    const tail = new LogTail(session.logs, { logGroupName: g, intervalMs: 50, onEvents: (e) => got.push(...e) });
    const done = tail.start();
    await waitFor(() => got.length >= 2);
    assert.deepEqual(
      got.map((e) => e.message),
      ['boot', 'listening on :8080'],
    );
    await put(g, 'ecs/web/1', [
      [Date.now(), 'GET /health 200'],
      [Date.now() + 1, 'GET / 200'],
    ]);
    await waitFor(() => got.length >= 4);
    const requests = tail.requests;
    await waitFor(() => tail.requests >= requests + 2); // more polls over the same events
    tail.stop();
    await done;
    assert.deepEqual(
      got.map((e) => e.message),
      ['boot', 'listening on :8080', 'GET /health 200', 'GET / 200'],
    );
    assert.equal(new Set(got.map((e) => e.eventId)).size, 4);
  });

  it('reads every page of a poll through nextToken', async () => {
    const g = await group(['s']);
    const base = Date.now() - 5_000;
    await put(
      g,
      's',
      Array.from({ length: 25 }, (_, i): [number, string] => [base + i, `line ${i}`]),
    );
    const got: TailEvent[] = [];
    const tail = new LogTail(session.logs, { logGroupName: g, pageLimit: 10, onEvents: (e) => got.push(...e) });
    const first = await tail.poll();
    assert.equal(first.length, 25);
    assert.deepEqual(
      got.map((e) => e.message),
      Array.from({ length: 25 }, (_, i) => `line ${i}`),
    );
    assert.ok(tail.requests >= 3, `${tail.requests} requests for 25 events at 10 a page`);
  });

  it('de-duplicates across polls, including late events inside the look-back window', async () => {
    const g = await group(['s']);
    const t = Date.now() - 2_000;
    await put(g, 's', [
      [t, 'a'],
      [t + 10, 'b'],
    ]);
    const tail = new LogTail(session.logs, { logGroupName: g, lookBackMs: 5_000, onEvents: () => undefined });
    assert.deepEqual(
      (await tail.poll()).map((e) => e.message),
      ['a', 'b'],
    );
    assert.deepEqual(await tail.poll(), [], 'nothing new: the re-read events are dropped');
    // An event stamped before the newest one seen, arriving late.
    await put(g, 's', [[t + 5, 'late']]);
    assert.deepEqual(
      (await tail.poll()).map((e) => e.message),
      ['late'],
    );
    assert.deepEqual(await tail.poll(), []);
    assert.equal(tail.delivered, 3);
  });

  it('keeps only streams with the prefix, and passes the filter pattern', async () => {
    const g = await group(['web/app/1', 'worker/app/1']);
    const t = Date.now() - 1_000;
    await put(g, 'web/app/1', [
      [t, 'INFO web up'],
      [t + 2, 'ERROR web broke'],
    ]);
    await put(g, 'worker/app/1', [
      [t + 1, 'INFO worker up'],
      [t + 3, 'ERROR worker broke'],
    ]);
    const web = new LogTail(session.logs, { logGroupName: g, logStreamNamePrefix: 'web/', onEvents: () => undefined });
    assert.deepEqual(
      (await web.poll()).map((e) => e.message),
      ['INFO web up', 'ERROR web broke'],
    );
    const errors = new LogTail(session.logs, { logGroupName: g, filterPattern: 'ERROR', onEvents: () => undefined });
    assert.deepEqual(
      (await errors.poll()).map((e) => e.message),
      ['ERROR web broke', 'ERROR worker broke'],
    );
  });

  it('runs several tails at once, each on its own group', async () => {
    const g1 = await group(['s']);
    const g2 = await group(['s']);
    const got1: string[] = [];
    const got2: string[] = [];
    const t1 = new LogTail(session.logs, {
      logGroupName: g1,
      intervalMs: 40,
      onEvents: (e) => got1.push(...e.map((x) => x.message)),
    });
    const t2 = new LogTail(session.logs, {
      logGroupName: g2,
      intervalMs: 40,
      onEvents: (e) => got2.push(...e.map((x) => x.message)),
    });
    const done = Promise.all([t1.start(), t2.start()]);
    await put(g1, 's', [[Date.now(), 'one']]);
    await put(g2, 's', [[Date.now(), 'two']]);
    await waitFor(() => got1.length === 1 && got2.length === 1);
    t1.stop();
    await put(g2, 's', [[Date.now() + 1, 'two again']]);
    await waitFor(() => got2.length === 2);
    t2.stop();
    await done;
    assert.deepEqual(got1, ['one']);
    assert.deepEqual(got2, ['two', 'two again']);
  });

  it('stops: no request and no event after stop()', async () => {
    const g = await group(['s']);
    const got: string[] = [];
    const tail = new LogTail(session.logs, {
      logGroupName: g,
      intervalMs: 30,
      onEvents: (e) => got.push(...e.map((x) => x.message)),
    });
    const done = tail.start();
    await waitFor(() => tail.requests >= 2);
    tail.stop();
    await done;
    const requests = tail.requests;
    await put(g, 's', [[Date.now(), 'after stop']]);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(tail.requests, requests);
    assert.deepEqual(got, []);
    assert.equal(tail.stopped, true);
  });

  it('ends on a missing log group with a clear message', async () => {
    const missing = `/ecs/${uniqueName('missing')}`;
    const errors: unknown[] = [];
    const tail = new LogTail(session.logs, {
      logGroupName: missing,
      intervalMs: 20,
      onEvents: () => undefined,
      onError: (e) => void errors.push(e),
    });
    await tail.start(); // resolves by itself: onError did not ask to continue
    assert.equal(errors.length, 1);
    const c = classifyAwsError(errors[0], { operation: 'tail', logGroup: missing, region: 'us-east-1' });
    assert.equal(c.kind, 'log-group-not-found');
    assert.match(c.message, /was not found in region us-east-1/);
  });

  it('strips terminal escapes and control characters from what it shows, keeping the text', async () => {
    const stream = 'ecs/web/\x1b[31mred';
    const g = await group([stream]);
    const hostile =
      'start \x1b]0;pwned title\x07\x1b]52;c;Y2xpcGJvYXJk\x07\x1b[2J\x1b[1;1Hcleared' +
      ' back\rover\x08\x00\x7f\x9b31m \u200bend\tafter-tab\nsecond line';
    await put(g, stream, [[Date.now() - 1000, hostile]]);
    const got: TailEvent[] = [];
    const tail = new LogTail(session.logs, { logGroupName: g, onEvents: (e) => got.push(...e) });
    await tail.poll();
    tail.stop();
    assert.equal(got.length, 1);
    assert.equal(got[0]!.message, 'start cleared backover \u200bend\tafter-tab\nsecond line');
    assert.equal(got[0]!.logStreamName, 'ecs/web/red');
    // Coloured for the terminal: the only escapes left are the SGR colours we add.
    const line = formatLogEvent(got[0]!, { color: true }).text;
    const ours = line.replace(/\x1b\[[0-9;]*m/g, '');
    assert.doesNotMatch(ours, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    assert.match(ours, /second line/);
  });

  it('lists log groups by prefix for the picker', async () => {
    const g = await group([]);
    const names = await listLogGroups(session.logs, g);
    assert.deepEqual(names, [g]);
  });
});
