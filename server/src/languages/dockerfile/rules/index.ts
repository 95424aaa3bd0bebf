// Every rule file of this folder (regenerate when adding one); sorted by code at load.
import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { rule as absoluteWorkdir } from './absolute-workdir';
import { rule as apkNoCache } from './apk-no-cache';
import { rule as apkPinVersions } from './apk-pin-versions';
import { rule as aptAssumeYes } from './apt-assume-yes';
import { rule as aptListsCleanup } from './apt-lists-cleanup';
import { rule as aptNoInstallRecommends } from './apt-no-install-recommends';
import { rule as aptPinVersions } from './apt-pin-versions';
import { rule as consecutiveRun } from './consecutive-run';
import { rule as copyInsteadOfAdd } from './copy-instead-of-add';
import { rule as gemPinVersions } from './gem-pin-versions';
import { rule as goInstallPinVersions } from './go-install-pin-versions';
import { rule as jsonArgsCmd } from './json-args-cmd';
import { rule as lastUserRoot } from './last-user-root';
import { rule as maintainerDeprecated } from './maintainer-deprecated';
import { rule as noApt } from './no-apt';
import { rule as noLatestTag } from './no-latest-tag';
import { rule as noSudo } from './no-sudo';
import { rule as npmPinVersions } from './npm-pin-versions';
import { rule as pipNoCacheDir } from './pip-no-cache-dir';
import { rule as pipPinVersions } from './pip-pin-versions';
import { rule as pipefail } from './pipefail';
import { rule as pointlessCommands } from './pointless-commands';
import { rule as tagImageVersion } from './tag-image-version';
import { rule as workdirInsteadOfCd } from './workdir-instead-of-cd';
import { rule as yarnCacheClean } from './yarn-cache-clean';
export const rules: Rule<DockerfileModel>[] = [
  absoluteWorkdir,
  apkNoCache,
  apkPinVersions,
  aptAssumeYes,
  aptListsCleanup,
  aptNoInstallRecommends,
  aptPinVersions,
  consecutiveRun,
  copyInsteadOfAdd,
  gemPinVersions,
  goInstallPinVersions,
  jsonArgsCmd,
  lastUserRoot,
  maintainerDeprecated,
  noApt,
  noLatestTag,
  noSudo,
  npmPinVersions,
  pipNoCacheDir,
  pipPinVersions,
  pipefail,
  pointlessCommands,
  tagImageVersion,
  workdirInsteadOfCd,
  yarnCacheClean,
].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
