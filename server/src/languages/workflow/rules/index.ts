import { markSecurity } from '../../../engine/define';
import type { Rule } from '../../../engine/types';
import type { WorkflowModel } from '../parse';
import { syntaxRule } from '../../../engine/syntax-rule';
import { rule as expressionSyntax } from './expression-syntax';
import { rule as expressionContext } from './expression-context';
import { rule as expressionFunction } from './expression-function';
import { rule as expressionType } from './expression-type';
import { rule as expressionProperty } from './expression-property';
import { rule as unknownKey } from './unknown-key';
import { rule as missingKey } from './missing-key';
import { rule as valueType } from './value-type';
import { rule as jobNeeds } from './job-needs';
import { rule as ids } from './ids';
import { rule as runnerLabel } from './runner-label';
import { rule as usesFormat } from './uses-format';
import { rule as actionInputs } from './action-inputs';
import { rule as outdatedAction } from './outdated-action';
import { rule as deprecatedCommands } from './deprecated-commands';
import { rule as scriptInjection } from './script-injection';
import { rule as ifCondition } from './if-condition';
import { rule as cron } from './cron';
import { rule as events } from './events';
import { rule as glob } from './glob';
import { rule as matrix } from './matrix';
import { rule as permissions } from './permissions';
import { rule as missingPermissions } from './missing-permissions';
import { rule as shellName } from './shell-name';
import { rule as envVarName } from './env-var-name';
import { rule as credentials } from './credentials';
import { rule as reusableWorkflow } from './reusable-workflow';
import { rule as workflowInputs } from './workflow-inputs';
import { rule as shellcheck } from './shellcheck';
import { rule as shellcheckStyle } from './shellcheck-style';
import { rule as emptySection } from './empty-section';
import { rule as deprecatedOutputCommands } from './deprecated-output-commands';
import { rule as constantCondition } from './constant-condition';
import { rule as scheduleInterval } from './schedule-interval';
import { rule as eventNeverTriggers } from './event-never-triggers';
import { rule as globNeverMatches } from './glob-never-matches';
import { rule as matrixValues } from './matrix-values';
import { rule as runnerUnavailable } from './runner-unavailable';
import { rule as shellOnWindows } from './shell-on-windows';
import { rule as imageTag } from './image-tag';
import { rule as actionRequiredInput } from './action-required-input';
import { rule as inputDefaultIgnored } from './input-default-ignored';
import { rule as localAction } from './local-action';
import { rule as actionMetadata } from './action-metadata';
import { rule as unusedAnchor } from './unused-anchor';
import { rule as numberValue } from './number-value';
import { rule as retiredRuntime } from './retired-runtime';

const syntax = syntaxRule<WorkflowModel>(
  'WF000',
  'workflow',
  'YAML',
  {
    incorrect:
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    runs-on: windows-latest\n    steps: [{ run: make }]\n',
    correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n',
  },
  ['actionlint syntax-check'],
);

import { rule as ecsServiceCluster } from './ecs-service-cluster';
import { rule as ecsWaitForStability } from './ecs-wait-for-stability';
import { rule as nixNotInstalled } from './nix-not-installed';
import { rule as ecsImageNotBuilt } from './ecs-image-not-built';
import { rule as untrustedCheckout } from './untrusted-checkout';
import { rule as artifactPoisoning } from './artifact-poisoning';
import { rule as writeAllPermissions } from './write-all-permissions';
import { rule as defaultTokenWrites } from './default-token-writes';
import { rule as actionPinnedToBranch } from './action-pinned-to-branch';
import { rule as actionNotPinnedToSha } from './action-not-pinned-to-sha';
import { rule as insecureCommands } from './insecure-commands';
import { rule as secretsInherit } from './secrets-inherit';
import { rule as unsoundContains } from './unsound-contains';
import { rule as botCondition } from './bot-condition';
import { rule as selfHostedForkTrigger } from './self-hosted-fork-trigger';
import { rule as persistedCredentialsUploaded } from './persisted-credentials-uploaded';
import { rule as untrustedGithubEnv } from './untrusted-github-env';
import { rule as secretsExposed } from './secrets-exposed';
import { rule as cacheInRelease } from './cache-in-release';

// Rules written before the security group joins it here (their files stay as they are).
markSecurity(
  scriptInjection,
  { severity: 9.0 },
  'Whoever writes the issue title, branch name or comment runs shell commands in the job, with its secrets and ' +
    'token.',
);
markSecurity(
  credentials,
  { severity: 8.1 },
  'Anyone who can read the workflow file (everyone, on a public repository) reads the credential and uses it.',
);
markSecurity(
  missingPermissions,
  { severity: 4.3 },
  'A compromised step inherits the repository default token, often able to push code and publish releases.',
);

export const rules: Rule<WorkflowModel>[] = [
  syntax,
  expressionSyntax,
  expressionContext,
  expressionFunction,
  expressionType,
  expressionProperty,
  unknownKey,
  missingKey,
  valueType,
  jobNeeds,
  ids,
  runnerLabel,
  usesFormat,
  actionInputs,
  outdatedAction,
  retiredRuntime,
  deprecatedCommands,
  scriptInjection,
  ifCondition,
  cron,
  events,
  glob,
  matrix,
  permissions,
  missingPermissions,
  shellName,
  envVarName,
  credentials,
  reusableWorkflow,
  workflowInputs,
  shellcheck,
  ecsServiceCluster,
  ecsWaitForStability,
  nixNotInstalled,
  ecsImageNotBuilt,
  shellcheckStyle,
  emptySection,
  deprecatedOutputCommands,
  constantCondition,
  scheduleInterval,
  eventNeverTriggers,
  globNeverMatches,
  matrixValues,
  runnerUnavailable,
  shellOnWindows,
  imageTag,
  actionRequiredInput,
  inputDefaultIgnored,
  localAction,
  actionMetadata,
  unusedAnchor,
  numberValue,
  untrustedCheckout,
  artifactPoisoning,
  writeAllPermissions,
  defaultTokenWrites,
  actionPinnedToBranch,
  actionNotPinnedToSha,
  insecureCommands,
  secretsInherit,
  unsoundContains,
  botCondition,
  selfHostedForkTrigger,
  persistedCredentialsUploaded,
  untrustedGithubEnv,
  secretsExposed,
  cacheInRelease,
];
