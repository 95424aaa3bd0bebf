// ECS calls used by the deploy commands, each a thin, typed wrapper over one SDK command.
import {
  type ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  UpdateServiceCommand,
  DescribeServicesCommand,
  paginateListClusters,
  paginateListServices,
  type Service,
} from '@aws-sdk/client-ecs';

export interface RegisteredTaskDefinition {
  arn: string;
  family: string;
  revision: number;
}

export async function registerTaskDefinition(
  ecs: ECSClient,
  input: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<RegisteredTaskDefinition> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand(input as unknown as RegisterTaskDefinitionCommandInput),
    { abortSignal: signal },
  );
  const td = out.taskDefinition;
  if (!td?.taskDefinitionArn) throw new Error('RegisterTaskDefinition returned no task definition.');
  return { arn: td.taskDefinitionArn, family: td.family ?? '', revision: td.revision ?? 0 };
}

/** Last path segment of an ECS ARN (`arn:...:cluster/prod` → `prod`, `.../service/prod/web` → `web`). */
export function nameFromArn(arnOrName: string): string {
  const i = arnOrName.lastIndexOf('/');
  return i >= 0 ? arnOrName.slice(i + 1) : arnOrName;
}

export async function listClusters(ecs: ECSClient, signal?: AbortSignal): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListClusters({ client: ecs }, {}, { abortSignal: signal }))
    arns.push(...(page.clusterArns ?? []));
  return arns.sort((a, b) => nameFromArn(a).localeCompare(nameFromArn(b)));
}

export async function listServices(ecs: ECSClient, cluster: string, signal?: AbortSignal): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListServices({ client: ecs }, { cluster }, { abortSignal: signal }))
    arns.push(...(page.serviceArns ?? []));
  return arns.sort((a, b) => nameFromArn(a).localeCompare(nameFromArn(b)));
}

/** DescribeServices for one service; a `failures` entry (MISSING / INACTIVE) becomes a ServiceNotFoundException. */
export async function describeService(
  ecs: ECSClient,
  cluster: string,
  service: string,
  signal?: AbortSignal,
): Promise<Service> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }), { abortSignal: signal });
  const found = out.services?.[0];
  if (found && found.status !== 'INACTIVE') return found;
  const reason = out.failures?.[0]?.reason ?? found?.status ?? 'MISSING';
  const err = new Error(`Service ${service} in cluster ${cluster}: ${reason}`);
  err.name = reason === 'INACTIVE' ? 'ServiceNotActiveException' : 'ServiceNotFoundException';
  throw err;
}

export interface DeployOptions {
  cluster: string;
  service: string;
  /** Family, family:revision or ARN; omitted for a plain force-new-deployment. */
  taskDefinition?: string;
  /** Default true: start new tasks even when the task definition did not change. */
  forceNewDeployment?: boolean;
  signal?: AbortSignal;
}

export interface DeployStarted {
  service: Service;
  /** Id of the PRIMARY deployment UpdateService started (what the watcher follows). */
  deploymentId: string | undefined;
  /** Event ids present before the deployment, so the watcher reports only new ones. */
  knownEventIds: string[];
}

export async function deployService(ecs: ECSClient, options: DeployOptions): Promise<DeployStarted> {
  const out = await ecs.send(
    new UpdateServiceCommand({
      cluster: options.cluster,
      service: options.service,
      ...(options.taskDefinition ? { taskDefinition: options.taskDefinition } : {}),
      forceNewDeployment: options.forceNewDeployment ?? true,
    }),
    { abortSignal: options.signal },
  );
  const service = out.service;
  if (!service) throw new Error('UpdateService returned no service.');
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  return {
    service,
    deploymentId: primary?.id,
    knownEventIds: (service.events ?? []).map((e) => e.id ?? '').filter(Boolean),
  };
}

function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return 'console.amazonaws.cn';
  if (region.startsWith('us-gov-')) return 'console.amazonaws-us-gov.com';
  return `${region}.console.aws.amazon.com`;
}

/** The AWS console page of a service (its deployments and events). */
export function serviceConsoleUrl(region: string, cluster: string, service: string): string {
  const c = encodeURIComponent(nameFromArn(cluster));
  const s = encodeURIComponent(nameFromArn(service));
  return `https://${consoleHost(region)}/ecs/v2/clusters/${c}/services/${s}/deployments?region=${encodeURIComponent(region)}`;
}

/** The AWS console page of a task definition revision. */
export function taskDefinitionConsoleUrl(region: string, family: string, revision: number): string {
  return `https://${consoleHost(region)}/ecs/v2/task-definitions/${encodeURIComponent(family)}/${revision}/containers?region=${encodeURIComponent(region)}`;
}
