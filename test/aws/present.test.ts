import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  confirmationTitle,
  confirmationDetail,
  progressMessage,
  outcomeMessage,
  rememberedFirst,
  type RolloutResult,
  type DeployTarget,
} from '../../client/src/aws';

const target: DeployTarget = {
  account: '123456789012',
  identityArn: 'arn:aws:sts::123456789012:assumed-role/Deploy/alice',
  region: 'eu-west-1',
  profile: 'prod',
  cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
  service: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
  taskDefinition: 'web:8',
  current: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
  endpoint: undefined,
};

describe('deploy confirmation', () => {
  it('names account, region, cluster, service and both revisions', () => {
    assert.equal(confirmationTitle(target), 'Deploy web:8 to prod/web?');
    assert.equal(
      confirmationDetail(target),
      [
        'Account: 123456789012 (arn:aws:sts::123456789012:assumed-role/Deploy/alice)',
        'Region: eu-west-1 · profile prod',
        'Cluster: prod',
        'Service: web',
        'Task definition: web:8 (now running web:7)',
      ].join('\n'),
    );
  });
  it('before registering: a new revision of the family, from the file, and where the region came from', () => {
    const t: DeployTarget = {
      ...target,
      taskDefinition: undefined,
      newRevision: { family: 'web', file: 'ecs/task-definition.json' },
      regionSource: 'awslogs-region of container web in ecs/task-definition.json',
    };
    assert.equal(confirmationTitle(t), 'Deploy a new revision of web to prod/web?');
    assert.match(
      confirmationDetail(t),
      new RegExp(
        'Region: eu-west-1 \\(from awslogs-region of container web in ecs/task-definition\\.json\\) · profile prod\n' +
          '[^]*Task definition: a new revision of web from ecs/task-definition\\.json, registered when you confirm ' +
          '\\(now running web:7\\)',
      ),
    );
  });
  it('says what a force-new-deployment keeps, and shows a custom endpoint', () => {
    const t = { ...target, taskDefinition: undefined, endpoint: 'http://127.0.0.1:5000' };
    assert.equal(confirmationTitle(t), 'Force a new deployment of prod/web?');
    assert.match(
      confirmationDetail(t),
      /Task definition: web:7 \(unchanged; new tasks replace the running ones\)\nEndpoint: http:\/\/127\.0\.0\.1:5000$/,
    );
  });
});

describe('rollout messages', () => {
  const snap = {
    state: 'IN_PROGRESS' as const,
    running: 1,
    desired: 2,
    pending: 1,
    failedTasks: 0,
    reason: 'r',
    rolledBack: false,
    deploymentCount: 2,
    taskDefinition: undefined,
  };
  it('progress shows state, counts and the latest event', () => {
    assert.equal(
      progressMessage({ ...snap, newEvents: [], elapsedMs: 0, polls: 1 }),
      'in progress · 1/2 running, 1 pending',
    );
    assert.equal(
      progressMessage({
        ...snap,
        failedTasks: 2,
        newEvents: [
          { id: 'a', at: undefined, message: 'old' },
          { id: 'b', at: undefined, message: '(service web) has started 1 tasks' },
        ],
        elapsedMs: 0,
        polls: 2,
      }),
      'in progress · 1/2 running, 1 pending, 2 failed · (service web) has started 1 tasks',
    );
  });
  const result = (outcome: RolloutResult['outcome'], extra: Partial<typeof snap> = {}): RolloutResult => ({
    outcome,
    last: { ...snap, ...extra },
    events: [],
    elapsedMs: 90_000,
    polls: 5,
  });
  it('each outcome reads as what happened and what continues', () => {
    assert.deepEqual(
      outcomeMessage(
        result('COMPLETED', { running: 2, state: 'COMPLETED' as never }),
        'Deployment of web:8 to prod/web',
      ),
      { severity: 'info', text: 'Deployment of web:8 to prod/web completed: 2/2 tasks running (1.5 min).' },
    );
    const failed = outcomeMessage(
      result('FAILED', { reason: 'ECS deployment circuit breaker: tasks failed to start.', rolledBack: true }),
      'Deployment of web:8',
    );
    assert.equal(failed.severity, 'error');
    assert.match(
      failed.text,
      /failed: ECS deployment circuit breaker: tasks failed to start\. The deployment circuit breaker rolled the service back/,
    );
    assert.equal(outcomeMessage(result('TIMEOUT'), 'X').severity, 'warning');
    assert.match(outcomeMessage(result('CANCELLED'), 'X').text, /continues in ECS/);
  });
});

describe('rememberedFirst', () => {
  it('moves the remembered item to the front and keeps the rest in order', () => {
    assert.deepEqual(
      rememberedFirst(['a', 'b', 'c'], (x) => x, 'c'),
      ['c', 'a', 'b'],
    );
    assert.deepEqual(
      rememberedFirst(['a', 'b'], (x) => x, 'zz'),
      ['a', 'b'],
    );
    assert.deepEqual(
      rememberedFirst(['a', 'b'], (x) => x, undefined),
      ['a', 'b'],
    );
  });
});
