/** The cross-file rules (XFxxx) of workflows, kept in one list so the language's index changes by one entry. */
import type { Rule } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { rule as ecsTaskDefinitionFile } from './ecs-task-definition-file';
import { rule as ecsUnknownContainer } from './ecs-unknown-container';
import { rule as ecsServiceCluster } from './ecs-service-cluster';
import { rule as ecsWaitForStability } from './ecs-wait-for-stability';
import { rule as dockerBuildFiles } from './docker-build-files';
import { rule as dockerBuildTarget } from './docker-build-target';
import { rule as dockerBuildArgs } from './docker-build-args';
import { rule as nixNotInstalled } from './nix-not-installed';
import { rule as nixFlakeOutput } from './nix-flake-output';
import { rule as ecsImageNotBuilt } from './ecs-image-not-built';
import { rule as ecsTaskDefinitionFamily } from './ecs-task-definition-family';
import { rule as ecsServiceTwoFamilies } from './ecs-service-two-families';
import { rule as buildContextIgnoresCopySource } from './build-context-ignores-copy-source';
import { rule as ecsDeployedImageNotBuilt } from './ecs-deployed-image-not-built';

export const crossFileRules: Rule<WorkflowModel>[] = [
  ecsTaskDefinitionFile,
  ecsUnknownContainer,
  ecsServiceCluster,
  ecsWaitForStability,
  dockerBuildFiles,
  dockerBuildTarget,
  dockerBuildArgs,
  nixNotInstalled,
  nixFlakeOutput,
  ecsImageNotBuilt,
  ecsTaskDefinitionFamily,
  ecsServiceTwoFamilies,
  buildContextIgnoresCopySource,
  ecsDeployedImageNotBuilt,
];
