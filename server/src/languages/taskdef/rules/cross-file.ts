import type { TaskDefModel } from '../parse';
import type { Rule } from '../../../engine/types';
/** The cross-file rules (XFxxx) of task definitions. */
import { rule as workflowContainerName } from './workflow-container-name';
import { rule as containerPortNotExposed } from './container-port-not-exposed';
import { rule as healthCheckTarget } from './health-check-target';
import { rule as imageArchitecture } from './image-architecture';
import { rule as familyNamedElsewhere } from './family-named-elsewhere';

export const crossFileRules: Rule<TaskDefModel>[] = [
  workflowContainerName,
  containerPortNotExposed,
  healthCheckTarget,
  imageArchitecture,
  familyNamedElsewhere,
];
