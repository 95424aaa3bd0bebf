import type { Rule } from '../../../engine/types';
import type { DockerignoreModel } from '../patterns';
import { rule as patternSyntax } from './pattern-syntax';
import { rule as uselessReinclude } from './useless-reinclude';

export const rules: Rule<DockerignoreModel>[] = [patternSyntax, uselessReinclude];
