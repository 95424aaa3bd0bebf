// Every rule file of this folder (regenerate when adding one); sorted by code at load.
import { markSecurity } from '../../../engine/define';
import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { rule as absoluteWorkdir } from './absolute-workdir';
import { rule as addForArchives } from './add-for-archives';
import { rule as allowedRegistries } from './allowed-registries';
import { rule as apkNoCache } from './apk-no-cache';
import { rule as apkPinVersions } from './apk-pin-versions';
import { rule as aptAssumeYes } from './apt-assume-yes';
import { rule as aptListsCleanup } from './apt-lists-cleanup';
import { rule as aptNoInstallRecommends } from './apt-no-install-recommends';
import { rule as aptPinVersions } from './apt-pin-versions';
import { rule as buildToolsInFinalImage } from './build-tools-in-final-image';
import { rule as consecutiveRun } from './consecutive-run';
import { rule as consistentInstructionCasing } from './consistent-instruction-casing';
import { rule as copyAllBeforeInstall } from './copy-all-before-install';
import { rule as copyFromKnownStage } from './copy-from-known-stage';
import { rule as copyFromSelf } from './copy-from-self';
import { rule as copyRootFromStage } from './copy-root-from-stage';
import { rule as numericUser } from './numeric-user';
import { rule as copyInsteadOfAdd } from './copy-instead-of-add';
import { rule as copyMultipleSourcesDir } from './copy-multiple-sources-dir';
import { rule as copyRelativeWithoutWorkdir } from './copy-relative-without-workdir';
import { rule as dnfAssumeYes } from './dnf-assume-yes';
import { rule as dnfCleanAll } from './dnf-clean-all';
import { rule as dnfPinVersions } from './dnf-pin-versions';
import { rule as envSelfReference } from './env-self-reference';
import { rule as exposeInvalidFormat } from './expose-invalid-format';
import { rule as exposeProtoCasing } from './expose-proto-casing';
import { rule as fromAsCasing } from './from-as-casing';
import { rule as fromPlatformFlag } from './from-platform-flag';
import { rule as gemPinVersions } from './gem-pin-versions';
import { rule as goInstallPinVersions } from './go-install-pin-versions';
import { rule as healthcheckMissing } from './healthcheck-missing';
import { rule as inlineIgnorePragma } from './inline-ignore-pragma';
import { rule as instructionOrder } from './instruction-order';
import { rule as invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { rule as jsonArgsCmd } from './json-args-cmd';
import { rule as labelKeyFormat } from './label-key-format';
import { rule as labelNotEmail } from './label-not-email';
import { rule as labelNotGitHash } from './label-not-git-hash';
import { rule as labelNotInSchema } from './label-not-in-schema';
import { rule as labelNotRfc3339 } from './label-not-rfc3339';
import { rule as labelNotSemver } from './label-not-semver';
import { rule as labelNotSpdx } from './label-not-spdx';
import { rule as labelNotUrl } from './label-not-url';
import { rule as labelSchemaEmpty } from './label-schema-empty';
import { rule as labelSchemaMissing } from './label-schema-missing';
import { rule as lastUserRoot } from './last-user-root';
import { rule as legacyKeyValueFormat } from './legacy-key-value-format';
import { rule as maintainerDeprecated } from './maintainer-deprecated';
import { rule as missingDockerignore } from './missing-dockerignore';
import { rule as missingUser } from './missing-user';
import { rule as noApt } from './no-apt';
import { rule as noEmptyContinuation } from './no-empty-continuation';
import { rule as noLatestTag } from './no-latest-tag';
import { rule as noSudo } from './no-sudo';
import { rule as npmOmitDev } from './npm-omit-dev';
import { rule as npmPinVersions } from './npm-pin-versions';
import { rule as onbuildForbiddenTrigger } from './onbuild-forbidden-trigger';
import { rule as pipNoCacheDir } from './pip-no-cache-dir';
import { rule as pipPinVersions } from './pip-pin-versions';
import { rule as pipefail } from './pipefail';
import { rule as pointlessCommands } from './pointless-commands';
import { rule as redundantTargetPlatform } from './redundant-target-platform';
import { rule as reservedStageName } from './reserved-stage-name';
import { rule as secretValue } from './secret-value';
import { rule as secretsInArgOrEnv } from './secrets-in-arg-or-env';
import { rule as singleCmd } from './single-cmd';
import { rule as singleEntrypoint } from './single-entrypoint';
import { rule as singleHealthcheck } from './single-healthcheck';
import { rule as stageNameCasing } from './stage-name-casing';
import { rule as syntax } from './syntax';
import { rule as tagImageVersion } from './tag-image-version';
import { rule as undefinedArgInFrom } from './undefined-arg-in-from';
import { rule as undefinedVar } from './undefined-var';
import { rule as uniqueStageNames } from './unique-stage-names';
import { rule as unknownInstruction } from './unknown-instruction';
import { rule as useShellInstruction } from './use-shell-instruction';
import { rule as useraddNoLogInit } from './useradd-no-log-init';
import { rule as validPort } from './valid-port';
import { rule as wgetOrCurl } from './wget-or-curl';
import { rule as wgetProgress } from './wget-progress';
import { rule as workdirInsteadOfCd } from './workdir-instead-of-cd';
import { rule as yarnCacheClean } from './yarn-cache-clean';
import { rule as yumAssumeYes } from './yum-assume-yes';
import { rule as yumCleanAll } from './yum-clean-all';
import { rule as yumPinVersions } from './yum-pin-versions';
import { rule as zypperClean } from './zypper-clean';
import { rule as zypperNoDistUpgrade } from './zypper-no-dist-upgrade';
import { rule as zypperNonInteractive } from './zypper-non-interactive';
import { rule as zypperPinVersions } from './zypper-pin-versions';
import { rule as cargoCacheMount } from './cargo-cache-mount';
import { rule as goCacheMount } from './go-cache-mount';
import { rule as mavenCacheMount } from './maven-cache-mount';
import { rule as gradleCacheMount } from './gradle-cache-mount';
import { rule as composerCacheMount } from './composer-cache-mount';
import { rule as nugetCacheMount } from './nuget-cache-mount';
import { rule as pnpmCacheMount } from './pnpm-cache-mount';
import { rule as mixCacheMount } from './mix-cache-mount';
import { rule as gemCacheMount } from './gem-cache-mount';
import { rule as copyWholeContext } from './copy-whole-context';
import { rule as addUrlWithoutChecksum } from './add-url-without-checksum';
import { rule as copyCredentialFile } from './copy-credential-file';
import { rule as passwordInImage } from './password-in-image';
import { rule as remoteScriptToShell } from './remote-script-to-shell';
import { rule as sshServer } from './ssh-server';
import { rule as tlsVerificationDisabled } from './tls-verification-disabled';
import { rule as unauthenticatedPackages } from './unauthenticated-packages';
import { rule as worldWritable } from './world-writable';
import { rule as updateAlone } from './update-alone';
import { rule as copyFromMissingPath } from './copy-from-missing-path';
import { rule as workdirSystemFolder } from './workdir-system-folder';

// Rules written before the security group joins it here (their files stay as they are).
markSecurity(
  secretValue,
  { severity: 8.1 },
  'Anyone who can pull the image (or read the repository) reads the credential and uses it, for as long as it is ' +
    'not revoked.',
);
markSecurity(
  secretsInArgOrEnv,
  { severity: 5.3 },
  'A value passed as a build argument or ENV is stored in the image configuration or history: anyone who pulls ' +
    'the image reads it.',
);
markSecurity(
  lastUserRoot,
  { severity: 6.0 },
  'Whoever gets code execution in the container (an injection, a compromised dependency) is root there: they can ' +
    'change any file of the image and, with a kernel or runtime bug, reach the host.',
);

export const rules: Rule<DockerfileModel>[] = [
  addUrlWithoutChecksum,
  copyCredentialFile,
  passwordInImage,
  remoteScriptToShell,
  sshServer,
  tlsVerificationDisabled,
  unauthenticatedPackages,
  updateAlone,
  copyFromMissingPath,
  workdirSystemFolder,
  worldWritable,

  absoluteWorkdir,
  addForArchives,
  allowedRegistries,
  apkNoCache,
  apkPinVersions,
  aptAssumeYes,
  aptListsCleanup,
  aptNoInstallRecommends,
  aptPinVersions,
  buildToolsInFinalImage,
  consecutiveRun,
  consistentInstructionCasing,
  copyAllBeforeInstall,
  copyFromKnownStage,
  copyFromSelf,
  copyRootFromStage,
  numericUser,
  copyInsteadOfAdd,
  copyMultipleSourcesDir,
  copyRelativeWithoutWorkdir,
  dnfAssumeYes,
  dnfCleanAll,
  dnfPinVersions,
  envSelfReference,
  exposeInvalidFormat,
  exposeProtoCasing,
  fromAsCasing,
  fromPlatformFlag,
  gemPinVersions,
  goInstallPinVersions,
  healthcheckMissing,
  inlineIgnorePragma,
  instructionOrder,
  invalidDefaultArgInFrom,
  jsonArgsCmd,
  labelKeyFormat,
  labelNotEmail,
  labelNotGitHash,
  labelNotInSchema,
  labelNotRfc3339,
  labelNotSemver,
  labelNotSpdx,
  labelNotUrl,
  labelSchemaEmpty,
  labelSchemaMissing,
  lastUserRoot,
  legacyKeyValueFormat,
  maintainerDeprecated,
  missingDockerignore,
  missingUser,
  noApt,
  noEmptyContinuation,
  noLatestTag,
  noSudo,
  npmOmitDev,
  npmPinVersions,
  onbuildForbiddenTrigger,
  pipNoCacheDir,
  pipPinVersions,
  pipefail,
  pointlessCommands,
  redundantTargetPlatform,
  reservedStageName,
  secretValue,
  secretsInArgOrEnv,
  singleCmd,
  singleEntrypoint,
  singleHealthcheck,
  stageNameCasing,
  syntax,
  tagImageVersion,
  undefinedArgInFrom,
  undefinedVar,
  uniqueStageNames,
  unknownInstruction,
  useShellInstruction,
  useraddNoLogInit,
  validPort,
  wgetOrCurl,
  wgetProgress,
  workdirInsteadOfCd,
  yarnCacheClean,
  yumAssumeYes,
  yumCleanAll,
  yumPinVersions,
  zypperClean,
  zypperNoDistUpgrade,
  zypperNonInteractive,
  zypperPinVersions,
  cargoCacheMount,
  goCacheMount,
  mavenCacheMount,
  gradleCacheMount,
  composerCacheMount,
  nugetCacheMount,
  pnpmCacheMount,
  mixCacheMount,
  gemCacheMount,
  copyWholeContext,
].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
