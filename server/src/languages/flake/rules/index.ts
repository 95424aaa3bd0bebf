import type { Rule } from '../../../engine/types';
import type { NixModel } from '../../nix/ast';
import { rule as topLevel } from './top-level';
import { rule as description } from './description-string';
import { rule as inputShape } from './input-shape';
import { rule as flakeRef } from './flake-ref';
import { rule as follows } from './follows-target';
import { rule as outputsFormals } from './outputs-formals';
import { rule as knownOutputs } from './known-outputs';
import { rule as deprecatedOutputs } from './deprecated-outputs';
import { rule as knownSystems } from './known-systems';
import { rule as lock } from './lock-consistency';
import { rule as lockMissing } from './lock-missing';
import { rule as lockInvalid } from './lock-invalid';
import { rule as outputTypes } from './output-types';
import { rule as implicitInput } from './implicit-input';
import { rule as insecureSubstituter } from './insecure-substituter';
import { rule as configTrust } from './config-trust';
import { rule as insecureInput } from './insecure-input';

export const rules: Rule<NixModel>[] = [
  topLevel,
  description,
  inputShape,
  flakeRef,
  follows,
  outputsFormals,
  knownOutputs,
  deprecatedOutputs,
  knownSystems,
  lock,
  lockMissing,
  lockInvalid,
  outputTypes,
  implicitInput,
  insecureSubstituter,
  configTrust,
  insecureInput,
];
