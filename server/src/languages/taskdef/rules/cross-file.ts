/** The cross-file rules (XFxxx) of task definitions. */
import type { TaskDefRule } from '../rule-kit';
import { rule as workflowContainerName } from './workflow-container-name';

export const crossFileRules: TaskDefRule[] = [workflowContainerName];
