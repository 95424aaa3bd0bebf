import type { TaskDefModel } from '../parse';
import { markSecurity } from '../../../engine/define';
import type { Rule } from '../../../engine/types';
/** Every taskdef rule, in code order. */
import { rule as syntaxError } from './syntax-error';
import { rule as unknownKey } from './unknown-key';
import { rule as wrongType } from './wrong-type';
import { rule as invalidEnumValue } from './invalid-enum-value';
import { rule as missingRequired } from './missing-required';
import { rule as valueOutOfRange } from './value-out-of-range';
import { rule as readOnlyField } from './read-only-field';
import { rule as describeWrapper } from './describe-wrapper';
import { rule as fargateNetworkMode } from './fargate-network-mode';
import { rule as taskCpuMemory } from './task-cpu-memory';
import { rule as fargatePlacementConstraints } from './fargate-placement-constraints';
import { rule as fargateLogDriver } from './fargate-log-driver';
import { rule as fargatePrivileged } from './fargate-privileged';
import { rule as linksUnsupported } from './links-unsupported';
import { rule as hostPortMismatch } from './host-port-mismatch';
import { rule as fargateUnsupportedParameter } from './fargate-unsupported-parameter';
import { rule as externalNetworkMode } from './external-network-mode';
import { rule as windowsArchitecture } from './windows-architecture';
import { rule as ecsValueRange } from './ecs-value-range';
import { rule as portMappingConflict } from './port-mapping-conflict';
import { rule as ecsCountLimit } from './ecs-count-limit';
import { rule as firelensWithoutRouter } from './firelens-without-router';
import { rule as dependencyOnEssentialExit } from './dependency-on-essential-exit';
import { rule as platformUnsupportedParameter } from './platform-unsupported-parameter';
import { rule as logDriverOptions } from './log-driver-options';
import { rule as ulimitLimits } from './ulimit-limits';
import { rule as containerMemoryMinimum } from './container-memory-minimum';
import { rule as awsvpcUnsupportedParameter } from './awsvpc-unsupported-parameter';
import { rule as secretNameClash } from './secret-name-clash';
import { rule as noEssentialContainer } from './no-essential-container';
import { rule as duplicateContainerName } from './duplicate-container-name';
import { rule as containerResourcesExceedTask } from './container-resources-exceed-task';
import { rule as containerMemoryRequired } from './container-memory-required';
import { rule as memoryReservationExceedsMemory } from './memory-reservation-exceeds-memory';
import { rule as dependsOnUnknownContainer } from './depends-on-unknown-container';
import { rule as healthyDependencyWithoutHealthCheck } from './healthy-dependency-without-health-check';
import { rule as healthCheckCommand } from './health-check-command';
import { rule as healthCheckBounds } from './health-check-bounds';
import { rule as portMappings } from './port-mappings';
import { rule as awslogsOptions } from './awslogs-options';
import { rule as secretValueFrom } from './secret-value-from';
import { rule as executionRoleRequired } from './execution-role-required';
import { rule as invalidArn } from './invalid-arn';
import { rule as secretInEnvironment } from './secret-in-environment';
import { rule as missingLogConfiguration } from './missing-log-configuration';
import { rule as missingHealthCheck } from './missing-health-check';
import { rule as readonlyRootFilesystem } from './readonly-root-filesystem';
import { rule as runsAsRoot } from './runs-as-root';
import { rule as missingTags } from './missing-tags';
import { rule as taskdefPrivileged } from './privileged-container';
import { rule as taskdefHostNamespace } from './host-namespace';
import { rule as taskdefHostNetwork } from './host-network';
import { rule as taskdefDangerousCapability } from './dangerous-capability';
import { rule as efsTransitEncryption } from './efs-transit-encryption';
import { rule as taskdefRootUser } from './root-user';
import { rule as taskdefConfinementDisabled } from './confinement-disabled';
import { rule as executionRoleIsTaskRole } from './execution-role-is-task-role';

// Rules written before the security group joins it here (their files stay as they are).
markSecurity(
  fargatePrivileged,
  { severity: 8.8 },
  'A privileged container is root on the host it runs on (ECS rejects it on Fargate, which is why this is an error).',
);
markSecurity(
  secretInEnvironment,
  { severity: 7.5 },
  'Anyone allowed to describe task definitions (and every deploy log that prints them) reads the secret in clear ' +
    'text and uses it wherever it is valid.',
);
markSecurity(
  missingLogConfiguration,
  { severity: 3.7 },
  'Without the container output, an intrusion or misuse leaves no trace that responders can read afterwards.',
);
markSecurity(
  readonlyRootFilesystem,
  { severity: 3.7 },
  'A compromised process can write to the whole container filesystem: drop tools, change code, and persist ' +
    'until the task is replaced.',
);

export const rules: Rule<TaskDefModel>[] = [
  syntaxError,
  unknownKey,
  wrongType,
  invalidEnumValue,
  missingRequired,
  valueOutOfRange,
  readOnlyField,
  describeWrapper,
  fargateNetworkMode,
  taskCpuMemory,
  fargatePlacementConstraints,
  fargateLogDriver,
  fargatePrivileged,
  linksUnsupported,
  hostPortMismatch,
  fargateUnsupportedParameter,
  externalNetworkMode,
  windowsArchitecture,
  ecsValueRange,
  portMappingConflict,
  ecsCountLimit,
  firelensWithoutRouter,
  dependencyOnEssentialExit,
  noEssentialContainer,
  duplicateContainerName,
  containerResourcesExceedTask,
  containerMemoryRequired,
  memoryReservationExceedsMemory,
  dependsOnUnknownContainer,
  healthyDependencyWithoutHealthCheck,
  healthCheckCommand,
  healthCheckBounds,
  portMappings,
  awslogsOptions,
  secretValueFrom,
  executionRoleRequired,
  invalidArn,
  platformUnsupportedParameter,
  logDriverOptions,
  ulimitLimits,
  containerMemoryMinimum,
  awsvpcUnsupportedParameter,
  secretNameClash,
  secretInEnvironment,
  executionRoleIsTaskRole,
  missingLogConfiguration,
  missingHealthCheck,
  readonlyRootFilesystem,
  runsAsRoot,
  missingTags,
  taskdefPrivileged,
  taskdefHostNamespace,
  taskdefHostNetwork,
  taskdefDangerousCapability,
  efsTransitEncryption,
  taskdefRootUser,
  taskdefConfinementDisabled,
];
