/** The cross-file rules (XFxxx) of compose files. */
import type { Rule } from '../../../engine/types';
import type { ComposeModel } from '../parse';
import { rule as portNotExposed } from './port-not-exposed';
import { rule as healthcheckTarget } from './healthcheck-target';
import { rule as contextIgnoresCopySource } from './context-ignores-copy-source';
import { rule as contextIgnoresDockerfile } from './context-ignores-dockerfile';
import { rule as buildArgUndeclared } from './build-arg-undeclared';

export const crossFileRules: Rule<ComposeModel>[] = [
  portNotExposed,
  healthcheckTarget,
  contextIgnoresCopySource,
  contextIgnoresDockerfile,
  buildArgUndeclared,
];
