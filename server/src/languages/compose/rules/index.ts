import { markSecurity } from '../../../engine/define';
import type { Rule } from '../../../engine/types';
import type { ComposeModel } from '../parse';
import { rule as syntax } from './compose-syntax-error';
import { rule as unknownKey } from './unknown-key';
import { rule as wrongType } from './wrong-type';
import { rule as invalidValue } from './invalid-value';
import { rule as missingRequired } from './missing-required-key';
import { rule as duplicateItem } from './duplicate-item';
import { rule as unknownService } from './unknown-service';
import { rule as dependencyCycle } from './dependency-cycle';
import { rule as undeclaredResource } from './undeclared-resource';
import { rule as unusedResource } from './unused-resource';
import { rule as invalidPort } from './invalid-port';
import { rule as duplicateHostPort } from './duplicate-host-port';
import { rule as invalidDuration } from './invalid-duration';
import { rule as invalidByteSize } from './invalid-byte-size';
import { rule as invalidRestart } from './invalid-restart';
import { rule as interpolationSyntax } from './interpolation-syntax';
import { rule as unsetVariable } from './unset-variable';
import { rule as healthcheckTest } from './healthcheck-test';
import { rule as buildContextMissing } from './build-context-missing';
import { rule as dockerfileMissing } from './dockerfile-missing';
import { rule as referencedFileMissing } from './referenced-file-missing';
import { rule as obsoleteVersion } from './obsolete-version';
import { rule as imageLatestTag } from './image-latest-tag';
import { rule as secretInEnvironment } from './secret-in-environment';
import { rule as containerNameWithReplicas } from './container-name-with-replicas';
import { rule as unquotedPort } from './unquoted-port';
import { rule as networkModeConflict } from './network-mode-conflict';
import { rule as completedWithRestart } from './completed-with-restart';
import { rule as composePrivileged } from './privileged';
import { rule as composeHostNamespace } from './host-namespace';
import { rule as composeSensitiveHostMount } from './sensitive-host-mount';
import { rule as composeDangerousCapability } from './dangerous-capability';
import { rule as composeConfinementDisabled } from './confinement-disabled';
import { rule as composeDatabasePortPublic } from './database-port-public';

// Rules written before the security group joins it here (their files stay as they are).
markSecurity(
  secretInEnvironment,
  { severity: 7.5 },
  'Anyone who can read the repository, or run `docker inspect` on the host, reads the password and uses it ' +
    'wherever it is valid, for as long as it is not changed.',
);

export const rules: Rule<ComposeModel>[] = [
  syntax,
  unknownKey,
  wrongType,
  invalidValue,
  missingRequired,
  duplicateItem,
  unknownService,
  dependencyCycle,
  completedWithRestart,
  undeclaredResource,
  unusedResource,
  invalidPort,
  duplicateHostPort,
  invalidDuration,
  invalidByteSize,
  invalidRestart,
  interpolationSyntax,
  unsetVariable,
  healthcheckTest,
  networkModeConflict,
  buildContextMissing,
  dockerfileMissing,
  referencedFileMissing,
  obsoleteVersion,
  imageLatestTag,
  secretInEnvironment,
  containerNameWithReplicas,
  unquotedPort,
  composePrivileged,
  composeHostNamespace,
  composeSensitiveHostMount,
  composeDangerousCapability,
  composeConfinementDisabled,
  composeDatabasePortPublic,
];
