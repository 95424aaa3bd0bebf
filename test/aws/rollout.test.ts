// Judging a DescribeServices answer. moto never fails a deployment, so the FAILED and
// rollback shapes here follow the ECS API reference for a circuit-breaker rollback.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '@aws-sdk/client-ecs';
import { evaluateRollout } from '../../client/src/aws';

const breaker = { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } };

describe('evaluateRollout', () => {
  it('is in progress while the new deployment starts tasks', () => {
    const s: Service = {
      ...breaker,
      deployments: [
        {
          id: 'new',
          status: 'PRIMARY',
          rolloutState: 'IN_PROGRESS',
          desiredCount: 3,
          runningCount: 1,
          pendingCount: 2,
          rolloutStateReason: 'ECS deployment new in progress.',
        },
        { id: 'old', status: 'ACTIVE', rolloutState: 'COMPLETED', desiredCount: 3, runningCount: 3 },
      ],
    };
    const r = evaluateRollout(s, 'new');
    assert.equal(r.state, 'IN_PROGRESS');
    assert.deepEqual([r.running, r.desired, r.pending, r.deploymentCount], [1, 3, 2, 2]);
  });

  it('completes on rolloutState COMPLETED', () => {
    const s: Service = {
      deployments: [{ id: 'new', status: 'PRIMARY', rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 2 }],
    };
    assert.equal(evaluateRollout(s, 'new').state, 'COMPLETED');
  });

  it('fails and says it rolled back when the circuit breaker trips', () => {
    const s: Service = {
      ...breaker,
      deployments: [
        { id: 'rollback', status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desiredCount: 2, runningCount: 2 },
        {
          id: 'new',
          status: 'ACTIVE',
          rolloutState: 'FAILED',
          failedTasks: 4,
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        },
      ],
    };
    const r = evaluateRollout(s, 'new');
    assert.equal(r.state, 'FAILED');
    assert.equal(r.rolledBack, true);
    assert.equal(r.failedTasks, 4);
    assert.match(r.reason, /circuit breaker/);
  });

  it('fails when our deployment was replaced by another one', () => {
    const s: Service = { deployments: [{ id: 'someone-else', status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }] };
    const r = evaluateRollout(s, 'ours');
    assert.equal(r.state, 'FAILED');
    assert.match(r.reason, /replaced by deployment someone-else/);
  });

  it('falls back to the steady-state rule when there is no rolloutState', () => {
    assert.equal(
      evaluateRollout({ deployments: [{ id: 'a', status: 'PRIMARY', desiredCount: 2, runningCount: 2 }] }).state,
      'COMPLETED',
    );
    assert.equal(
      evaluateRollout({ deployments: [{ id: 'a', status: 'PRIMARY', desiredCount: 2, runningCount: 1 }] }).state,
      'IN_PROGRESS',
    );
  });
});
