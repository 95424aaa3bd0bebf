// Follow an ECS rolling deployment the way a person would refresh the console: poll
// DescribeServices, report the rollout state, the task counts and new service events, and
// stop on COMPLETED, FAILED (the deployment circuit breaker), a timeout or cancellation.
import type { ECSClient, Service, Deployment, ServiceEvent } from '@aws-sdk/client-ecs';
import { describeService } from './ecs';

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
export type RolloutOutcome = 'COMPLETED' | 'FAILED' | 'TIMEOUT' | 'CANCELLED';

export interface RolloutSnapshot {
  state: RolloutState;
  running: number;
  desired: number;
  pending: number;
  failedTasks: number;
  /** ECS's own words for the state (rolloutStateReason), or ours. */
  reason: string;
  /** A FAILED deployment whose circuit breaker started a rollback to the previous revision. */
  rolledBack: boolean;
  deploymentCount: number;
  taskDefinition: string | undefined;
}

export interface ServiceEventLine {
  id: string;
  at: Date | undefined;
  message: string;
}

export interface RolloutProgress extends RolloutSnapshot {
  newEvents: ServiceEventLine[];
  elapsedMs: number;
  polls: number;
}

export interface RolloutResult {
  outcome: RolloutOutcome;
  last: RolloutSnapshot | undefined;
  /** Every new service event seen during the watch, oldest first. */
  events: ServiceEventLine[];
  elapsedMs: number;
  polls: number;
}

/** Judge a DescribeServices answer for the deployment `deploymentId` (the PRIMARY one when unknown). */
export function evaluateRollout(service: Service, deploymentId?: string): RolloutSnapshot {
  const deployments: Deployment[] = service.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  const ours = deploymentId ? deployments.find((d) => d.id === deploymentId) : primary;
  const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
  const base = (d: Deployment | undefined) => ({
    running: d?.runningCount ?? service.runningCount ?? 0,
    desired: d?.desiredCount ?? service.desiredCount ?? 0,
    pending: d?.pendingCount ?? service.pendingCount ?? 0,
    failedTasks: d?.failedTasks ?? 0,
    deploymentCount: deployments.length,
    taskDefinition: d?.taskDefinition ?? service.taskDefinition,
  });
  if (!ours) {
    // Our deployment is gone: a rollback or another deployment replaced it.
    return {
      ...base(primary),
      state: 'FAILED',
      reason: primary
        ? `Deployment ${deploymentId} was replaced by deployment ${primary.id}.`
        : `Deployment ${deploymentId} no longer exists.`,
      rolledBack: !!breaker?.rollback,
    };
  }
  const counts = base(ours);
  if (ours.rolloutState === 'FAILED') {
    const rollback = deployments.some((d) => d !== ours && d.status === 'PRIMARY') || !!breaker?.rollback;
    return {
      ...counts,
      state: 'FAILED',
      reason: ours.rolloutStateReason ?? 'The deployment failed.',
      rolledBack: rollback,
    };
  }
  if (ours.rolloutState === 'COMPLETED') {
    return {
      ...counts,
      state: 'COMPLETED',
      reason: ours.rolloutStateReason ?? 'The deployment completed.',
      rolledBack: false,
    };
  }
  if (
    !ours.rolloutState &&
    ours.status === 'PRIMARY' &&
    deployments.length === 1 &&
    counts.running === counts.desired
  ) {
    // Controllers without rolloutState: steady when one deployment runs every desired task (the SDK waiter's rule).
    return { ...counts, state: 'COMPLETED', reason: 'The service is steady.', rolledBack: false };
  }
  return {
    ...counts,
    state: 'IN_PROGRESS',
    reason: ours.rolloutStateReason ?? 'The deployment is in progress.',
    rolledBack: false,
  };
}

export interface WatchRolloutOptions {
  cluster: string;
  service: string;
  deploymentId?: string;
  /** Events already present before the deployment started (not reported). */
  knownEventIds?: Iterable<string>;
  signal?: AbortSignal;
  /** Give up after this long (default 30 minutes). */
  timeoutMs?: number;
  /** First poll interval (default 5 s); grows by `backoff` while nothing changes, up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
  backoff?: number;
  onProgress?: (progress: RolloutProgress) => void;
}

/** Resolves after `ms`, or early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function isThrottling(err: unknown): boolean {
  const e = err as { name?: string; $retryable?: { throttling?: boolean } } | undefined;
  return e?.name === 'ThrottlingException' || e?.name === 'TooManyRequestsException' || !!e?.$retryable?.throttling;
}

function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return !!signal?.aborted || (err as { name?: string } | undefined)?.name === 'AbortError';
}

function eventLines(events: ServiceEvent[] | undefined, seen: Set<string>): ServiceEventLine[] {
  const fresh: ServiceEventLine[] = [];
  for (const e of events ?? []) {
    const id = e.id ?? `${e.createdAt?.toISOString()}|${e.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    fresh.push({ id, at: e.createdAt, message: e.message ?? '' });
  }
  // DescribeServices lists events newest first.
  return fresh.sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
}

export async function watchRollout(ecs: ECSClient, options: WatchRolloutOptions): Promise<RolloutResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const minInterval = options.intervalMs ?? 5_000;
  const maxInterval = Math.max(minInterval, options.maxIntervalMs ?? 30_000);
  const backoff = options.backoff ?? 1.5;
  const seen = new Set(options.knownEventIds ?? []);
  const events: ServiceEventLine[] = [];
  let interval = minInterval;
  let last: RolloutSnapshot | undefined;
  let polls = 0;
  const finish = (outcome: RolloutOutcome): RolloutResult => ({
    outcome,
    last,
    events,
    elapsedMs: Date.now() - started,
    polls,
  });

  for (;;) {
    if (options.signal?.aborted) return finish('CANCELLED');
    let service: Service;
    try {
      service = await describeService(ecs, options.cluster, options.service, options.signal);
    } catch (err) {
      if (isAbort(err, options.signal)) return finish('CANCELLED');
      if (!isThrottling(err)) throw err;
      interval = Math.min(maxInterval, interval * 2);
      await sleep(interval, options.signal);
      continue;
    }
    polls++;
    const snapshot = evaluateRollout(service, options.deploymentId);
    const newEvents = eventLines(service.events, seen);
    events.push(...newEvents);
    const changed =
      newEvents.length > 0 ||
      !last ||
      last.state !== snapshot.state ||
      last.running !== snapshot.running ||
      last.pending !== snapshot.pending ||
      last.desired !== snapshot.desired;
    last = snapshot;
    options.onProgress?.({ ...snapshot, newEvents, elapsedMs: Date.now() - started, polls });
    if (snapshot.state === 'COMPLETED') return finish('COMPLETED');
    if (snapshot.state === 'FAILED') return finish('FAILED');
    const remaining = timeoutMs - (Date.now() - started);
    if (remaining <= 0) return finish('TIMEOUT');
    interval = changed ? minInterval : Math.min(maxInterval, interval * backoff);
    await sleep(Math.min(interval, remaining), options.signal);
  }
}
