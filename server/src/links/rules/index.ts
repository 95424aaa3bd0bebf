/** Every check across files: each applies to the kinds its `meta.kinds` names (see `../index.ts`). */
import type { Rule } from '../../engine/types';
import { rule as buildArgUndeclared } from './build-arg-undeclared';
import { rule as buildContextIgnoresCopySource } from './build-context-ignores-copy-source';
import { rule as containerPortNotExposed } from './container-port-not-exposed';
import { rule as contextIgnoresCopySource } from './context-ignores-copy-source';
import { rule as contextCredentialsCopied } from './context-credentials-copied';
import { rule as contextIgnoresDockerfile } from './context-ignores-dockerfile';
import { rule as copyIgnoredByBuildContext } from './copy-ignored-by-build-context';
import { rule as copyIgnoredFile } from './copy-ignored-file';
import { rule as dockerBuildArgs } from './docker-build-args';
import { rule as dockerBuildFiles } from './docker-build-files';
import { rule as dockerBuildTarget } from './docker-build-target';
import { rule as ecsDeployedImageNotBuilt } from './ecs-deployed-image-not-built';
import { rule as ecsServiceTwoFamilies } from './ecs-service-two-families';
import { rule as ecsTaskDefinitionFamily } from './ecs-task-definition-family';
import { rule as ecsTaskDefinitionFile } from './ecs-task-definition-file';
import { rule as ecsUnknownContainer } from './ecs-unknown-container';
import { rule as excludesBuildInput } from './excludes-build-input';
import { rule as familyNamedElsewhere } from './family-named-elsewhere';
import { rule as healthCheckTarget } from './health-check-target';
import { rule as healthcheckTarget } from './healthcheck-target';
import { rule as healthyWithoutHealthcheck } from './healthy-without-healthcheck';
import { rule as imageArchitecture } from './image-architecture';
import { rule as morePrivilegedThanCompose } from './more-privileged-than-compose';
import { rule as morePrivilegedThanEcs } from './more-privileged-than-ecs';
import { rule as nixFlakeOutput } from './nix-flake-output';
import { rule as portNotExposed } from './port-not-exposed';
import { rule as pushedImageCredentials } from './pushed-image-credentials';
import { rule as stageTargetedElsewhere } from './stage-targeted-elsewhere';
import { rule as taskdefImageLatestTag } from './taskdef-image-latest-tag';
import { rule as unknownBuildTarget } from './unknown-build-target';
import { rule as workflowContainerName } from './workflow-container-name';

export const crossFileRules: Rule<unknown>[] = [
  buildArgUndeclared,
  buildContextIgnoresCopySource,
  containerPortNotExposed,
  contextIgnoresCopySource,
  contextCredentialsCopied,
  contextIgnoresDockerfile,
  copyIgnoredByBuildContext,
  copyIgnoredFile,
  dockerBuildArgs,
  dockerBuildFiles,
  dockerBuildTarget,
  ecsDeployedImageNotBuilt,
  ecsServiceTwoFamilies,
  ecsTaskDefinitionFamily,
  ecsTaskDefinitionFile,
  ecsUnknownContainer,
  excludesBuildInput,
  familyNamedElsewhere,
  healthCheckTarget,
  healthcheckTarget,
  healthyWithoutHealthcheck,
  imageArchitecture,
  morePrivilegedThanCompose,
  morePrivilegedThanEcs,
  nixFlakeOutput,
  portNotExposed,
  pushedImageCredentials,
  stageTargetedElsewhere,
  taskdefImageLatestTag,
  unknownBuildTarget,
  workflowContainerName,
];
