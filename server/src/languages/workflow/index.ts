/** GitHub Actions workflows: `.github/workflows/*.yml`. */
import type { Language } from '../../engine/types';
import { parseWorkflow, parseWorkflowSteps, type WorkflowModel } from './parse';
import { rules } from './rules';
import { complete } from './features/complete';
import { hover } from './features/hover';
import { symbols } from './features/symbols';
import { definition } from './features/definition';
import { crossFileCompletions, crossFileDefinition } from '../crossfile/features';
import { withCrossFileDefinition, withCrossFileHover, withCrossFileRename } from '../crossfile/navigate';

export type { WorkflowModel } from './parse';

export const language: Language<WorkflowModel> = {
  kind: 'workflow',
  lineComment: '#',
  parse: (text) => parseWorkflow(text),
  parseSteps: (text) => parseWorkflowSteps(text),
  rules,
  // Values that name something in another file (a task definition's container, a Dockerfile's
  // stage or ARG) complete and resolve from that file first.
  complete: (ctx, offset) => {
    const other = crossFileCompletions(ctx, offset);
    return other.length ? other : complete(ctx, offset);
  },
  // A target, container-name or `.#name` shows the other file's declaration, and renames it everywhere.
  hover: withCrossFileHover(hover),
  symbols,
  definition: withCrossFileDefinition((ctx, offset) => {
    const other = crossFileDefinition(ctx, offset);
    return other.length ? other : definition(ctx, offset);
  }),
  rename: withCrossFileRename(),
};
