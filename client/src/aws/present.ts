// The words the AWS commands show (confirmation, progress, outcome), kept apart from the
// `vscode` wiring so they can be tested and read in one place.
import { nameFromArn } from './ecs';
import type { RolloutProgress, RolloutResult } from './rollout';

export interface DeployTarget {
  account: string;
  /** The caller's ARN (user or assumed role), shown so people see which identity deploys. */
  identityArn: string;
  region: string;
  /** Where the region came from (`awslogs-region of container web in ecs/td.json`), when not the SDK's default. */
  regionSource?: string;
  profile: string | undefined;
  cluster: string;
  service: string;
  /** `family:revision` to deploy, or undefined for a plain force-new-deployment. */
  taskDefinition: string | undefined;
  /**
   * A task definition registered only once the user confirms: its family and the file it comes from.
   * The revision is not known before (ECS numbers it), so the confirmation says "a new revision".
   */
  newRevision?: { family: string; file: string };
  /** What the service runs now (`family:revision`), when known. */
  current: string | undefined;
  endpoint: string | undefined;
}

/** `arn:...:task-definition/web:12` → `web:12`. */
export function taskDefinitionLabel(arnOrName: string | undefined): string {
  return arnOrName ? nameFromArn(arnOrName) : 'unknown';
}

export function confirmationTitle(t: DeployTarget): string {
  const where = `${nameFromArn(t.cluster)}/${nameFromArn(t.service)}`;
  if (t.newRevision) return `Deploy a new revision of ${t.newRevision.family} to ${where}?`;
  return t.taskDefinition ? `Deploy ${t.taskDefinition} to ${where}?` : `Force a new deployment of ${where}?`;
}

export function confirmationDetail(t: DeployTarget): string {
  const lines = [
    `Account: ${t.account}${t.identityArn ? ` (${t.identityArn})` : ''}`,
    `Region: ${t.region}${t.regionSource ? ` (from ${t.regionSource})` : ''}` +
      `${t.profile ? ` · profile ${t.profile}` : ''}`,
    `Cluster: ${nameFromArn(t.cluster)}`,
    `Service: ${nameFromArn(t.service)}`,
    t.newRevision
      ? `Task definition: a new revision of ${t.newRevision.family} from ${t.newRevision.file}, registered ` +
        `when you confirm (now running ${taskDefinitionLabel(t.current)})`
      : t.taskDefinition
        ? `Task definition: ${t.taskDefinition} (now running ${taskDefinitionLabel(t.current)})`
        : `Task definition: ${taskDefinitionLabel(t.current)} (unchanged; new tasks replace the running ones)`,
  ];
  if (t.endpoint) lines.push(`Endpoint: ${t.endpoint}`);
  return lines.join('\n');
}

export function progressMessage(p: RolloutProgress): string {
  const state = p.state === 'IN_PROGRESS' ? 'in progress' : p.state.toLowerCase();
  const counts =
    `${p.running}/${p.desired} ` +
    `running${p.pending ? `, ${p.pending} pending` : ''}${p.failedTasks ? `, ${p.failedTasks} failed` : ''}`;
  const latest = p.newEvents.length > 0 ? ` · ${p.newEvents[p.newEvents.length - 1]!.message}` : '';
  return `${state} · ${counts}${latest}`;
}

export type OutcomeSeverity = 'info' | 'warning' | 'error';

export function outcomeMessage(result: RolloutResult, what: string): { severity: OutcomeSeverity; text: string } {
  const last = result.last;
  const counts = last ? `${last.running}/${last.desired} tasks running` : 'no status read';
  const minutes = Math.round(result.elapsedMs / 6_000) / 10;
  switch (result.outcome) {
    case 'COMPLETED':
      return { severity: 'info', text: `${what} completed: ${counts} (${minutes} min).` };
    case 'FAILED': {
      const rollback = last?.rolledBack
        ? ' The deployment circuit breaker rolled the service back to the previous task definition.'
        : '';
      return {
        severity: 'error',
        text: `${what} failed: ${last?.reason ?? 'unknown reason'}${rollback} See the service events in the log.`,
      };
    }
    case 'TIMEOUT':
      return {
        severity: 'warning',
        text:
          `${what} is still in progress after ${minutes} min (${counts}). ECS ` +
          `carries on; follow it in the console.`,
      };
    case 'CANCELLED':
      return { severity: 'info', text: `Stopped watching ${what}. The deployment itself continues in ECS.` };
  }
}

/** Order quick-pick values so the one remembered for this file comes first. */
export function rememberedFirst<T>(items: T[], key: (item: T) => string, remembered: string | undefined): T[] {
  if (!remembered) return items;
  const hit = items.findIndex((i) => key(i) === remembered);
  if (hit <= 0) return items;
  return [items[hit]!, ...items.slice(0, hit), ...items.slice(hit + 1)];
}
