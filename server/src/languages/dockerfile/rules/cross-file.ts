/** The cross-file rules (XFxxx) of Dockerfiles. */
import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { rule as stageTargetedElsewhere } from './stage-targeted-elsewhere';
import { rule as copyIgnoredByBuildContext } from './copy-ignored-by-build-context';

export const crossFileRules: Rule<DockerfileModel>[] = [stageTargetedElsewhere, copyIgnoredByBuildContext];
