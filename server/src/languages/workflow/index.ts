/** GitHub Actions workflows: `.github/workflows/*.yml`. */
import type { Language } from '../../engine/types';
import { parseWorkflow, parseWorkflowSteps, type WorkflowModel } from './parse';
import { rules } from './rules';
import { complete } from './features/complete';
import { hover } from './features/hover';
import { symbols } from './features/symbols';
import { definition } from './features/definition';
import { documentLinks, format, inlayHints, references, semanticTokens } from './features/editor';
import { factsOfFile } from './facts';

export type { WorkflowModel } from './parse';

export const language: Language<WorkflowModel> = {
  kind: 'workflow',
  lineComment: '#',
  parse: (text) => parseWorkflow(text),
  parseSteps: (text) => parseWorkflowSteps(text),
  rules,
  facts: factsOfFile,
  complete,
  hover,
  symbols,
  definition,
  format,
  references,
  documentLinks,
  semanticTokens,
  inlayHints,
};
